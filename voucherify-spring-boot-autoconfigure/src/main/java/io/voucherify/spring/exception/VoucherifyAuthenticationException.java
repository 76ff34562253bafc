package io.voucherify.spring.exception;

import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Voucherify rejected the credentials (401) or denied access (403): check
 * {@code voucherify.app-id}, {@code voucherify.secret-key} and the region of
 * {@code voucherify.base-url}.
 *
 * @since 0.1.0
 */
public class VoucherifyAuthenticationException extends VoucherifyApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for a failed response.
	 * @param statusCode the HTTP status
	 * @param responseHeaders the response headers
	 * @param error the parsed error envelope, or {@code null}
	 * @param responseBody the raw body, empty if none
	 */
	public VoucherifyAuthenticationException(HttpStatusCode statusCode, HttpHeaders responseHeaders,
			@Nullable VoucherifyError error, String responseBody) {
		super(statusCode, responseHeaders, error, responseBody);
	}

}
