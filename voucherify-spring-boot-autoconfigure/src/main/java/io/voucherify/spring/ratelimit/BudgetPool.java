package io.voucherify.spring.ratelimit;

import java.util.EnumSet;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.TokensInheritanceStrategy;
import io.voucherify.spring.VoucherifyOperation;
import org.jspecify.annotations.Nullable;

/**
 * The buckets of one budget, in memory or in a store: one for the calls, and one for the
 * bulk share if there is one.
 */
final class BudgetPool {

	/**
	 * The operations of background jobs, which take from the bulk share if there is one.
	 */
	private static final Set<VoucherifyOperation> BULK_JOBS = EnumSet.of(VoucherifyOperation.IMPORT_VOUCHERS_USING_CSV,
			VoucherifyOperation.EXPORT_VOUCHER_TRANSACTIONS, VoucherifyOperation.GET_ASYNC_ACTION,
			VoucherifyOperation.GET_EXPORT, VoucherifyOperation.DOWNLOAD_EXPORT);

	private final BudgetWindows windows;

	private final double bulkShare;

	private volatile long limit;

	final Share calls;

	final @Nullable Share bulk;

	BudgetPool(long limit, double bulkShare, BudgetWindows windows, Buckets buckets) {
		this.windows = windows;
		this.bulkShare = bulkShare;
		this.limit = limit;
		long bulkCapacity = bulkCapacity(limit);
		this.calls = new Share("calls", limit - bulkCapacity, buckets);
		this.bulk = (bulkCapacity > 0) ? new Share("bulk", bulkCapacity, buckets) : null;
	}

	static boolean isBulk(VoucherifyOperation operation) {
		return BULK_JOBS.contains(operation);
	}

	long limit() {
		return this.limit;
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
		if (this.bulkShare <= 0 || limit < 2) {
			return 0;
		}
		return Math.min(Math.max(Math.round(limit * this.bulkShare), 1), limit - 1);
	}

	/** Makes the bucket of one share. */
	@FunctionalInterface
	interface Buckets {

		Bucket create(String name, LongSupplier capacity);

	}

	/** One bucket and its capacity. */
	final class Share {

		final String name;

		volatile long capacity;

		final Bucket bucket;

		/**
		 * A reservation that would have ended by then failed: every permit up to then is
		 * taken or reserved ({@link System#nanoTime()}).
		 */
		volatile long reservedUntilNanos = System.nanoTime();

		Share(String name, long capacity, Buckets buckets) {
			this.name = name;
			this.capacity = capacity;
			this.bucket = buckets.create(name, () -> this.capacity);
		}

		void resize(long capacity) {
			this.capacity = capacity;
			this.bucket.replaceConfiguration(BudgetPool.this.windows.configuration(capacity),
					TokensInheritanceStrategy.AS_IS);
		}

	}

}
