package io.voucherify.spring.exception;

import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Voucherify, or a proxy in front of it, failed with a 5xx status. For operations that
 * change state the change may or may not have been applied.
 *
 * @since 0.1.0
 */
public class VoucherifyServerException extends VoucherifyApiException {

	private static final long serialVersionUID = 1L;

	/**
	 * Create an exception for a failed response.
	 * @param statusCode the HTTP status
	 * @param responseHeaders the response headers
	 * @param error the parsed error envelope, or {@code null}
	 * @param responseBody the raw body, empty if none
	 */
	public VoucherifyServerException(HttpStatusCode statusCode, HttpHeaders responseHeaders,
			@Nullable VoucherifyError error, String responseBody) {
		super(statusCode, responseHeaders, error, responseBody);
	}

}
