package io.voucherify.spring.exception;

/**
 * Voucherify (or a proxy in front of it) answered with a success status but a body the
 * client cannot read: invalid JSON, an HTML page, or no body where one is required.
 */
public class VoucherifyInvalidResponseException extends VoucherifyException {

	private static final long serialVersionUID = 1L;

	private final int statusCode;

	/**
	 * Create an exception for an unreadable success response.
	 * @param statusCode the HTTP status code of the response
	 * @param message the detail message
	 * @param cause the parsing failure, if any
	 */
	public VoucherifyInvalidResponseException(int statusCode, String message,
			@org.jspecify.annotations.Nullable Throwable cause) {
		super(message, cause);
		this.statusCode = statusCode;
	}

	/**
	 * The HTTP status code of the unreadable response.
	 * @return the status code
	 */
	public int getStatusCode() {
		return this.statusCode;
	}

}
