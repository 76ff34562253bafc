package io.voucherify.spring.exception;

import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * The request did not get a complete HTTP answer: connection refused or reset, TLS
 * failure, connect or read timeout. Whether Voucherify processed the request is unknown
 * unless the connection was never made.
 */
public class VoucherifyTransportException extends VoucherifyException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for a failed exchange.
	 * @param message the detail message
	 * @param cause the I/O failure
	 */
	public VoucherifyTransportException(String message, Throwable cause) {
		super(message, cause);
	}

	/**
	 * Whether the failure is a timeout (connect or read).
	 * @return {@code true} if a timeout is in the cause chain
	 */
	public boolean isTimeout() {
		for (Throwable t = getCause(); t != null; t = t.getCause()) {
			if (t instanceof SocketTimeoutException || t instanceof HttpTimeoutException) {
				return true;
			}
		}
		return false;
	}

}
