package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * Whether a background job's processing succeeded
 * ({@code AsyncActionBase.operation_status}). Voucherify's examples send it on bulk
 * updates, not on CSV imports, so it is often absent.
 *
 * @since 0.1.0
 */
public enum AsyncActionOperationStatus {

	SUCCESS("SUCCESS"),

	FAILED("FAILED"),

	/** Voucherify does not know, or sent a value this version of the client does not. */
	UNKNOWN("UNKNOWN");

	private final String value;

	AsyncActionOperationStatus(String value) {
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
	 * The constant for a wire value, {@link #UNKNOWN} for any other.
	 * @param value the wire value
	 * @return the matching constant, or {@link #UNKNOWN}
	 */
	@JsonCreator(mode = JsonCreator.Mode.DELEGATING)
	public static AsyncActionOperationStatus fromValue(@Nullable String value) {
		for (AsyncActionOperationStatus candidate : values()) {
			if (candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
