package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * A column of a transactions export ({@code VoucherTransactionsExportParameters.fields}).
 * {@link #UNKNOWN} only appears when reading a response and cannot be sent.
 *
 * @since 0.1.0
 */
public enum TransactionsExportField {

	ID("id"),

	TYPE("type"),

	SOURCE_ID("source_id"),

	REASON("reason"),

	BALANCE("balance"),

	AMOUNT("amount"),

	CREATED_AT("created_at"),

	VOUCHER_ID("voucher_id"),

	CAMPAIGN_ID("campaign_id"),

	SOURCE("source"),

	DETAILS("details"),

	RELATED_TRANSACTION_ID("related_transaction_id"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	TransactionsExportField(String value) {
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
	public static TransactionsExportField fromValue(@Nullable String value) {
		for (TransactionsExportField candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
