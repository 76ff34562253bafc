package io.voucherify.spring.test.autoconfigure;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Configuration of the embedded Voucherify emulator of a running application. Defaults
 * are literals, read by the configuration processor; they equal
 * {@link io.voucherify.spring.test.VoucherifyEmulator}'s defaults.
 *
 * @since 0.1.0
 */
@ConfigurationProperties(VoucherifyEmulatorProperties.PREFIX)
public class VoucherifyEmulatorProperties {

	/** The prefix of the emulator's properties. */
	public static final String PREFIX = "voucherify.emulator";

	/**
	 * Whether to start an embedded Voucherify emulator and point the Voucherify client at
	 * it instead of the real API.
	 */
	private boolean enabled;

	/**
	 * Port of the emulator on 127.0.0.1; 0 picks a free port.
	 */
	private int port = 0;

	/**
	 * Seed files loaded at start-up, as resource locations such as
	 * classpath:vouchers.json or file:vouchers.csv: a JSON array of vouchers shaped like
	 * Voucherify's Voucher, or a CSV file with Voucherify's import headers.
	 */
	private List<String> seed = new ArrayList<>();

	/**
	 * Application ID the emulator accepts; the client gets it through the emulator's
	 * connection details.
	 */
	private String appId = "emulator-app-id";

	/**
	 * Secret key the emulator accepts; the client gets it through the emulator's
	 * connection details.
	 */
	private String secretKey = "emulator-secret-key";

	/**
	 * How long the emulator's background jobs take: a CSV import's async action and an
	 * export. A job is ENQUEUED (an export SCHEDULED) for the first quarter, then
	 * IN_PROGRESS, and DONE at the end, when the import's vouchers appear and the
	 * export's file can be downloaded. Zero makes every job done at once.
	 */
	private Duration jobDuration = Duration.ZERO;

	/**
	 * Project rate limit the emulator enforces across all its clients.
	 */
	private final RateLimit rateLimit = new RateLimit();

	public boolean isEnabled() {
		return this.enabled;
	}

	public void setEnabled(boolean enabled) {
		this.enabled = enabled;
	}

	public int getPort() {
		return this.port;
	}

	public void setPort(int port) {
		this.port = port;
	}

	public List<String> getSeed() {
		return this.seed;
	}

	public void setSeed(List<String> seed) {
		this.seed = seed;
	}

	public String getAppId() {
		return this.appId;
	}

	public void setAppId(String appId) {
		this.appId = appId;
	}

	public String getSecretKey() {
		return this.secretKey;
	}

	public void setSecretKey(String secretKey) {
		this.secretKey = secretKey;
	}

	public Duration getJobDuration() {
		return this.jobDuration;
	}

	public void setJobDuration(Duration jobDuration) {
		this.jobDuration = jobDuration;
	}

	public RateLimit getRateLimit() {
		return this.rateLimit;
	}

	/**
	 * The project rate limit: calls per period, in fixed windows.
	 */
	public static class RateLimit {

		/**
		 * Calls to the API the emulator accepts in each period, from all clients together
		 * (whatever the answer, 401 and 404 included); once they are used up it answers
		 * 429 with Retry-After until the next period starts. Voucherify's plans: 100 a
		 * minute (Business), 2000 a minute (Organization), 100 an hour (Sandbox). Unset:
		 * no limit, the headers show 2000 a minute and no call is rejected.
		 */
		private @Nullable Integer calls;

		/**
		 * Length of the rate limit's periods: fixed windows aligned to multiples of the
		 * period since the Unix epoch (1m: each minute on the clock). Voucherify's are 1m
		 * and 1h. Used only when calls is set.
		 */
		private Duration period = Duration.ofMinutes(1);

		public @Nullable Integer getCalls() {
			return this.calls;
		}

		public void setCalls(@Nullable Integer calls) {
			this.calls = calls;
		}

		public Duration getPeriod() {
			return this.period;
		}

		public void setPeriod(Duration period) {
			this.period = period;
		}

	}

}
