package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The type of a {@link VoucherTransaction}: the values of
 * {@code GiftVoucherTransactionsType} ({@code CREDITS_*}) and
 * {@code LoyaltyCardTransactionsType} (points).
 *
 * @since 0.1.0
 */
public enum VoucherTransactionType {

	CREDITS_REDEMPTION("CREDITS_REDEMPTION"),

	CREDITS_REFUND("CREDITS_REFUND"),

	CREDITS_ADDITION("CREDITS_ADDITION"),

	CREDITS_REMOVAL("CREDITS_REMOVAL"),

	PENDING_POINTS_ACTIVATION("PENDING_POINTS_ACTIVATION"),

	POINTS_ACCRUAL("POINTS_ACCRUAL"),

	POINTS_REDEMPTION("POINTS_REDEMPTION"),

	POINTS_REFUND("POINTS_REFUND"),

	POINTS_ADDITION("POINTS_ADDITION"),

	POINTS_REMOVAL("POINTS_REMOVAL"),

	POINTS_EXPIRATION("POINTS_EXPIRATION"),

	POINTS_TRANSFER_IN("POINTS_TRANSFER_IN"),

	POINTS_TRANSFER_OUT("POINTS_TRANSFER_OUT"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	VoucherTransactionType(String value) {
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
	public static VoucherTransactionType fromValue(@Nullable String value) {
		for (VoucherTransactionType candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
