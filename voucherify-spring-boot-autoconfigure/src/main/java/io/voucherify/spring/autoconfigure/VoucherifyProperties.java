package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the Voucherify client. Defaults are literals (the configuration
 * processor reads them into the IDE metadata); a test keeps them equal to
 * {@code VouchersTemplate}'s constants.
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
	 * Health indicator settings.
	 */
	private final Health health = new Health();

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

	public Health getHealth() {
		return this.health;
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
