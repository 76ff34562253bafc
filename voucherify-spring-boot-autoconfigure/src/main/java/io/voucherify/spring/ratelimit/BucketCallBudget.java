package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
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

	/**
	 * The operations of background jobs, which take from the bulk share if there is one.
	 */
	private static final Set<VoucherifyOperation> BULK_JOBS = EnumSet.of(VoucherifyOperation.IMPORT_VOUCHERS_USING_CSV,
			VoucherifyOperation.EXPORT_VOUCHER_TRANSACTIONS, VoucherifyOperation.GET_ASYNC_ACTION,
			VoucherifyOperation.GET_EXPORT, VoucherifyOperation.DOWNLOAD_EXPORT);

	private static final Log logger = LogFactory.getLog(BucketCallBudget.class);

	private final CallBudgetSettings settings;

	private final @Nullable CallBudgetStore store;

	private final TimeMeter time;

	/** The limit, lowered by what Voucherify's headers said. */
	private volatile long limit;

	/** The whole budget of a local one; an instance's share of a shared one. */
	private final Pool local;

	private volatile @Nullable Pool shared;

	/** Whether the last request to the store succeeded. */
	private volatile boolean storeUp;

	/** When the store failed last, {@code null} if it has not. */
	private volatile @Nullable Instant storeFailedAt;

	private volatile @Nullable String storeProblem;

	private volatile long storeRetryAtNanos;

	/** Whether a caller is trying the store again after it failed. */
	private final AtomicBoolean probing = new AtomicBoolean();

	private volatile @Nullable Instant pausedUntil;

	/** Permits left in the calls bucket after this instance's last permit. */
	private final AtomicLong lastRemaining = new AtomicLong(Long.MAX_VALUE);

	/**
	 * Permits taken from the local share in the window {@link #aloneWindow}, by share.
	 */
	private final Map<String, Long> takenAlone = new HashMap<>();

	private long aloneWindow;

	private final AtomicLong permits = new AtomicLong();

	private final AtomicLong denials = new AtomicLong();

	private BucketCallBudget(CallBudgetSettings settings, @Nullable CallBudgetStore store, TimeMeter time) {
		this.settings = settings;
		this.store = store;
		this.time = time;
		this.limit = settings.limit();
		long localLimit = (store != null) ? Math.max(1, settings.limit() / settings.instances()) : settings.limit();
		this.local = new Pool(localLimit,
				(name, capacity) -> Bucket.builder()
					.addLimit(bandwidth(capacity.getAsLong()))
					.withCustomTimePrecision(time)
					.build());
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
		Share share = this.local.shareOf(operation);
		long reservedUntil = share.reservedUntilNanos;
		if (deadline - reservedUntil <= 0) {
			// Every permit up to then is taken or reserved: no need to ask the store.
			this.denials.incrementAndGet();
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
		this.denials.incrementAndGet();
		throw denied(operation, waitNanos, callTimeFirst, refill);
	}

	private VoucherifyCallBudgetException denied(VoucherifyOperation operation, long waitNanos, boolean callTimeFirst,
			long refillNanos) {
		String wait = TimeUnit.NANOSECONDS.toMillis(waitNanos) + " ms"
				+ (callTimeFirst ? " (the call's time left)" : " (voucherify.rate-limit.max-wait)");
		return new VoucherifyCallBudgetException(
				operation.sdkName() + " was not sent: the call budget of " + this.limit + " calls per "
						+ this.settings.period() + " had no permit within " + wait,
				Duration.ofNanos(Math.max(refillNanos, 0)));
	}

	/** Take a permit from the shared budget if the store answers, else the local one. */
	private ConsumptionProbe consume(VoucherifyOperation operation) {
		Pool shared = sharedPool();
		if (shared != null) {
			try {
				ConsumptionProbe probe = shared.bucket(operation).tryConsumeAndReturnRemaining(1);
				storeAnswered(shared);
				remember(operation, probe);
				if (probe.isConsumed()) {
					// The local share follows what this instance takes (never into debt),
					// so
					// that a store failing mid-window does not hand it a full share
					// again.
					this.local.bucket(operation).tryConsumeAsMuchAsPossible(1);
				}
				return probe;
			}
			catch (RuntimeException ex) {
				storeFailed(ex);
			}
		}
		ConsumptionProbe probe = this.local.bucket(operation).tryConsumeAndReturnRemaining(1);
		remember(operation, probe);
		if (probe.isConsumed() && this.store != null) {
			countTakenAlone(this.local.shareOf(operation).name);
		}
		return probe;
	}

	/**
	 * Reserve a permit of a coming window and sleep until it, as Bucket4j's blocking
	 * buckets do: the callers that wait do not all try again when the window starts, a
	 * storm of compare-and-swap requests that would time out on the store.
	 */
	private boolean reserve(VoucherifyOperation operation, long waitNanos) {
		Pool shared = sharedPool();
		try {
			if (shared != null) {
				try {
					boolean reserved = shared.bucket(operation).asBlocking().tryConsume(1, waitNanos);
					storeAnswered(shared);
					if (reserved) {
						this.local.bucket(operation).tryConsumeAsMuchAsPossible(1);
					}
					return reserved;
				}
				catch (RuntimeException ex) {
					storeFailed(ex);
				}
			}
			boolean reserved = this.local.bucket(operation).asBlocking().tryConsume(1, waitNanos);
			if (reserved && this.store != null) {
				countTakenAlone(this.local.shareOf(operation).name);
			}
			return reserved;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	/** Count a permit taken from the local share while the store was out of reach. */
	private synchronized void countTakenAlone(String share) {
		long window = Math.floorDiv(nowMillis(), this.settings.period().toMillis());
		if (window != this.aloneWindow) {
			this.aloneWindow = window;
			this.takenAlone.clear();
		}
		this.takenAlone.merge(share, 1L, Long::sum);
	}

	/** The permits of a share taken alone in this window, counted once. */
	private synchronized long drainTakenAlone(String share) {
		long window = Math.floorDiv(nowMillis(), this.settings.period().toMillis());
		Long taken = this.takenAlone.remove(share);
		return (taken != null && window == this.aloneWindow) ? taken : 0;
	}

	private void remember(VoucherifyOperation operation, ConsumptionProbe probe) {
		if (probe.isConsumed() && !isBulk(operation)) {
			this.lastRemaining.set(probe.getRemainingTokens());
		}
	}

	/**
	 * The store's buckets, or {@code null} when there is no store, it is connecting, or
	 * it failed: then one caller a retry interval tries it again, the others keep to the
	 * local share rather than each waiting for a store that may still be down.
	 */
	private @Nullable Pool sharedPool() {
		CallBudgetStore store = this.store;
		if (store == null) {
			return null;
		}
		if (!this.storeUp && this.storeFailedAt != null
				&& (System.nanoTime() - this.storeRetryAtNanos < 0 || !this.probing.compareAndSet(false, true))) {
			return null;
		}
		Pool pool = this.shared;
		if (pool != null) {
			return pool;
		}
		try {
			ProxyManager<String> buckets = store.proxyManager();
			if (buckets == null) {
				this.probing.set(false);
				return null;
			}
			synchronized (this) {
				if (this.shared == null) {
					this.shared = new Pool(this.limit, (name, capacity) -> buckets.builder()
						.build(this.settings.key() + ":" + name, () -> configuration(capacity.getAsLong())));
				}
				return this.shared;
			}
		}
		catch (RuntimeException ex) {
			storeFailed(ex);
			return null;
		}
	}

	/**
	 * The store answered: if this instance was on its local share, what it took alone in
	 * this window is taken from the shared budget too, so that the fleet stays under the
	 * limit.
	 */
	private void storeAnswered(Pool shared) {
		if (this.storeUp) {
			return;
		}
		synchronized (this) {
			if (this.storeUp) {
				return;
			}
			shared.forEach((share) -> {
				long taken = drainTakenAlone(share.name);
				if (taken > 0) {
					share.bucket.consumeIgnoringRateLimits(taken);
				}
			});
			this.storeUp = true;
			this.probing.set(false);
			if (this.storeFailedAt != null) {
				logger.info("Voucherify call budget: the " + name() + " store answers again; the fleet shares one "
						+ "budget of " + this.limit + " calls per " + this.settings.period() + " again");
			}
		}
	}

	private void storeFailed(RuntimeException ex) {
		boolean wasUp = this.storeUp || this.storeFailedAt == null;
		this.storeUp = false;
		this.storeFailedAt = Instant.ofEpochMilli(nowMillis());
		this.storeProblem = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		this.storeRetryAtNanos = System.nanoTime() + this.settings.storeRetryInterval().toNanos();
		this.probing.set(false);
		if (wasUp) {
			keepToWhatWasLeft();
			logger.warn("Voucherify call budget: the " + name() + " store failed (" + this.storeProblem
					+ "); this instance takes from its local share of " + this.local.limit + " calls per "
					+ this.settings.period() + " (voucherify.rate-limit.instances=" + this.settings.instances()
					+ ") until it answers, tried again every " + this.settings.storeRetryInterval());
		}
		else if (logger.isDebugEnabled()) {
			logger.debug("Voucherify call budget: the " + name() + " store still fails (" + this.storeProblem + ")");
		}
	}

	/**
	 * The store failed mid-window: this instance's share of what the shared budget had
	 * left, as its last permit saw it, is all it takes alone until the window ends (the
	 * other instances still on the store may take the rest).
	 */
	private void keepToWhatWasLeft() {
		long left = this.lastRemaining.get();
		if (left == Long.MAX_VALUE) {
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
		this.local.resize((this.store != null) ? Math.max(1, limit / this.settings.instances()) : limit);
		Pool shared = this.shared;
		if (shared != null && this.storeUp) {
			shared.resize(limit);
		}
	}

	/**
	 * A 429: no call until Voucherify's retry time, in this instance and, through the
	 * store, in the whole fleet.
	 */
	private void pause(VoucherifyOperation operation, RateLimitHeaders rateLimit) {
		long now = nowMillis();
		Instant until = rateLimit.pauseUntil(Instant.ofEpochMilli(now));
		if (until == null) {
			until = Instant.ofEpochMilli(windowEnd(now));
		}
		if (!until.isAfter(Instant.ofEpochMilli(now))) {
			// The answer of a window that has ended: the new window is not paused.
			return;
		}
		long periodMillis = this.settings.period().toMillis();
		long laterWindows = Math.max(0,
				Math.floorDiv(until.toEpochMilli() - windowEnd(now) + periodMillis - 1, periodMillis));
		Consumer<Share> empty = (share) -> {
			share.bucket.tryConsumeAsMuchAsPossible();
			if (laterWindows > 0) {
				share.bucket.consumeIgnoringRateLimits(laterWindows * share.capacity);
			}
		};
		Instant previous = this.pausedUntil;
		this.pausedUntil = until;
		if (previous == null || previous.isBefore(until)) {
			logger.warn("Voucherify answered 429 to " + operation.sdkName() + ": the call budget holds every call"
					+ ((this.store != null) ? " of the fleet" : "") + " until " + until);
		}
		this.local.forEach(empty);
		Pool shared = this.shared;
		if (shared != null && this.storeUp) {
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
				|| (windowEnd != null && !windowEnd.isAfter(Instant.ofEpochMilli(nowMillis())))) {
			return;
		}
		Pool shared = this.shared;
		Pool pool = (shared != null && this.storeUp) ? shared : this.local;
		Bucket calls = pool.calls.bucket;
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
		if (this.store == null) {
			details.put("store", "none (one instance)");
		}
		else {
			details.put("store", name());
			details.put("storeStatus", this.storeUp ? "UP" : ((this.storeFailedAt != null) ? "DOWN" : "CONNECTING"));
			if (!this.storeUp) {
				details.put("localShare", this.local.limit);
			}
			if (this.storeFailedAt != null) {
				details.put("storeFailedAt", String.valueOf(this.storeFailedAt));
				details.put("storeProblem", String.valueOf(this.storeProblem));
			}
		}
		Instant pausedUntil = this.pausedUntil;
		if (pausedUntil != null && pausedUntil.isAfter(Instant.ofEpochMilli(nowMillis()))) {
			details.put("pausedUntil", pausedUntil.toString());
		}
		details.put("permits", this.permits.get());
		details.put("denials", this.denials.get());
		return details;
	}

	/**
	 * Whether this instance takes permits from the shared budget right now.
	 * @return {@code true} if the store answered the last request
	 */
	public boolean isShared() {
		return this.storeUp;
	}

	private String name() {
		return (this.store != null) ? this.store.name() : "local";
	}

	private static boolean isBulk(VoucherifyOperation operation) {
		return BULK_JOBS.contains(operation);
	}

	private long nowMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.time.currentTimeNanos());
	}

	private long windowEnd(long nowMillis) {
		long period = this.settings.period().toMillis();
		return (Math.floorDiv(nowMillis, period) + 1) * period;
	}

	/** A bucket of {@code capacity} permits, refilled at the start of each window. */
	private Bandwidth bandwidth(long capacity) {
		return Bandwidth.builder()
			.capacity(capacity)
			.refillIntervallyAligned(capacity, this.settings.period(), Instant.ofEpochMilli(windowEnd(nowMillis())))
			.build();
	}

	private BucketConfiguration configuration(long capacity) {
		return BucketConfiguration.builder().addLimit(bandwidth(capacity)).build();
	}

	/** Makes the bucket of one share. */
	@FunctionalInterface
	private interface Buckets {

		Bucket create(String name, LongSupplier capacity);

	}

	/** The buckets of one budget: one for the calls, one for the bulk share if any. */
	private final class Pool {

		private volatile long limit;

		private final Share calls;

		private final @Nullable Share bulk;

		Pool(long limit, Buckets buckets) {
			this.limit = limit;
			long bulkCapacity = bulkCapacity(limit);
			this.calls = new Share("calls", limit - bulkCapacity, buckets);
			this.bulk = (bulkCapacity > 0) ? new Share("bulk", bulkCapacity, buckets) : null;
		}

		Bucket bucket(VoucherifyOperation operation) {
			return shareOf(operation).bucket;
		}

		Share shareOf(VoucherifyOperation operation) {
			return (this.bulk != null && isBulk(operation)) ? this.bulk : this.calls;
		}

		void forEach(Consumer<Share> action) {
			action.accept(this.calls);
			if (this.bulk != null) {
				action.accept(this.bulk);
			}
		}

		/** A lower limit: each bucket keeps its permits, up to its new capacity. */
		void resize(long limit) {
			this.limit = limit;
			long bulkCapacity = (this.bulk != null) ? Math.max(1, bulkCapacity(limit)) : 0;
			this.calls.resize(Math.max(1, limit - bulkCapacity));
			if (this.bulk != null) {
				this.bulk.resize(bulkCapacity);
			}
		}

		private long bulkCapacity(long limit) {
			double bulkShare = BucketCallBudget.this.settings.bulkShare();
			if (bulkShare <= 0 || limit < 2) {
				return 0;
			}
			return Math.min(Math.max(Math.round(limit * bulkShare), 1), limit - 1);
		}

	}

	/** One bucket and its capacity. */
	private final class Share {

		private final String name;

		private volatile long capacity;

		private final Bucket bucket;

		/**
		 * A reservation that would have ended by then failed: every permit up to then is
		 * taken or reserved ({@link System#nanoTime()}; kept on the local share's entry).
		 */
		private volatile long reservedUntilNanos = System.nanoTime();

		Share(String name, long capacity, Buckets buckets) {
			this.name = name;
			this.capacity = capacity;
			this.bucket = buckets.create(name, () -> this.capacity);
		}

		void resize(long capacity) {
			this.capacity = capacity;
			this.bucket.replaceConfiguration(configuration(capacity), TokensInheritanceStrategy.AS_IS);
		}

	}

}
