package io.voucherify.spring;

import java.time.Duration;

/**
 * How {@code awaitAsyncAction} and {@code awaitExport} poll a background job: a first
 * wait, then a growing interval with a cap. Every poll is an API call and counts against
 * the project's rate limit (a sandbox allows 100 calls an hour), so the defaults poll
 * after 1 s, 3 s, 7 s, 15 s, 31 s and then every 30 s: about 4 calls for a job that takes
 * 10 s, 24 for one that takes 10 minutes.
 *
 * @param firstPollDelay the wait before the first poll
 * @param pollInterval the wait after the first poll
 * @param pollMultiplier the growth of the wait from one poll to the next
 * @param maxPollInterval the longest wait between two polls
 * @since 0.1.0
 */
public record VoucherifyJobSettings(Duration firstPollDelay, Duration pollInterval, double pollMultiplier,
		Duration maxPollInterval) {

	/**
	 * Validate the settings.
	 * @throws IllegalArgumentException if a value is out of range
	 */
	public VoucherifyJobSettings {
		if (firstPollDelay == null || firstPollDelay.isNegative()) {
			throw new IllegalArgumentException("firstPollDelay must not be negative");
		}
		if (pollInterval == null || pollInterval.isZero() || pollInterval.isNegative()) {
			throw new IllegalArgumentException("pollInterval must be positive");
		}
		if (!(pollMultiplier >= 1)) {
			throw new IllegalArgumentException("pollMultiplier must be at least 1, was " + pollMultiplier);
		}
		if (maxPollInterval == null || maxPollInterval.compareTo(pollInterval) < 0) {
			throw new IllegalArgumentException("maxPollInterval must be at least pollInterval");
		}
	}

	/**
	 * The defaults: first poll after 1 s, then waits of 2 s doubling up to 30 s.
	 * @return the default settings
	 */
	public static VoucherifyJobSettings defaults() {
		return new VoucherifyJobSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30));
	}

	/**
	 * The wait after {@code previous}: grown by the multiplier, capped.
	 * @param previous the previous wait between two polls
	 * @return the next wait
	 */
	Duration grow(Duration previous) {
		double grown = previous.toMillis() * this.pollMultiplier;
		return (grown >= this.maxPollInterval.toMillis()) ? this.maxPollInterval : Duration.ofMillis((long) grown);
	}

}
