package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * How a balance change was made ({@code operation_type} of a balance object).
 *
 * @since 0.1.0
 */
public enum BalanceOperationType {

	/** Through the API or the dashboard. */
	MANUAL("MANUAL"),

	/** By an automatic redemption. */
	AUTOMATIC("AUTOMATIC"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	BalanceOperationType(String value) {
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
	public static BalanceOperationType fromValue(@Nullable String value) {
		for (BalanceOperationType candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
