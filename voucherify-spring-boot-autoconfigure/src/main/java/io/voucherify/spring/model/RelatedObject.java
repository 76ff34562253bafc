package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The object a balance belongs to ({@code related_object} of a balance object).
 *
 * @param type always {@code voucher}
 * @param id the voucher's id, {@code v_...}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RelatedObject(@JsonProperty("type") @Nullable String type, @JsonProperty("id") @Nullable String id) {

}
