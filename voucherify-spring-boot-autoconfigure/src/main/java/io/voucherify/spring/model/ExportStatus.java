package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The status of an export ({@code VoucherTransactionsExport.status}). The create response
 * always says {@link #SCHEDULED}; the other values are what the export reaches later.
 *
 * @since 0.1.0
 */
public enum ExportStatus {

	SCHEDULED("SCHEDULED"),

	IN_PROGRESS("IN_PROGRESS"),

	DONE("DONE"),

	ERROR("ERROR"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	ExportStatus(String value) {
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
	public static ExportStatus fromValue(@Nullable String value) {
		for (ExportStatus candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
