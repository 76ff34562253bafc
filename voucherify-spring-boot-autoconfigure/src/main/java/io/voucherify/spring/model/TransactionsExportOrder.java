package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The order of the rows in a transactions export
 * ({@code VoucherTransactionsExportParameters.order}). {@link #UNKNOWN} only appears when
 * reading a response and cannot be sent.
 *
 * @since 0.1.0
 */
public enum TransactionsExportOrder {

	/** Oldest first. */
	CREATED_AT_ASC("created_at"),

	/** Newest first. */
	CREATED_AT_DESC("-created_at"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	TransactionsExportOrder(String value) {
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
	public static TransactionsExportOrder fromValue(@Nullable String value) {
		for (TransactionsExportOrder candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
