package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How a discount is applied: every value of the
 * {@code DiscountAmountVouchersEffectTypes}, {@code DiscountPercentVouchersEffectTypes},
 * {@code DiscountFixedVouchersEffectTypes}, {@code DiscountUnitVouchersEffectTypes} and
 * {@code DiscountUnitMultipleOneUnit.effect} schemas.
 *
 * @since 0.1.0
 */
public enum DiscountEffect {

	APPLY_TO_ORDER("APPLY_TO_ORDER"),

	APPLY_TO_ITEMS("APPLY_TO_ITEMS"),

	APPLY_TO_ITEMS_PROPORTIONALLY("APPLY_TO_ITEMS_PROPORTIONALLY"),

	APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY("APPLY_TO_ITEMS_PROPORTIONALLY_BY_QUANTITY"),

	APPLY_TO_ITEMS_BY_QUANTITY("APPLY_TO_ITEMS_BY_QUANTITY"),

	ADD_MISSING_ITEMS("ADD_MISSING_ITEMS"),

	ADD_NEW_ITEMS("ADD_NEW_ITEMS"),

	ADD_MANY_ITEMS("ADD_MANY_ITEMS"),

	ADD_SAME_ITEMS("ADD_SAME_ITEMS"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	DiscountEffect(String value) {
		this.value = value;
	}

	/**
	 * The value on the wire.
	 * @return the wire value
	 */
	@JsonValue
	public String value() {
		return this.value;
	}

	/**
	 * The constant for a wire value, {@link #UNKNOWN} for any value this client does not
	 * know.
	 * @param value the wire value
	 * @return the matching constant, or {@link #UNKNOWN}
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static DiscountEffect fromValue(@Nullable String value) {
		for (DiscountEffect candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
