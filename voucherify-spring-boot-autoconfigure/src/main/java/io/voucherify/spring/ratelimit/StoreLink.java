package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import org.jspecify.annotations.Nullable;

/**
 * A shared budget's link to its store: whether the store answers, its buckets once it is
 * connected, and what the instance took alone while it did not answer, so that the shared
 * budget counts it when the store answers again.
 */
final class StoreLink {

	private final CallBudgetStore store;

	private final String key;

	private final double bulkShare;

	private final Duration retryInterval;

	private final BudgetWindows windows;

	private volatile @Nullable BudgetPool pool;

	/** Whether the last request to the store succeeded. */
	private volatile boolean up;

	/** When the store failed last, {@code null} if it has not. */
	private volatile @Nullable Instant failedAt;

	private volatile @Nullable String problem;

	private volatile long retryAtNanos;

	/** Whether a caller is trying the store again after it failed. */
	private final AtomicBoolean probing = new AtomicBoolean();

	/**
	 * Permits taken from the local share in the window {@link #aloneWindow}, by share.
	 */
	private final Map<String, Long> takenAlone = new HashMap<>();

	private long aloneWindow;

	StoreLink(CallBudgetStore store, CallBudgetSettings settings, BudgetWindows windows) {
		this.store = store;
		this.key = settings.key();
		this.bulkShare = settings.bulkShare();
		this.retryInterval = settings.storeRetryInterval();
		this.windows = windows;
	}

	String name() {
		return this.store.name();
	}

	boolean isUp() {
		return this.up;
	}

	@Nullable String problem() {
		return this.problem;
	}

	/** The store's buckets if the store answered the last request, else {@code null}. */
	@Nullable BudgetPool poolIfUp() {
		return this.up ? this.pool : null;
	}

	/**
	 * The store's buckets to try, or {@code null} while it is connecting or failed: then
	 * one caller a retry interval tries it again, the others keep to the local share
	 * rather than each waiting for a store that may still be down.
	 * @param limit the budget's limit, for buckets made now
	 */
	@Nullable BudgetPool pool(long limit) {
		if (!this.up && this.failedAt != null
				&& (System.nanoTime() - this.retryAtNanos < 0 || !this.probing.compareAndSet(false, true))) {
			return null;
		}
		BudgetPool pool = this.pool;
		if (pool != null) {
			return pool;
		}
		try {
			ProxyManager<String> buckets = this.store.proxyManager();
			if (buckets == null) {
				this.probing.set(false);
				return null;
			}
			synchronized (this) {
				if (this.pool == null) {
					this.pool = new BudgetPool(limit, this.bulkShare, this.windows,
							// Batching: concurrent requests of this instance's threads go
							// to the
							// store as one, so that they do not fail each other's
							// compare-and-swap.
							(name, capacity) -> buckets.builder()
								.withOptimization(Optimizations.batching())
								.build(this.key + ":" + name, () -> this.windows.configuration(capacity.getAsLong())));
				}
				return this.pool;
			}
		}
		catch (RuntimeException ex) {
			failed(ex);
			return null;
		}
	}

	/**
	 * The store answered. If it had not before, what the instance took alone in this
	 * window is taken from the shared budget too.
	 * @return {@code true} if the store answers again after a failure
	 */
	boolean answered(BudgetPool pool) {
		if (this.up) {
			return false;
		}
		synchronized (this) {
			if (this.up) {
				return false;
			}
			pool.forEach((share) -> {
				long taken = drainTakenAlone(share.name);
				if (taken > 0) {
					share.bucket.consumeIgnoringRateLimits(taken);
				}
			});
			this.up = true;
			this.probing.set(false);
			return this.failedAt != null;
		}
	}

	/**
	 * A request to the store failed.
	 * @return {@code true} if the store answered (or was connecting) until now
	 */
	boolean failed(RuntimeException ex) {
		boolean wasUp = this.up || this.failedAt == null;
		this.up = false;
		this.failedAt = Instant.ofEpochMilli(this.windows.nowMillis());
		this.problem = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		this.retryAtNanos = System.nanoTime() + this.retryInterval.toNanos();
		this.probing.set(false);
		return wasUp;
	}

	/** Count a permit taken from the local share while the store was out of reach. */
	synchronized void countTakenAlone(String share) {
		long window = this.windows.index(this.windows.nowMillis());
		if (window != this.aloneWindow) {
			this.aloneWindow = window;
			this.takenAlone.clear();
		}
		this.takenAlone.merge(share, 1L, Long::sum);
	}

	/** The permits of a share taken alone in this window, counted once. */
	private synchronized long drainTakenAlone(String share) {
		Long taken = this.takenAlone.remove(share);
		return (taken != null && this.windows.index(this.windows.nowMillis()) == this.aloneWindow) ? taken : 0;
	}

	void describe(Map<String, Object> details, long localShare) {
		details.put("store", name());
		details.put("storeStatus", this.up ? "UP" : ((this.failedAt != null) ? "DOWN" : "CONNECTING"));
		if (!this.up) {
			details.put("localShare", localShare);
		}
		if (this.failedAt != null) {
			details.put("storeFailedAt", String.valueOf(this.failedAt));
			details.put("storeProblem", String.valueOf(this.problem));
		}
	}

}
