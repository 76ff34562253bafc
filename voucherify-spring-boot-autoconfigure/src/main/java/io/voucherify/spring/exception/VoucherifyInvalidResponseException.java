package io.voucherify.spring.exception;

/**
 * Voucherify (or a proxy in front of it) answered in a way the client cannot use: a
 * success status with a body it cannot read (invalid JSON, an HTML page, no body where
 * one is required, a body larger than {@code voucherify.max-response-size}), a paging
 * cursor that does not advance, or a {@linkplain VoucherifyRedirectException redirect}.
 *
 * @since 0.1.0
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
