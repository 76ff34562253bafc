package io.voucherify.spring.exception;

import org.jspecify.annotations.Nullable;

/**
 * Voucherify's address answered with a redirect (3xx). Voucherify's API does not redirect
 * its calls, so the client never follows one: the secret key would go wherever the
 * {@code Location} points. Nothing more is sent for the call.
 *
 * @since 0.1.0
 */
public class VoucherifyRedirectException extends VoucherifyInvalidResponseException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String locationHost;

	/**
	 * Create an exception for a redirect.
	 * @param statusCode the 3xx status
	 * @param locationHost the host the {@code Location} header names, or {@code null} if
	 * it names none
	 * @param message the detail message
	 */
	public VoucherifyRedirectException(int statusCode, @Nullable String locationHost, String message) {
		super(statusCode, message, null);
		this.locationHost = locationHost;
	}

	/**
	 * The host the redirect pointed to. Only the host: the rest of the location may hold
	 * a voucher code.
	 * @return the host, or {@code null} if the answer had no absolute {@code Location}
	 */
	public @Nullable String getLocationHost() {
		return this.locationHost;
	}

}
