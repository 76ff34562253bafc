package io.voucherify.spring.exception;

import java.time.Duration;

import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Voucherify's rate limit is reached (429). {@link #getRetryAfter()} says how long to
 * wait, taken from {@code Retry-After} or {@code X-Rate-Limit-Retry}.
 *
 * @since 0.1.0
 */
public class VoucherifyRateLimitException extends VoucherifyApiException {

	private static final long serialVersionUID = 1L;

	private final @Nullable Duration retryAfter;

	/**
	 * Create an exception for a rate-limited response.
	 * @param statusCode the HTTP status
	 * @param responseHeaders the response headers
	 * @param error the parsed error envelope, or {@code null}
	 * @param responseBody the raw body, empty if none
	 * @param retryAfter how long to wait before retrying, or {@code null} if not given
	 */
	public VoucherifyRateLimitException(HttpStatusCode statusCode, HttpHeaders responseHeaders,
			@Nullable VoucherifyError error, String responseBody, @Nullable Duration retryAfter) {
		super(statusCode, responseHeaders, error, responseBody);
		this.retryAfter = retryAfter;
	}

	/**
	 * How long to wait before the next call, from {@code Retry-After} (seconds or an HTTP
	 * date) or {@code X-Rate-Limit-Retry} (Unix epoch seconds), never negative.
	 * @return the wait, or {@code null} if Voucherify gave none
	 */
	public @Nullable Duration getRetryAfter() {
		return this.retryAfter;
	}

	@Override
	public String getMessage() {
		String message = super.getMessage();
		return (this.retryAfter != null) ? message + " (retry after " + this.retryAfter.toSeconds() + "s)" : message;
	}

}
