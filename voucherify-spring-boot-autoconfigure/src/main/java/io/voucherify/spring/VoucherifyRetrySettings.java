package io.voucherify.spring;

import java.time.Duration;

/**
 * How the client retries failed calls. Idempotent operations (get, list, enable, disable)
 * are retried after connection failures, timeouts, 429, 502, 503 and 504; the others
 * (balance update, CSV import, export, delete, release session) only when the request
 * provably was not processed: the connection was never made, or Voucherify answered 429.
 * A 429 waits for the time Voucherify gives in {@code Retry-After} or
 * {@code X-Rate-Limit-Retry} when it is within {@code maxRateLimitWait}, and fails at
 * once otherwise.
 *
 * @param enabled whether to retry at all
 * @param maxAttempts attempts in total, the first included (1 means no retry)
 * @param initialDelay wait before the first retry
 * @param multiplier growth of the wait from one retry to the next
 * @param maxDelay the longest wait between two attempts
 * @param jitter the largest random change added to or taken from each wait
 * @param maxTotalTime the longest a call may take, attempts, waits and reading the answer
 * included, retries enabled or not; a wait that would pass it is not started
 * @param maxRateLimitWait the longest wait a 429 may ask for and still be retried
 * @since 0.1.0
 */
public record VoucherifyRetrySettings(boolean enabled, int maxAttempts, Duration initialDelay, double multiplier,
		Duration maxDelay, Duration jitter, Duration maxTotalTime, Duration maxRateLimitWait) {

	/**
	 * Validate the settings.
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public VoucherifyRetrySettings {
		if (maxAttempts < 1) {
			throw new IllegalArgumentException("maxAttempts must be at least 1, was " + maxAttempts);
		}
		if (multiplier < 1) {
			throw new IllegalArgumentException("multiplier must be at least 1, was " + multiplier);
		}
		requireNonNegative(initialDelay, "initialDelay");
		requireNonNegative(maxDelay, "maxDelay");
		requireNonNegative(jitter, "jitter");
		requireNonNegative(maxRateLimitWait, "maxRateLimitWait");
		if (maxTotalTime == null || maxTotalTime.isZero() || maxTotalTime.isNegative()) {
			throw new IllegalArgumentException("maxTotalTime must be positive");
		}
	}

	/**
	 * The defaults: 3 attempts, waits of 200 ms then 400 ms (at most 2 s, ±100 ms
	 * jitter), 10 s in total, 429 waits of up to 10 s.
	 * @return the default settings
	 */
	public static VoucherifyRetrySettings defaults() {
		return new VoucherifyRetrySettings(true, 3, Duration.ofMillis(200), 2.0, Duration.ofSeconds(2),
				Duration.ofMillis(100), Duration.ofSeconds(10), Duration.ofSeconds(10));
	}

	/**
	 * No retries: every call makes exactly one attempt.
	 * @return settings with retries off
	 */
	public static VoucherifyRetrySettings disabled() {
		VoucherifyRetrySettings defaults = defaults();
		return new VoucherifyRetrySettings(false, 1, defaults.initialDelay(), defaults.multiplier(),
				defaults.maxDelay(), defaults.jitter(), defaults.maxTotalTime(), defaults.maxRateLimitWait());
	}

	/**
	 * These settings with another total time.
	 * @param maxTotalTime the longest a call may take
	 * @return the new settings
	 * @since 0.1.0
	 */
	public VoucherifyRetrySettings withMaxTotalTime(Duration maxTotalTime) {
		return new VoucherifyRetrySettings(this.enabled, this.maxAttempts, this.initialDelay, this.multiplier,
				this.maxDelay, this.jitter, maxTotalTime, this.maxRateLimitWait);
	}

	private static void requireNonNegative(Duration value, String name) {
		if (value == null || value.isNegative()) {
			throw new IllegalArgumentException(name + " must not be negative");
		}
	}

}
