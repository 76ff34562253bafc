package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The kind of a {@link Discount} ({@code Discount.type}); it tells the {@code oneOf}
 * variants apart. {@link #UNIT} covers both a single unit discount and one with several
 * {@link Discount#units() units}.
 *
 * @since 0.1.0
 */
public enum DiscountType {

	AMOUNT("AMOUNT"),

	UNIT("UNIT"),

	PERCENT("PERCENT"),

	FIXED("FIXED"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	DiscountType(String value) {
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
	public static DiscountType fromValue(@Nullable String value) {
		for (DiscountType candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
