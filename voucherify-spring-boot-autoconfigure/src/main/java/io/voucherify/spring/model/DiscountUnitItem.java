package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One unit of a unit discount with several units (schema
 * {@code DiscountUnitMultipleOneUnit}).
 *
 * @param unitOff the number of units granted free
 * @param effect {@link DiscountEffect#ADD_NEW_ITEMS} or
 * {@link DiscountEffect#ADD_MISSING_ITEMS}
 * @param unitType the free product or SKU id
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DiscountUnitItem(@JsonProperty("unit_off") @Nullable Integer unitOff,
		@JsonProperty("unit_off_formula") @Nullable String unitOffFormula,
		@JsonProperty("effect") @Nullable DiscountEffect effect, @JsonProperty("unit_type") @Nullable String unitType,
		@JsonProperty("product") @Nullable ProductReference product,
		@JsonProperty("sku") @Nullable ProductReference sku) {

}
