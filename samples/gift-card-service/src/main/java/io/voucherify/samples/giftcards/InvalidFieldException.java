package io.voucherify.samples.giftcards;

/**
 * A field of a request to this service is missing or invalid; nothing was sent to
 * Voucherify.
 */
class InvalidFieldException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	private final String field;

	InvalidFieldException(String field, String problem) {
		super("'" + field + "' " + problem);
		this.field = field;
	}

	String getField() {
		return this.field;
	}

}
