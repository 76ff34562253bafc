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

	/** The CSV upload came without its file. */
	static InvalidFieldException missingFile() {
		return new InvalidFieldException("file", "is required: post the CSV as the multipart part 'file'");
	}

	String getField() {
		return this.field;
	}

}
