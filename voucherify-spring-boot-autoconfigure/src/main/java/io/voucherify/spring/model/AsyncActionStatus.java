package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Where a background job stands ({@code AsyncActionBase.status}). {@link #DONE} and
 * {@link #FAILED} are final; Voucherify documents the values only together, so the
 * meaning of each is read from its name.
 *
 * @since 0.1.0
 */
public enum AsyncActionStatus {

	/** Waiting in Voucherify's queue behind earlier bulk jobs. */
	ENQUEUED("ENQUEUED"),

	/** Running. */
	IN_PROGRESS("IN_PROGRESS"),

	/**
	 * Finished. Not the same as successful: a CSV import is {@code DONE} even when every
	 * row failed, see {@link CsvImportResult#failed()}.
	 */
	DONE("DONE"),

	/** Ended without finishing. */
	FAILED("FAILED"),

	/** A value this version of the client does not know; treated as not final. */
	UNKNOWN("UNKNOWN");

	private final String value;

	AsyncActionStatus(String value) {
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
	 * Whether the job has ended ({@link #DONE} or {@link #FAILED}): polling it again
	 * cannot change the answer.
	 * @return {@code true} for a final status
	 */
	public boolean isFinal() {
		return this == DONE || this == FAILED;
	}

	/**
	 * The constant for a wire value, {@link #UNKNOWN} for any value this client does not
	 * know.
	 * @param value the wire value
	 * @return the matching constant, or {@link #UNKNOWN}
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AsyncActionStatus fromValue(@Nullable String value) {
		for (AsyncActionStatus candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
