package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The event behind a transaction ({@code event} and {@code custom_event} of
 * {@link VoucherTransactionDetails}).
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventReference(@JsonProperty("id") @Nullable String id, @JsonProperty("type") @Nullable String type) {

}
