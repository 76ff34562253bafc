package io.voucherify.spring.exception;

import org.jspecify.annotations.Nullable;

/**
 * Root of every exception the Voucherify client throws. Unchecked, like Spring's own
 * {@code RestClientException}.
 *
 * @see VoucherifyApiException
 * @see VoucherifyTransportException
 * @see VoucherifyInvalidResponseException
 * @since 0.1.0
 */
public class VoucherifyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception with a message.
	 * @param message the detail message
	 */
	public VoucherifyException(String message) {
		super(message);
	}

	/**
	 * Create an exception with a message and a cause.
	 * @param message the detail message
	 * @param cause the cause
	 */
	public VoucherifyException(String message, @Nullable Throwable cause) {
		super(message, cause);
	}

}
