package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VoucherifyOperation;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;

/**
 * A {@link VoucherifyCallBudget} on Bucket4j: {@code limit} permits a period, refilled
 * all at once when a window starts (windows start at multiples of the period since the
 * epoch, as Voucherify's {@code X-Rate-Limit-Retry} suggests), so that no window gets
 * more calls than the limit.
 * <ul>
 * <li>{@link #local(CallBudgetSettings)}: one instance's budget, in memory.</li>
 * <li>{@link #shared(CallBudgetSettings, CallBudgetStore)}: one budget for every instance
 * with the same key, kept in the store. While the store cannot be reached (or is still
 * connecting), each instance takes from its local share, {@code limit / instances}, and
 * says so in its logs and {@link #describe()}; when the store answers again, what the
 * instance took alone in the current window is taken from the shared budget too.</li>
 * </ul>
 * It learns from Voucherify's answers: an {@code X-Rate-Limit-Limit} below the limit
 * lowers it; an {@code X-Rate-Limit-Remaining} below what the budget holds takes the
 * difference out of it; a 429 empties it until {@code Retry-After} or
 * {@code X-Rate-Limit-Retry}, for the whole fleet.
 *
 * @since 0.1.0
 */
public final class BucketCallBudget implements VoucherifyCallBudget {

	private static final Log logger = LogFactory.getLog(BucketCallBudget.class);

	private final CallBudgetSettings settings;

	private final BudgetWindows windows;

	/** The link to the store of a shared budget, {@code null} for a local one. */
	private final @Nullable StoreLink store;

	/** The limit, lowered by what Voucherify's headers said. */
	private volatile long limit;

	/** The whole budget of a local one; an instance's share of a shared one. */
	private final BudgetPool local;

	private volatile @Nullable Instant pausedUntil;

	/** Permits left in the calls bucket after this instance's last permit. */
	private final AtomicLong lastRemaining = new AtomicLong(Long.MAX_VALUE);

	/** The window of {@link #lastRemaining}. */
	private volatile long lastRemainingWindow;

	private final AtomicLong permits = new AtomicLong();

	private final AtomicLong denials = new AtomicLong();

	private BucketCallBudget(CallBudgetSettings settings, @Nullable CallBudgetStore store, TimeMeter time) {
		this.settings = settings;
		this.windows = new BudgetWindows(settings.period(), time);
		this.store = (store != null) ? new StoreLink(store, settings, this.windows) : null;
		this.limit = settings.limit();
		this.local = new BudgetPool(localLimit(settings.limit()), settings.bulkShare(), this.windows,
				(name, capacity) -> this.windows.localBucket(capacity.getAsLong()));
	}

	/**
	 * A budget of one instance, in memory.
	 * @param settings the settings; the instance count and store timings do not apply
	 * @return the budget
	 */
	public static BucketCallBudget local(CallBudgetSettings settings) {
		return new BucketCallBudget(settings, null, TimeMeter.SYSTEM_MILLISECONDS);
	}

	/**
	 * A budget shared by every instance with the same {@link CallBudgetSettings#key()};
	 * the store starts connecting at once.
	 * @param settings the settings
	 * @param store the store that holds the budget
	 * @return the budget
	 */
	public static BucketCallBudget shared(CallBudgetSettings settings, CallBudgetStore store) {
		BucketCallBudget budget = new BucketCallBudget(settings, store, TimeMeter.SYSTEM_MILLISECONDS);
		// Start connecting now, so that the first calls find the store ready.
		budget.sharedPool();
		return budget;
	}

	static BucketCallBudget local(CallBudgetSettings settings, TimeMeter time) {
		return new BucketCallBudget(settings, null, time);
	}

	@Override
	public void acquire(VoucherifyOperation operation, Duration timeLeft) {
		Duration maxWait = this.settings.maxWait();
		boolean callTimeFirst = timeLeft.compareTo(maxWait) < 0;
		long waitNanos = Math.max((callTimeFirst ? timeLeft : maxWait).toNanos(), 0);
		long deadline = System.nanoTime() + waitNanos;
		BudgetPool.Share share = this.local.shareOf(operation);
		long reservedUntil = share.reservedUntilNanos;
		if (deadline - reservedUntil <= 0) {
			// Every permit up to then is taken or reserved: no need to ask the store.
			throw denied(operation, waitNanos, callTimeFirst, reservedUntil - System.nanoTime());
		}
		ConsumptionProbe probe = consume(operation);
		if (probe.isConsumed()) {
			this.permits.incrementAndGet();
			return;
		}
		long refill = probe.getNanosToWaitForRefill();
		long left = deadline - System.nanoTime();
		if (refill <= left) {
			if (reserve(operation, left)) {
				this.permits.incrementAndGet();
				return;
			}
			share.reservedUntilNanos = deadline;
		}
		throw denied(operation, waitNanos, callTimeFirst, refill);
	}

	private VoucherifyCallBudgetException denied(VoucherifyOperation operation, long waitNanos, boolean callTimeFirst,
			long refillNanos) {
		this.denials.incrementAndGet();
		String wait = TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms"
				+ (callTimeFirst ? " (the call's time left)" : " (voucherify.rate-limit.max-wait)");
		return new VoucherifyCallBudgetException(
				operation.sdkName() + " was not sent: the call budget of " + this.limit + " calls per "
						+ this.settings.period() + " had no permit within " + wait,
				Duration.ofNanos(Math.max(refillNanos, 0)));
	}

	/** Take a permit from the shared budget if the store answers, else the local one. */
	private ConsumptionProbe consume(VoucherifyOperation operation) {
		BudgetPool shared = sharedPool();
		if (shared != null) {
			try {
				ConsumptionProbe probe = shared.bucket(operation).tryConsumeAndReturnRemaining(1);
				storeAnswered(shared);
				remember(operation, probe);
				if (probe.isConsumed()) {
					followOnLocalShare(operation);
				}
				return probe;
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
			}
		}
		ConsumptionProbe probe = this.local.bucket(operation).tryConsumeAndReturnRemaining(1);
		remember(operation, probe);
		if (probe.isConsumed()) {
			takenAlone(operation);
		}
		return probe;
	}

	/**
	 * Reserve a permit of a coming window and sleep until it, as Bucket4j's blocking
	 * buckets do: the callers that wait do not all try again when the window starts, a
	 * storm of compare-and-swap requests that would time out on the store.
	 */
	private boolean reserve(VoucherifyOperation operation, long waitNanos) {
		BudgetPool shared = sharedPool();
		try {
			if (shared != null) {
				try {
					boolean reserved = shared.bucket(operation).asBlocking().tryConsume(1, waitNanos);
					storeAnswered(shared);
					if (reserved) {
						followOnLocalShare(operation);
					}
					return reserved;
				}
				catch (RuntimeException ex) {
					storeFailed(ex);
				}
			}
			boolean reserved = this.local.bucket(operation).asBlocking().tryConsume(1, waitNanos);
			if (reserved) {
				takenAlone(operation);
			}
			return reserved;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/**
	 * The local share follows what this instance takes from the store (never into debt),
	 * so that a store failing mid-window does not hand it a full share again.
	 */
	private void followOnLocalShare(VoucherifyOperation operation) {
		this.local.bucket(operation).tryConsumeAsMuchAsPossible(1);
	}

	private void takenAlone(VoucherifyOperation operation) {
		if (this.store != null) {
			this.store.countTakenAlone(this.local.shareOf(operation).name);
		}
	}

	private void remember(VoucherifyOperation operation, ConsumptionProbe probe) {
		if (probe.isConsumed() && !BudgetPool.isBulk(operation)) {
			this.lastRemaining.set(probe.getRemainingTokens());
			this.lastRemainingWindow = this.windows.index(this.windows.nowMillis());
		}
	}

	private @Nullable BudgetPool sharedPool() {
		return (this.store != null) ? this.store.pool(this.limit) : null;
	}

	private @Nullable BudgetPool sharedPoolIfUp() {
		return (this.store != null) ? this.store.poolIfUp() : null;
	}

	private void storeAnswered(BudgetPool shared) {
		if (this.store != null && this.store.answered(shared)) {
			logger.info("Voucherify call budget: the " + this.store.name() + " store answers again; the fleet "
					+ "shares one budget of " + this.limit + " calls per " + this.settings.period() + " again");
		}
	}

	private void storeFailed(RuntimeException ex) {
		StoreLink store = this.store;
		if (store != null && store.failed(ex)) {
			keepToWhatWasLeft();
			logger.warn("Voucherify call budget: the " + store.name() + " store failed (" + store.problem()
					+ "); this instance takes from its local share of " + this.local.limit() + " calls per "
					+ this.settings.period() + " (voucherify.rate-limit.instances=" + this.settings.instances()
					+ ") until it answers, tried again every " + this.settings.storeRetryInterval());
		}
		else if (logger.isDebugEnabled()) {
			logger
				.debug("Voucherify call budget: the " + store.name() + " store still fails (" + store.problem() + ")");
		}
	}

	/**
	 * The store failed mid-window: this instance's share of what the shared budget had
	 * left, as its last permit saw it, is all it takes alone until the window ends (the
	 * other instances still on the store may take the rest).
	 */
	private void keepToWhatWasLeft() {
		long left = this.lastRemaining.get();
		if (left == Long.MAX_VALUE || this.lastRemainingWindow != this.windows.index(this.windows.nowMillis())) {
			// Nothing known of this window: the whole local share.
			return;
		}
		Bucket calls = this.local.calls.bucket;
		long excess = calls.getAvailableTokens() - left / this.settings.instances();
		if (excess > 0) {
			calls.consumeIgnoringRateLimits(excess);
		}
	}

	@Override
	public void learn(VoucherifyOperation operation, int statusCode, HttpHeaders headers) {
		try {
			RateLimitHeaders rateLimit = RateLimitHeaders.of(headers);
			if (rateLimit.limit() != null && rateLimit.limit() > 0 && rateLimit.limit() < this.limit) {
				lowerLimit(rateLimit.limit());
			}
			if (statusCode == 429) {
				pause(operation, rateLimit);
			}
			else if (rateLimit.remaining() != null) {
				correct(rateLimit.remaining(), rateLimit.retryAt());
			}
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
		}
	}

	private synchronized void lowerLimit(long limit) {
		if (limit >= this.limit) {
			return;
		}
		logger.info("Voucherify call budget: Voucherify's X-Rate-Limit-Limit is " + limit + ", below the " + this.limit
				+ " set: the budget now allows " + limit + " calls per " + this.settings.period());
		this.limit = limit;
		this.local.resize(localLimit(limit));
		BudgetPool shared = sharedPoolIfUp();
		if (shared != null) {
			shared.resize(limit);
		}
	}

	/**
	 * A 429: no call until Voucherify's retry time, in this instance and, through the
	 * store, in the whole fleet.
	 */
	private void pause(VoucherifyOperation operation, RateLimitHeaders rateLimit) {
		long now = this.windows.nowMillis();
		Instant until = rateLimit.pauseUntil(Instant.ofEpochMilli(now));
		if (until == null) {
			until = Instant.ofEpochMilli(this.windows.end(now));
		}
		if (!until.isAfter(Instant.ofEpochMilli(now))) {
			// The answer of a window that has ended: the new window is not paused.
			return;
		}
		long periodMillis = this.settings.period().toMillis();
		Instant previous = this.pausedUntil;
		boolean longer = previous == null || previous.isBefore(until);
		// Later windows are held once, not once per 429: only beyond what an earlier
		// pause
		// held already. Retry-After counts whole seconds, so an end within a second after
		// a window's end is that end.
		long held = Math.max(this.windows.end(now), (previous != null) ? previous.toEpochMilli() : 0);
		long beyond = until.toEpochMilli() - 1000 - held;
		long laterWindows = (beyond > 0) ? Math.floorDiv(beyond + periodMillis - 1, periodMillis) : 0;
		Consumer<BudgetPool.Share> empty = (share) -> {
			share.bucket.tryConsumeAsMuchAsPossible();
			if (laterWindows > 0) {
				share.bucket.consumeIgnoringRateLimits(laterWindows * share.capacity);
			}
		};
		if (longer) {
			this.pausedUntil = until;
			logger.warn("Voucherify answered 429 to " + operation.sdkName() + ": the call budget holds every call"
					+ ((this.store != null) ? " of the fleet" : "") + " until " + until);
		}
		this.local.forEach(empty);
		BudgetPool shared = sharedPoolIfUp();
		if (shared != null) {
			shared.forEach(empty);
		}
	}

	/**
	 * Voucherify has fewer calls left than the budget thinks (another application on the
	 * project, a limit set too high, a call that crossed into this window): take the
	 * difference out of the budget.
	 */
	private void correct(long remaining, @Nullable Instant windowEnd) {
		if (remaining >= this.lastRemaining.get()
				|| (windowEnd != null && !windowEnd.isAfter(Instant.ofEpochMilli(this.windows.nowMillis())))) {
			return;
		}
		BudgetPool shared = sharedPoolIfUp();
		Bucket calls = ((shared != null) ? shared : this.local).calls.bucket;
		long excess = calls.getAvailableTokens() - remaining;
		if (excess > 0) {
			calls.consumeIgnoringRateLimits(excess);
		}
		this.lastRemaining.set(remaining);
	}

	@Override
	public Map<String, Object> describe() {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("limit", this.limit);
		if (this.limit != this.settings.limit()) {
			details.put("configuredLimit", this.settings.limit());
		}
		details.put("period", this.settings.period().toString());
		if (this.settings.bulkShare() > 0) {
			details.put("bulkShare", this.settings.bulkShare());
		}
		details.put("maxWait", this.settings.maxWait().toString());
		if (this.store != null) {
			this.store.describe(details, this.local.limit());
		}
		else {
			details.put("store", "none (one instance)");
		}
		Instant pausedUntil = this.pausedUntil;
		if (pausedUntil != null && pausedUntil.isAfter(Instant.ofEpochMilli(this.windows.nowMillis()))) {
			details.put("pausedUntil", pausedUntil.toString());
		}
		details.put("permits", this.permits.get());
		details.put("denials", this.denials.get());
		return details;
	}

	/**
	 * Whether the store answered this instance's last request to it.
	 * @return {@code true} if this instance takes permits from the shared budget
	 */
	public boolean isShared() {
		return this.store != null && this.store.isUp();
	}

	/** A local budget's limit, or an instance's share of a shared one. */
	private long localLimit(long limit) {
		return (this.store != null) ? Math.max(1, limit / this.settings.instances()) : limit;
	}

}
