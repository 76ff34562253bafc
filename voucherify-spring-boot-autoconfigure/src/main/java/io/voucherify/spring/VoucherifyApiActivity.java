package io.voucherify.spring;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * What the client last saw of Voucherify: the last exchange, the last one that proved the
 * API reachable with valid credentials, and the rate-limit headers of the last response
 * that had them. Shared by the client, the rate-limit gauges and the health indicator, so
 * that real traffic spares health probes. Thread-safe; holds no code, key or secret.
 *
 * @since 0.1.0
 */
public final class VoucherifyApiActivity {

	private final Clock clock;

	private final AtomicReference<@Nullable Exchange> lastExchange = new AtomicReference<>();

	private final AtomicReference<@Nullable Exchange> lastProofOfAccess = new AtomicReference<>();

	private final AtomicReference<@Nullable Exchange> lastWithRateLimit = new AtomicReference<>();

	/** Create an activity record on the system clock. */
	public VoucherifyApiActivity() {
		this(Clock.systemUTC());
	}

	/**
	 * Create an activity record.
	 * @param clock the clock that timestamps exchanges
	 */
	public VoucherifyApiActivity(Clock clock) {
		this.clock = clock;
	}

	/**
	 * The last exchange, successful or not.
	 * @return the exchange, or {@code null} before the first one
	 */
	public @Nullable Exchange lastExchange() {
		return this.lastExchange.get();
	}

	/**
	 * The last exchange whose answer proves Voucherify reachable with valid credentials.
	 * @return the exchange, or {@code null} if none did yet
	 * @see Exchange#provesAccess()
	 */
	public @Nullable Exchange lastProofOfAccess() {
		return this.lastProofOfAccess.get();
	}

	/**
	 * The last response that carried rate-limit headers.
	 * @return the exchange, or {@code null} if none did yet
	 */
	public @Nullable Exchange lastRateLimit() {
		return this.lastWithRateLimit.get();
	}

	void recordResponse(int statusCode, HttpHeaders headers, Duration latency) {
		Exchange exchange = new Exchange(this.clock.instant(), statusCode, latency,
				longHeader(headers, "X-Rate-Limit-Limit"), longHeader(headers, "X-Rate-Limit-Remaining"));
		record(exchange);
	}

	void recordTransportFailure(Duration latency) {
		record(new Exchange(this.clock.instant(), null, latency, null, null));
	}

	/**
	 * Record an exchange. Public for clients that wrap {@link VouchersOperations} and for
	 * tests.
	 * @param exchange the exchange
	 */
	public void record(Exchange exchange) {
		this.lastExchange.set(exchange);
		if (exchange.provesAccess()) {
			this.lastProofOfAccess.set(exchange);
		}
		if (exchange.rateLimitRemaining() != null || exchange.rateLimitLimit() != null) {
			this.lastWithRateLimit.set(exchange);
		}
	}

	private static @Nullable Long longHeader(HttpHeaders headers, String name) {
		String value = headers.getFirst(name);
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	/**
	 * One exchange with Voucherify.
	 *
	 * @param at when the answer (or the failure) arrived
	 * @param statusCode the HTTP status, {@code null} on a transport failure
	 * @param latency how long the exchange took
	 * @param rateLimitLimit the {@code X-Rate-Limit-Limit} header
	 * @param rateLimitRemaining the {@code X-Rate-Limit-Remaining} header
	 */
	public record Exchange(Instant at, @Nullable Integer statusCode, Duration latency, @Nullable Long rateLimitLimit,
			@Nullable Long rateLimitRemaining) {

		/**
		 * Whether the answer proves Voucherify reachable and the credentials valid: a
		 * 2xx, or a 4xx except 401 and 403 (a 404 or a 429 still means the API accepted
		 * the credentials). A redirect proves nothing: Voucherify's API does not
		 * redirect.
		 * @return {@code true} if it does
		 */
		public boolean provesAccess() {
			if (this.statusCode == null) {
				return false;
			}
			int status = this.statusCode;
			return status < 300 || (status >= 400 && status < 500 && status != 401 && status != 403);
		}

	}

}
