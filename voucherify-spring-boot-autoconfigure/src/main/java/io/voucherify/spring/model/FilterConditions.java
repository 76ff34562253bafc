package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The conditions of a {@link FieldFilter}.
 *
 * @param in the values the field must have one of; for {@code voucher_id} Voucherify puts
 * the voucher code here, not its {@code v_...} id
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FilterConditions(@JsonProperty("$in") @Nullable List<String> in) {

}
