package io.voucherify.spring.ratelimit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * Voucherify's rate-limit headers on one answer; each {@code null} when absent or not a
 * number.
 *
 * @param limit {@code X-Rate-Limit-Limit}
 * @param remaining {@code X-Rate-Limit-Remaining}
 * @param retryAt {@code X-Rate-Limit-Retry}, Unix epoch seconds
 * @param retryAfterSeconds {@code Retry-After} in seconds (an HTTP date is not read here)
 */
record RateLimitHeaders(@Nullable Long limit, @Nullable Long remaining, @Nullable Instant retryAt,
		@Nullable Long retryAfterSeconds) {

	static RateLimitHeaders of(HttpHeaders headers) {
		Long retryAt = number(headers, "X-Rate-Limit-Retry");
		return new RateLimitHeaders(number(headers, "X-Rate-Limit-Limit"), number(headers, "X-Rate-Limit-Remaining"),
				(retryAt != null) ? Instant.ofEpochSecond(retryAt) : null, number(headers, HttpHeaders.RETRY_AFTER));
	}

	/**
	 * Until when Voucherify asks for no calls after a 429: {@code Retry-After} first,
	 * then {@code X-Rate-Limit-Retry}.
	 */
	@Nullable Instant pauseUntil(Instant now) {
		if (this.retryAfterSeconds != null) {
			return now.plusSeconds(Math.max(this.retryAfterSeconds, 0));
		}
		return this.retryAt;
	}

	private static @Nullable Long number(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			long number = Long.parseLong(value.strip());
			return (number >= 0) ? number : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

}
