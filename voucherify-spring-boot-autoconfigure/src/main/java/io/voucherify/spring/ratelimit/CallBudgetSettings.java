package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.util.Objects;

/**
 * The settings of a {@link BucketCallBudget}.
 *
 * @param limit calls a period for the whole fleet: the project's limit, or less to leave
 * room for other applications on the same project
 * @param period the period of the limit: 1 minute on Voucherify's paid plans, 1 hour in
 * the sandbox; windows start at multiples of it since the epoch
 * @param bulkShare the share of the limit kept for the background-job operations (CSV
 * import, transactions export, their polls and the download), which they alone use; 0 for
 * none, when every call takes from one budget
 * @param maxWait the longest a caller waits for a permit (never past its call's time)
 * @param instances how many instances share the limit: when the store is down, each takes
 * {@code limit / instances} alone
 * @param storeTimeout the longest one request to the store may take
 * @param storeRetryInterval how long an instance stays on its local share after the store
 * failed, before it tries the store again
 * @param key the store's key prefix: instances with the same key share a budget
 * @since 0.1.0
 */
public record CallBudgetSettings(int limit, Duration period, double bulkShare, Duration maxWait, int instances,
		Duration storeTimeout, Duration storeRetryInterval, String key) {

	/**
	 * Check the settings.
	 * @throws IllegalArgumentException naming the setting that is invalid
	 */
	public CallBudgetSettings {
		Objects.requireNonNull(period, "period");
		Objects.requireNonNull(maxWait, "maxWait");
		Objects.requireNonNull(storeTimeout, "storeTimeout");
		Objects.requireNonNull(storeRetryInterval, "storeRetryInterval");
		Objects.requireNonNull(key, "key");
		require(limit >= 1, "limit must be at least 1, was " + limit);
		require(period.toMillis() >= 1, "period must be at least 1 ms, was " + period);
		require(bulkShare >= 0 && bulkShare < 1, "bulk-share must be at least 0 and below 1, was " + bulkShare);
		require(!maxWait.isNegative(), "max-wait must not be negative, was " + maxWait);
		require(instances >= 1, "instances must be at least 1, was " + instances);
		require(storeTimeout.toMillis() >= 1, "store-timeout must be at least 1 ms, was " + storeTimeout);
		require(!storeRetryInterval.isNegative(),
				"store-retry-interval must not be negative, was " + storeRetryInterval);
		require(!key.isBlank(), "key must not be blank");
	}

	/**
	 * Settings with the defaults for the optional ones: no bulk share, a wait of 5 s, one
	 * instance, a store timeout of 500 ms, a retry of the store after 5 s, key
	 * {@code voucherify:budget}.
	 * @param limit calls a period
	 * @param period the period
	 * @return the settings
	 */
	public static CallBudgetSettings of(int limit, Duration period) {
		return new CallBudgetSettings(limit, period, 0, Duration.ofSeconds(5), 1, Duration.ofMillis(500),
				Duration.ofSeconds(5), "voucherify:budget");
	}

	/**
	 * These settings with another bulk share.
	 * @param bulkShare the share, at least 0 and below 1
	 * @return new settings
	 */
	public CallBudgetSettings withBulkShare(double bulkShare) {
		return new CallBudgetSettings(this.limit, this.period, bulkShare, this.maxWait, this.instances,
				this.storeTimeout, this.storeRetryInterval, this.key);
	}

	/**
	 * These settings with another longest wait.
	 * @param maxWait the wait
	 * @return new settings
	 */
	public CallBudgetSettings withMaxWait(Duration maxWait) {
		return new CallBudgetSettings(this.limit, this.period, this.bulkShare, maxWait, this.instances,
				this.storeTimeout, this.storeRetryInterval, this.key);
	}

	/**
	 * These settings for a fleet.
	 * @param instances how many instances share the limit
	 * @return new settings
	 */
	public CallBudgetSettings withInstances(int instances) {
		return new CallBudgetSettings(this.limit, this.period, this.bulkShare, this.maxWait, instances,
				this.storeTimeout, this.storeRetryInterval, this.key);
	}

	/**
	 * These settings with other store timings.
	 * @param storeTimeout the longest one request to the store may take
	 * @param storeRetryInterval how long to stay on the local share after a failure
	 * @return new settings
	 */
	public CallBudgetSettings withStoreTimings(Duration storeTimeout, Duration storeRetryInterval) {
		return new CallBudgetSettings(this.limit, this.period, this.bulkShare, this.maxWait, this.instances,
				storeTimeout, storeRetryInterval, this.key);
	}

	/**
	 * These settings with another key.
	 * @param key the store's key prefix
	 * @return new settings
	 */
	public CallBudgetSettings withKey(String key) {
		return new CallBudgetSettings(this.limit, this.period, this.bulkShare, this.maxWait, this.instances,
				this.storeTimeout, this.storeRetryInterval, key);
	}

	private static void require(boolean condition, String message) {
		if (!condition) {
			throw new IllegalArgumentException(message);
		}
	}

}
