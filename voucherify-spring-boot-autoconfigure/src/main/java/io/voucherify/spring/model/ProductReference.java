package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The product or SKU that a unit discount adds (schemas {@code SimpleProductDiscountUnit}
 * and {@code SimpleSkuDiscountUnit}).
 *
 * @param sourceId your own id of the product or SKU
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProductReference(@JsonProperty("id") @Nullable String id,
		@JsonProperty("source_id") @Nullable String sourceId, @JsonProperty("name") @Nullable String name) {

}
