package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import org.jspecify.annotations.Nullable;

/**
 * The validation status of a {@link ValidationRuleAssignment}.
 *
 * @since 0.1.0
 */
public enum ValidationStatus {

	VALID("VALID"),

	PARTIALLY_VALID("PARTIALLY_VALID"),

	INVALID("INVALID"),

	/** A value this version of the client does not know. */
	UNKNOWN("UNKNOWN");

	private final String value;

	ValidationStatus(String value) {
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
	public static ValidationStatus fromValue(@Nullable String value) {
		for (ValidationStatus candidate : values()) {
			if (candidate != UNKNOWN && candidate.value.equals(value)) {
				return candidate;
			}
		}
		return UNKNOWN;
	}

}
