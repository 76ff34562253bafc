package io.voucherify.spring.health;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Whether Voucherify is reachable with valid credentials, without burning the API quota
 * (the sandbox allows 100 calls an hour; a probe every 10 s would use 360).
 * <ul>
 * <li>A real call of the application that proved access within the TTL is fresh evidence:
 * a busy application makes no probe calls at all.</li>
 * <li>Otherwise at most one probe per TTL, single-flight under concurrent health
 * requests: a GET of a code that cannot exist. 404 means UP; 401/403 DOWN (credentials
 * rejected); 5xx, timeouts and connection errors DOWN; 429 UP, since the API works and
 * only the application is throttled, which the details say.</li>
 * </ul>
 * Details: base URL, last status, latency, when it was checked, where the evidence came
 * from, the rate-limit headroom and the call budget, if there is one (its limit, store,
 * whether the store answers). Never the secret key or a voucher code.
 *
 * @since 0.1.0
 */
public class VoucherifyHealthIndicator implements HealthIndicator {

	private final VouchersTemplate vouchers;

	private final Duration timeout;

	private final VoucherifyApiActivity activity;

	private final String baseUrl;

	private final Duration cacheTtl;

	private final Clock clock;

	private final Object probeLock = new Object();

	private volatile @Nullable Probe lastProbe;

	/**
	 * Create an indicator.
	 * @param vouchers the application's client: the indicator reads what it saw of
	 * Voucherify, and probes on its HTTP client with {@link VouchersTemplate#checkAccess}
	 * @param timeout how long a probe may take
	 * @param baseUrl the base URL, shown in the details
	 * @param cacheTtl how long evidence stays fresh
	 */
	public VoucherifyHealthIndicator(VouchersTemplate vouchers, Duration timeout, String baseUrl, Duration cacheTtl) {
		this(vouchers, timeout, baseUrl, cacheTtl, Clock.systemUTC());
	}

	VoucherifyHealthIndicator(VouchersTemplate vouchers, Duration timeout, String baseUrl, Duration cacheTtl,
			Clock clock) {
		this.vouchers = vouchers;
		this.timeout = timeout;
		this.activity = vouchers.getActivity();
		this.baseUrl = baseUrl;
		this.cacheTtl = cacheTtl;
		this.clock = clock;
	}

	@Override
	public Health health() {
		return withBudget(evidence());
	}

	private Health evidence() {
		Health fresh = freshHealth();
		if (fresh != null) {
			return fresh;
		}
		synchronized (this.probeLock) {
			// Another thread may have probed while this one waited.
			fresh = freshHealth();
			if (fresh != null) {
				return fresh;
			}
			Probe probe = probe();
			this.lastProbe = probe;
			return probe.health();
		}
	}

	/**
	 * The call budget as it is now, not as it was when the evidence was cached: its
	 * limit, store and whether the store answers.
	 */
	private Health withBudget(Health health) {
		Map<String, Object> budget = this.vouchers.getCallBudget().describe();
		if (budget.isEmpty()) {
			return health;
		}
		return Health.status(health.getStatus()).withDetails(health.getDetails()).withDetail("budget", budget).build();
	}

	/** The newest fresh evidence: a real call that proved access, or the last probe. */
	private @Nullable Health freshHealth() {
		Instant now = this.clock.instant();
		VoucherifyApiActivity.Exchange proof = this.activity.lastProofOfAccess();
		Probe probe = this.lastProbe;
		VoucherifyApiActivity.Exchange last = this.activity.lastExchange();
		// A later exchange that failed (401/403, 5xx, I/O error) contradicts the proof.
		boolean contradicted = last != null && !last.provesAccess();
		boolean proofFresh = proof != null && !contradicted && isFresh(proof.at(), now);
		boolean probeFresh = probe != null && isFresh(probe.checkedAt(), now);
		// On a tie the probe wins: its own answer is recorded in the activity too.
		if (proofFresh && (!probeFresh || proof.at().isAfter(probe.checkedAt()))) {
			return details(Health.up(), "traffic", proof.statusCode(), proof.latency(), proof.at()).build();
		}
		return probeFresh ? probe.health() : null;
	}

	private boolean isFresh(Instant at, Instant now) {
		return !at.plus(this.cacheTtl).isBefore(now);
	}

	private Probe probe() {
		long start = System.nanoTime();
		Health.Builder builder;
		Integer status = null;
		try {
			status = this.vouchers.checkAccess(this.timeout);
			builder = Health.up();
		}
		catch (VoucherifyRateLimitException ex) {
			status = ex.getStatusCode().value();
			builder = Health.up().withDetail("rateLimited", true);
			if (ex.getRetryAfter() != null) {
				builder.withDetail("retryAfter", ex.getRetryAfter().toString());
			}
		}
		catch (VoucherifyAuthenticationException ex) {
			status = ex.getStatusCode().value();
			builder = Health.down().withDetail("error", "credentials rejected");
		}
		catch (VoucherifyApiException ex) {
			status = ex.getStatusCode().value();
			builder = ex.getStatusCode().is5xxServerError()
					? Health.down().withDetail("error", "server error" + keySuffix(ex)) : Health.up();
		}
		catch (VoucherifyTransportException ex) {
			builder = Health.down().withDetail("error", ex.isTimeout() ? "timeout" : "connection failed");
		}
		catch (VoucherifyException ex) {
			builder = Health.down().withDetail("error", "unexpected response");
		}
		Duration latency = Duration.ofNanos(System.nanoTime() - start);
		Instant checkedAt = this.clock.instant();
		return new Probe(details(builder, "probe", status, latency, checkedAt).build(), checkedAt);
	}

	private static String keySuffix(VoucherifyApiException ex) {
		return (ex.getKey() != null) ? " (" + ex.getKey() + ")" : "";
	}

	private Health.Builder details(Health.Builder builder, String source, @Nullable Integer status, Duration latency,
			Instant checkedAt) {
		builder.withDetail("baseUrl", this.baseUrl)
			.withDetail("source", source)
			.withDetail("lastStatus", (status != null) ? status : "none")
			.withDetail("latencyMs", latency.toMillis())
			.withDetail("checkedAt", checkedAt.toString());
		VoucherifyApiActivity.Exchange rateLimit = this.activity.lastRateLimit();
		if (rateLimit != null && rateLimit.rateLimitRemaining() != null) {
			builder.withDetail("rateLimitRemaining", rateLimit.rateLimitRemaining());
		}
		return builder;
	}

	private record Probe(Health health, Instant checkedAt) {
	}

}
