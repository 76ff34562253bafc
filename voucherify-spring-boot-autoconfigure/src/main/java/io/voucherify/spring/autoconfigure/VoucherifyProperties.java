package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Configuration of the Voucherify client. Defaults are literals (the configuration
 * processor reads them into the IDE metadata); a test keeps them equal to
 * {@code VouchersTemplate}'s constants.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(VoucherifyProperties.PREFIX)
public class VoucherifyProperties {

	/** The prefix of the client's properties. */
	public static final String PREFIX = "voucherify";

	/**
	 * Whether to auto-configure the Voucherify client.
	 */
	private boolean enabled = true;

	/**
	 * Application ID of the Voucherify project, sent as the X-App-Id header.
	 */
	private @Nullable String appId;

	/**
	 * Secret key of the Voucherify project, sent as the X-App-Token header. Keep it out
	 * of source control, e.g. in the VOUCHERIFY_SECRET_KEY environment variable.
	 */
	private @Nullable String secretKey;

	/**
	 * Base URL of the Voucherify API, which depends on the project's region.
	 */
	private String baseUrl = "https://api.voucherify.io";

	/**
	 * API version sent as the X-Voucherify-API-Version header, pinning response shapes
	 * whatever the project's settings.
	 */
	private String apiVersion = "v2018-08-01";

	/**
	 * Channel sent as the X-Voucherify-Channel header, shown as the source of
	 * transactions.
	 */
	private String channel = "voucherify-spring-boot-starter";

	/**
	 * Connect timeout of the Voucherify client only.
	 */
	private Duration connectTimeout = Duration.ofSeconds(5);

	/**
	 * Read timeout of the Voucherify client only.
	 */
	private Duration readTimeout = Duration.ofSeconds(30);

	/**
	 * Read timeout of the bulk operations (CSV import and transactions export).
	 * Voucherify's load balancers give up after 3 minutes.
	 */
	private Duration bulkReadTimeout = Duration.ofMinutes(3);

	/**
	 * Maximum number of connections of the client's pool when the transport is Apache
	 * HttpClient 5 (the starter's default). Boot's own default of 5 caps concurrent
	 * callers. Other transports ignore it.
	 */
	private int maxConnections = 50;

	/**
	 * Largest response the client reads into memory, counted after decompression. A
	 * larger one fails the call and its connection is closed. The CSV upload and
	 * transaction streams are not limited by it, only each page.
	 */
	private DataSize maxResponseSize = DataSize.ofMegabytes(4);

	/**
	 * Whether a plain-http base URL to a host other than this machine is allowed, such as
	 * a proxy inside your network. The secret key then travels unencrypted; a warning is
	 * logged.
	 */
	private boolean allowPlainHttp;

	/**
	 * Health indicator settings.
	 */
	private final Health health = new Health();

	/**
	 * Retry settings.
	 */
	private final Retry retry = new Retry();

	/**
	 * How waits for background jobs poll.
	 */
	private final Jobs jobs = new Jobs();

	/**
	 * A call budget that keeps the application, or every instance of it, under the
	 * project's rate limit.
	 */
	private final RateLimit rateLimit = new RateLimit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public @Nullable String getAppId() {
		return this.appId;
	}

	public void setAppId(@Nullable String appId) {
		this.appId = appId;
	}

	public @Nullable String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(@Nullable String secretKey) {
		this.secretKey = secretKey;
	}

	public String getBaseUrl() {
		return this.baseUrl;
	}

	public void setBaseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	public String getApiVersion() {
		return this.apiVersion;
	}

	public void setApiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
	}

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = channel;
	}

	public Duration getConnectTimeout() {
		return this.connectTimeout;
	}

	public void setConnectTimeout(Duration connectTimeout) {
		this.connectTimeout = connectTimeout;
	}

	public Duration getReadTimeout() {
		return this.readTimeout;
	}

	public void setReadTimeout(Duration readTimeout) {
		this.readTimeout = readTimeout;
	}

	public Duration getBulkReadTimeout() {
		return this.bulkReadTimeout;
	}

	public void setBulkReadTimeout(Duration bulkReadTimeout) {
		this.bulkReadTimeout = bulkReadTimeout;
	}

	public int getMaxConnections() {
		return this.maxConnections;
	}

	public void setMaxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
	}

	public DataSize getMaxResponseSize() {
		return this.maxResponseSize;
	}

	public void setMaxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
	}

	public boolean isAllowPlainHttp() {
		return this.allowPlainHttp;
	}

	public void setAllowPlainHttp(boolean allowPlainHttp) {
		this.allowPlainHttp = allowPlainHttp;
	}

	public Health getHealth() {
		return this.health;
	}

	public Retry getRetry() {
		return this.retry;
	}

	public Jobs getJobs() {
		return this.jobs;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * Retries of failed calls. Get, list, enable and disable are retried after connection
	 * failures, timeouts, 429, 502, 503 and 504; balance updates, CSV import, export,
	 * delete and session release only when the request provably was not processed (no
	 * connection made, or 429), so a balance change is never applied twice.
	 */
	public static class Retry {

		/**
		 * Whether to retry failed calls.
		 */
		private boolean enabled = true;

		/**
		 * Attempts in total, the first included.
		 */
		private int maxAttempts = 3;

		/**
		 * Wait before the first retry.
		 */
		private Duration initialDelay = Duration.ofMillis(200);

		/**
		 * Growth of the wait from one retry to the next.
		 */
		private double multiplier = 2.0;

		/**
		 * Longest wait between two attempts.
		 */
		private Duration maxDelay = Duration.ofSeconds(2);

		/**
		 * Largest random change added to or taken from each wait.
		 */
		private Duration jitter = Duration.ofMillis(100);

		/**
		 * Longest time a call may take, attempts, waits and reading the answer included,
		 * whether retries are enabled or not; a wait that would pass it is not started.
		 * CSV import and transactions export may take bulk-read-timeout if that is
		 * longer.
		 */
		private Duration maxTotalTime = Duration.ofSeconds(10);

		/**
		 * Longest wait a 429 answer may ask for (Retry-After or X-Rate-Limit-Retry) and
		 * still be retried; a longer one fails at once with the retry time in the
		 * exception.
		 */
		private Duration maxRateLimitWait = Duration.ofSeconds(10);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public int getMaxAttempts() {
			return this.maxAttempts;
		}

		public void setMaxAttempts(int maxAttempts) {
			this.maxAttempts = maxAttempts;
		}

		public Duration getInitialDelay() {
			return this.initialDelay;
		}

		public void setInitialDelay(Duration initialDelay) {
			this.initialDelay = initialDelay;
		}

		public double getMultiplier() {
			return this.multiplier;
		}

		public void setMultiplier(double multiplier) {
			this.multiplier = multiplier;
		}

		public Duration getMaxDelay() {
			return this.maxDelay;
		}

		public void setMaxDelay(Duration maxDelay) {
			this.maxDelay = maxDelay;
		}

		public Duration getJitter() {
			return this.jitter;
		}

		public void setJitter(Duration jitter) {
			this.jitter = jitter;
		}

		public Duration getMaxTotalTime() {
			return this.maxTotalTime;
		}

		public void setMaxTotalTime(Duration maxTotalTime) {
			this.maxTotalTime = maxTotalTime;
		}

		public Duration getMaxRateLimitWait() {
			return this.maxRateLimitWait;
		}

		public void setMaxRateLimitWait(Duration maxRateLimitWait) {
			this.maxRateLimitWait = maxRateLimitWait;
		}

	}

	/**
	 * How {@code awaitAsyncAction} and {@code awaitExport} poll a background job (a CSV
	 * import, a transactions export): a first wait, then a growing interval with a cap.
	 * Each poll is an API call counted against the rate limit (the sandbox allows 100
	 * calls an hour); the defaults make about 4 calls for a 10 s job and 24 for a
	 * 10-minute one.
	 */
	public static class Jobs {

		/**
		 * Wait before the first poll.
		 */
		private Duration firstPollDelay = Duration.ofSeconds(1);

		/**
		 * Wait after the first poll.
		 */
		private Duration pollInterval = Duration.ofSeconds(2);

		/**
		 * Growth of the wait from one poll to the next.
		 */
		private double pollMultiplier = 2.0;

		/**
		 * Longest wait between two polls.
		 */
		private Duration maxPollInterval = Duration.ofSeconds(30);

		public Duration getFirstPollDelay() {
			return this.firstPollDelay;
		}

		public void setFirstPollDelay(Duration firstPollDelay) {
			this.firstPollDelay = firstPollDelay;
		}

		public Duration getPollInterval() {
			return this.pollInterval;
		}

		public void setPollInterval(Duration pollInterval) {
			this.pollInterval = pollInterval;
		}

		public double getPollMultiplier() {
			return this.pollMultiplier;
		}

		public void setPollMultiplier(double pollMultiplier) {
			this.pollMultiplier = pollMultiplier;
		}

		public Duration getMaxPollInterval() {
			return this.maxPollInterval;
		}

		public void setMaxPollInterval(Duration maxPollInterval) {
			this.maxPollInterval = maxPollInterval;
		}

	}

	/**
	 * A call budget: every HTTP attempt, retries included, first takes a permit from it,
	 * so that the application stays under Voucherify's project rate limit instead of
	 * meeting 429s. With a Redis connection ({@code spring.data.redis.*}) every instance
	 * with the same key shares one budget. Needs Bucket4j on the class path
	 * ({@code com.bucket4j:bucket4j_jdk17-core}; for Redis {@code bucket4j_jdk17-lettuce}
	 * and {@code spring-boot-starter-data-redis}).
	 */
	public static class RateLimit {

		/**
		 * Whether every call takes a permit from the call budget first.
		 */
		private boolean enabled;

		/**
		 * Calls a period for the whole fleet: the project's limit (100 a minute on the
		 * Business plan, 2000 on Organization, 100 an hour in the sandbox), or less to
		 * leave room for other applications on the project. Required when enabled; a
		 * lower X-Rate-Limit-Limit from Voucherify lowers it.
		 */
		private @Nullable Integer limit;

		/**
		 * Period of the limit: 1m on the paid plans, 1h in the sandbox. Windows start at
		 * multiples of it since the epoch.
		 */
		private Duration period = Duration.ofMinutes(1);

		/**
		 * Share of the limit kept for background jobs (CSV import, transactions export,
		 * their polls and downloads), which they alone use: 0.2 keeps a fifth for them. 0
		 * for none, when every call takes from one budget.
		 */
		private double bulkShare;

		/**
		 * Longest a caller waits for a permit before a VoucherifyCallBudgetException
		 * (never past its call's max-total-time).
		 */
		private Duration maxWait = Duration.ofSeconds(5);

		/**
		 * Where the budget is kept: 'auto' (in Redis when the application has a Lettuce
		 * connection, else in this instance), 'redis', or 'local' (this instance alone).
		 */
		private Store store = Store.AUTO;

		/**
		 * Key prefix of the budget in the store: instances with the same key share one
		 * budget. Defaults to 'voucherify:budget:' and the application id.
		 */
		private @Nullable String key;

		/**
		 * How many instances share the limit: while the store cannot be reached, each
		 * instance takes limit / instances alone.
		 */
		private int instances = 1;

		/**
		 * Longest one request to the store may take; a permit costs at most this more
		 * when the store fails.
		 */
		private Duration storeTimeout = Duration.ofMillis(500);

		/**
		 * How long an instance keeps to its local share after the store failed, before it
		 * tries the store again.
		 */
		private Duration storeRetryInterval = Duration.ofSeconds(5);

		public boolean isEnabled() {
			return this.enabled;
		}

		public void setEnabled(boolean enabled) {
			this.enabled = enabled;
		}

		public @Nullable Integer getLimit() {
			return this.limit;
		}

		public void setLimit(@Nullable Integer limit) {
			this.limit = limit;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

		public double getBulkShare() {
			return this.bulkShare;
		}

		public void setBulkShare(double bulkShare) {
			this.bulkShare = bulkShare;
		}

		public Duration getMaxWait() {
			return this.maxWait;
		}

		public void setMaxWait(Duration maxWait) {
			this.maxWait = maxWait;
		}

		public Store getStore() {
			return this.store;
		}

		public void setStore(Store store) {
			this.store = store;
		}

		public @Nullable String getKey() {
			return this.key;
		}

		public void setKey(@Nullable String key) {
			this.key = key;
		}

		public int getInstances() {
			return this.instances;
		}

		public void setInstances(int instances) {
			this.instances = instances;
		}

		public Duration getStoreTimeout() {
			return this.storeTimeout;
		}

		public void setStoreTimeout(Duration storeTimeout) {
			this.storeTimeout = storeTimeout;
		}

		public Duration getStoreRetryInterval() {
			return this.storeRetryInterval;
		}

		public void setStoreRetryInterval(Duration storeRetryInterval) {
			this.storeRetryInterval = storeRetryInterval;
		}

		/**
		 * Where the call budget is kept.
		 */
		public enum Store {

			/** In Redis when the application has a Lettuce connection, else local. */
			AUTO,

			/** In Redis, shared by every instance with the same key. */
			REDIS,

			/** In this instance alone. */
			LOCAL

		}

	}

	/**
	 * Settings of the {@code voucherify} health indicator.
	 */
	public static class Health {

		/**
		 * How long a health result, or a real call that proved Voucherify reachable with
		 * valid credentials, stays fresh. At most one probe call is made per period,
		 * sparing the API quota (the sandbox allows 100 calls an hour).
		 */
		private Duration cacheTtl = Duration.ofMinutes(5);

		/**
		 * Connect and read timeout of the health probe call.
		 */
		private Duration timeout = Duration.ofSeconds(3);

		public Duration getCacheTtl() {
			return this.cacheTtl;
		}

		public void setCacheTtl(Duration cacheTtl) {
			this.cacheTtl = cacheTtl;
		}

		public Duration getTimeout() {
			return this.timeout;
		}

		public void setTimeout(Duration timeout) {
			this.timeout = timeout;
		}

	}

}
