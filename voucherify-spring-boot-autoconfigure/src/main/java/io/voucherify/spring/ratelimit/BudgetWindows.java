package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.TimeMeter;

/**
 * The windows of a budget: they start at multiples of the period since the epoch, and
 * each bucket gets its whole capacity back when one starts, so no window gets more
 * permits than the capacity.
 */
final class BudgetWindows {

	private final Duration period;

	private final TimeMeter time;

	BudgetWindows(Duration period, TimeMeter time) {
		this.period = period;
		this.time = time;
	}

	Duration period() {
		return this.period;
	}

	long nowMillis() {
		return TimeUnit.NANOSECONDS.toMillis(this.time.currentTimeNanos());
	}

	long index(long nowMillis) {
		return Math.floorDiv(nowMillis, this.period.toMillis());
	}

	long end(long nowMillis) {
		return (index(nowMillis) + 1) * this.period.toMillis();
	}

	/** A bucket in this instance's memory. */
	Bucket localBucket(long capacity) {
		return Bucket.builder().addLimit(bandwidth(capacity)).withCustomTimePrecision(this.time).build();
	}

	/** The configuration of a bucket in a store. */
	BucketConfiguration configuration(long capacity) {
		return BucketConfiguration.builder().addLimit(bandwidth(capacity)).build();
	}

	private Bandwidth bandwidth(long capacity) {
		return Bandwidth.builder()
			.capacity(capacity)
			.refillIntervallyAligned(capacity, this.period, Instant.ofEpochMilli(end(nowMillis())))
			.build();
	}

}
