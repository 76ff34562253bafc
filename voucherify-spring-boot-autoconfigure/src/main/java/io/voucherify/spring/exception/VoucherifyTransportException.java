package io.voucherify.spring.exception;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;

import org.jspecify.annotations.Nullable;

/**
 * The request did not get a complete HTTP answer: connection refused or reset, TLS
 * failure, connect or read timeout, or the call's total time
 * ({@code voucherify.retry.max-total-time}) ran out. Whether Voucherify processed the
 * request is unknown unless the connection was never made.
 *
 * @since 0.1.0
 */
public class VoucherifyTransportException extends VoucherifyException {

	private static final long serialVersionUID = 1L;

	private final boolean timeout;

	/**
	 * Create an exception for a failed exchange.
	 * @param message the detail message
	 * @param cause the I/O failure
	 */
	public VoucherifyTransportException(String message, Throwable cause) {
		this(message, cause, false);
	}

	/**
	 * Create an exception for a failed exchange.
	 * @param message the detail message
	 * @param cause the I/O failure, if any
	 * @param timeout whether a time limit ended the exchange
	 * @since 0.1.0
	 */
	public VoucherifyTransportException(String message, @Nullable Throwable cause, boolean timeout) {
		super(message, cause);
		this.timeout = timeout;
	}

	/**
	 * Whether the failure is a timeout: connect, read, or the call's total time.
	 * @return {@code true} if a time limit ended the exchange
	 */
	public boolean isTimeout() {
		if (this.timeout) {
			return true;
		}
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
