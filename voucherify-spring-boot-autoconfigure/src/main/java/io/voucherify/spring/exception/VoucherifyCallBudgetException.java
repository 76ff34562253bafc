package io.voucherify.spring.exception;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;

/**
 * The call was not sent: the application's call budget gave no permit within the wait
 * ({@code voucherify.rate-limit.max-wait}, or the call's time left). A
 * {@link VoucherifyRateLimitException} as a 429 would be, with the time to come back in
 * {@link #getRetryAfter()}; it is never retried, as the wait is spent already.
 *
 * @since 0.1.0
 */
public class VoucherifyCallBudgetException extends VoucherifyRateLimitException {

	private static final long serialVersionUID = 1L;

	private final String reason;

	/**
	 * Create an exception for a call the budget held back.
	 * @param reason why, naming the operation and the wait, never a code
	 * @param retryAfter when a permit is expected
	 */
	public VoucherifyCallBudgetException(String reason, Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, HttpHeaders.EMPTY, null, "", retryAfter);
		this.reason = reason;
	}

	@Override
	public String getMessage() {
		Duration retryAfter = getRetryAfter();
		return this.reason + ((retryAfter != null) ? " (retry after " + retryAfter.toMillis() + " ms)" : "");
	}

}
