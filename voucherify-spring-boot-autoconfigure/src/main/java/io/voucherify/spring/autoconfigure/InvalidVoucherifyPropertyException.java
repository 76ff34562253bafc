package io.voucherify.spring.autoconfigure;

/**
 * A {@code voucherify.*} property is missing or invalid. Reported at start-up by
 * {@link InvalidVoucherifyPropertyFailureAnalyzer}. The message never holds the value of
 * {@code voucherify.secret-key}.
 */
class InvalidVoucherifyPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String property;

	private final String action;

	InvalidVoucherifyPropertyException(String property, String problem, String action) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	String getProperty() {
		return this.property;
	}

	String getAction() {
		return this.action;
	}

}
