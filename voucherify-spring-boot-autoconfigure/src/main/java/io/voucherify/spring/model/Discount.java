package io.voucherify.spring.model;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The discount of a discount voucher (schema {@code Discount}). The schema is a
 * {@code oneOf} without a discriminator; this record holds the fields of all its variants
 * ({@code DiscountAmount}, {@code DiscountUnit}, {@code DiscountUnitMultiple},
 * {@code DiscountPercent}, {@code DiscountFixed}) and {@link #type()} says which apply.
 *
 * @param amountOff for {@link DiscountType#AMOUNT}: the amount taken off, in minor units
 * (e.g. cents)
 * @param percentOff for {@link DiscountType#PERCENT}: the percentage taken off, e.g.
 * {@code 10} for 10%
 * @param amountLimit for {@link DiscountType#PERCENT}: the most the discount takes off,
 * in minor units (e.g. cents)
 * @param aggregatedAmountLimit the most discount per order, in minor units (e.g. cents)
 * @param fixedAmount for {@link DiscountType#FIXED}: the value the order total or item
 * price is set to, in minor units (e.g. cents); the fallback if a formula cannot be
 * computed
 * @param unitOff for a single {@link DiscountType#UNIT} discount: the number of units
 * granted free
 * @param unitType for a single {@link DiscountType#UNIT} discount: the free product or
 * SKU id
 * @param units for a {@link DiscountType#UNIT} discount with several units ({@code
 * DiscountUnitMultiple})
 * @param isDynamic whether the discount is computed by a formula
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Discount(@JsonProperty("type") @Nullable DiscountType type,
		@JsonProperty("amount_off") @Nullable Long amountOff,
		@JsonProperty("amount_off_formula") @Nullable String amountOffFormula,
		@JsonProperty("percent_off") @Nullable BigDecimal percentOff,
		@JsonProperty("percent_off_formula") @Nullable String percentOffFormula,
		@JsonProperty("amount_limit") @Nullable Long amountLimit,
		@JsonProperty("aggregated_amount_limit") @Nullable Long aggregatedAmountLimit,
		@JsonProperty("fixed_amount") @Nullable Long fixedAmount,
		@JsonProperty("fixed_amount_formula") @Nullable String fixedAmountFormula,
		@JsonProperty("unit_off") @Nullable Integer unitOff,
		@JsonProperty("unit_off_formula") @Nullable String unitOffFormula,
		@JsonProperty("unit_type") @Nullable String unitType,
		@JsonProperty("product") @Nullable ProductReference product,
		@JsonProperty("sku") @Nullable ProductReference sku,
		@JsonProperty("units") @Nullable List<DiscountUnitItem> units,
		@JsonProperty("effect") @Nullable DiscountEffect effect,
		@JsonProperty("is_dynamic") @Nullable Boolean isDynamic) {

}
