package io.voucherify.spring;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryPolicy;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.BackOffExecution;

/**
 * The retry policy of one call, for Spring's {@code RetryTemplate}. Decides from the
 * operation and the failure whether a retry is safe (see
 * {@link VoucherifyRetrySettings}), and how long to wait: Voucherify's own retry time
 * after a 429, otherwise exponential backoff with jitter. One instance per call, as it
 * remembers the last failure.
 */
final class VoucherifyRetryPolicy implements RetryPolicy, BackOff, BackOffExecution {

	private final VoucherifyOperation operation;

	private final VoucherifyRetrySettings settings;

	private final VoucherifyCalls.CallTime time;

	private @Nullable Throwable lastFailure;

	private int attempts = 1;

	private @Nullable String reason;

	private long delayMillis;

	VoucherifyRetryPolicy(VoucherifyOperation operation, VoucherifyRetrySettings settings,
			VoucherifyCalls.CallTime time) {
		this.operation = operation;
		this.settings = settings;
		this.time = time;
	}

	@Override
	public boolean shouldRetry(Throwable failure) {
		this.lastFailure = failure;
		this.reason = reason(this.operation, failure);
		// Once the call's time has run out nothing more is sent, whatever the failure.
		if (this.reason == null || this.time.ranOut()) {
			return false;
		}
		Duration retryAfter = (failure instanceof VoucherifyRateLimitException rateLimit) ? rateLimit.getRetryAfter()
				: null;
		// Beyond the cap, fail at once: the exception carries the retry time.
		return retryAfter == null || retryAfter.compareTo(this.settings.maxRateLimitWait()) <= 0;
	}

	@Override
	public Duration getTimeout() {
		return this.time.budget();
	}

	@Override
	public BackOff getBackOff() {
		return this;
	}

	@Override
	public BackOffExecution start() {
		return this;
	}

	@Override
	public long nextBackOff() {
		if (this.attempts >= this.settings.maxAttempts()) {
			return STOP;
		}
		this.attempts++;
		Duration retryAfter = (this.lastFailure instanceof VoucherifyRateLimitException rateLimit)
				? rateLimit.getRetryAfter() : null;
		this.delayMillis = (retryAfter != null && !retryAfter.isZero()) ? retryAfter.toMillis() : exponentialDelay();
		return this.delayMillis;
	}

	private long exponentialDelay() {
		double base = this.settings.initialDelay().toMillis() * Math.pow(this.settings.multiplier(), this.attempts - 2);
		long capped = (long) Math.min(base, this.settings.maxDelay().toMillis());
		long jitter = this.settings.jitter().toMillis();
		long jittered = (jitter > 0) ? capped + ThreadLocalRandom.current().nextLong(-jitter, jitter + 1) : capped;
		return Math.max(jittered, 0);
	}

	/** The attempt about to be made, 2 for the first retry. */
	int attempt() {
		return this.attempts;
	}

	@Nullable String reason() {
		return this.reason;
	}

	long delayMillis() {
		return this.delayMillis;
	}

	/**
	 * Why a failure may be retried, or {@code null} if it must not be.
	 * @param operation the operation
	 * @param failure the failure
	 * @return a short reason such as {@code 503} or {@code connection refused}
	 */
	static @Nullable String reason(VoucherifyOperation operation, Throwable failure) {
		if (failure instanceof VoucherifyCallBudgetException) {
			// Not sent, and the wait for a permit is spent already.
			return null;
		}
		if (failure instanceof VoucherifyRateLimitException) {
			return "429";
		}
		if (failure instanceof VoucherifyTransportException transport) {
			if (transport.isConnectFailure()) {
				return "connect failure";
			}
			if (operation.isIdempotent()) {
				return transport.isTimeout() ? "timeout" : "I/O error";
			}
			return null;
		}
		if (failure instanceof VoucherifyServerException server && operation.isIdempotent()) {
			int status = server.getStatusCode().value();
			return (status == 502 || status == 503 || status == 504) ? Integer.toString(status) : null;
		}
		return null;
	}

}
