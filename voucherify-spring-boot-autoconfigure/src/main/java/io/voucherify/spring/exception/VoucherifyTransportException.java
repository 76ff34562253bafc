package io.voucherify.spring.exception;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

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

	/**
	 * Whether the connection was never established (refused, unknown host, no route,
	 * connect timeout), so Voucherify cannot have processed the request and repeating it
	 * is safe.
	 * @return {@code true} if no connection was made
	 */
	public boolean isConnectFailure() {
		for (Throwable t = getCause(); t != null; t = t.getCause()) {
			if (t instanceof ConnectException || t instanceof UnknownHostException
					|| t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException
					|| t instanceof UnresolvedAddressException
					|| t.getClass().getSimpleName().equals("ConnectTimeoutException")) {
				return true;
			}
		}
		return false;
	}

}
