package io.voucherify.spring.test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.SortedMap;
import java.util.TreeMap;

import com.sun.net.httpserver.Headers;

/**
 * The project's rate limit, shared by every client of one emulator: at most {@code calls}
 * API calls in each fixed window of {@code period}. Windows are aligned to multiples of
 * the period since the Unix epoch (window index = epoch millis / period millis), read
 * from the emulator's clock. Voucherify does not document whether its windows are fixed
 * or sliding: fixed epoch-aligned windows are the emulator's choice.
 * <p>
 * Every call to the API host counts, whatever its method, path or answer (401 and 404
 * included), except the calls it rejects. Without a configured limit the emulator only
 * informs: {@code X-Rate-Limit-Limit} is {@value #INFORMATIVE_CALLS} a minute,
 * {@code X-Rate-Limit-Remaining} counts down to 0 and no call is rejected. The calls and
 * totals are guarded by one lock, held for a map look-up and update.
 */
final class ProjectRateLimit {

	/**
	 * {@code X-Rate-Limit-Limit} without a configured limit: Voucherify's Organization
	 * plan.
	 */
	static final int INFORMATIVE_CALLS = 2000;

	/** The windows without a configured limit. */
	static final Duration INFORMATIVE_PERIOD = Duration.ofMinutes(1);

	/** How many windows (the most recent) the statistics keep. */
	static final int KEPT_WINDOWS = 1000;

	/** {@code X-Rate-Limit-Type} of the project's limit. */
	static final String TYPE = "api_calls";

	private final int calls;

	private final long periodMillis;

	private final boolean enforced;

	private final Clock clock;

	private final Object lock = new Object();

	/** Accepted calls per window index, of the {@value #KEPT_WINDOWS} most recent. */
	private final TreeMap<Long, Integer> acceptedPerWindow = new TreeMap<>();

	private long accepted;

	private long rejected;

	private ProjectRateLimit(int calls, Duration period, boolean enforced, Clock clock) {
		this.calls = calls;
		this.periodMillis = period.toMillis();
		this.enforced = enforced;
		this.clock = clock;
	}

	/**
	 * No limit: {@value #INFORMATIVE_CALLS} calls a minute shown, none rejected.
	 * @param clock the emulator's clock
	 * @return the rate limit
	 */
	static ProjectRateLimit informative(Clock clock) {
		return new ProjectRateLimit(INFORMATIVE_CALLS, INFORMATIVE_PERIOD, false, clock);
	}

	/**
	 * A limit that rejects the calls beyond {@code calls} in a window.
	 * @param calls the calls accepted in each window, positive
	 * @param period the length of a window, at least 1 ms (a fraction of a millisecond is
	 * dropped)
	 * @param clock the emulator's clock
	 * @return the rate limit
	 */
	static ProjectRateLimit enforcing(int calls, Duration period, Clock clock) {
		if (calls <= 0 || period.compareTo(Duration.ofMillis(1)) < 0) {
			throw new IllegalArgumentException("Invalid rate limit: " + calls + " calls per " + period);
		}
		return new ProjectRateLimit(calls, period, true, clock);
	}

	/**
	 * Count a call to the API host, or reject it if the window's calls are used up.
	 * @return the verdict, with the headers of the answer
	 */
	Verdict call() {
		synchronized (this.lock) {
			long now = this.clock.millis();
			long window = Math.floorDiv(now, this.periodMillis);
			int count = this.acceptedPerWindow.getOrDefault(window, 0);
			if (this.enforced && count >= this.calls) {
				this.rejected++;
				return verdict(Verdict.Kind.REJECTED, 0, window, now);
			}
			count++;
			this.acceptedPerWindow.put(window, count);
			if (this.acceptedPerWindow.size() > KEPT_WINDOWS) {
				this.acceptedPerWindow.pollFirstEntry();
			}
			this.accepted++;
			return verdict(this.enforced ? Verdict.Kind.ACCEPTED : Verdict.Kind.INFORMATIVE,
					Math.max(0, this.calls - count), window, now);
		}
	}

	/**
	 * What is left of the current window, without counting a call: for the download host,
	 * which the limit does not cover.
	 * @return an informative verdict
	 */
	Verdict peek() {
		synchronized (this.lock) {
			long now = this.clock.millis();
			long window = Math.floorDiv(now, this.periodMillis);
			int count = this.acceptedPerWindow.getOrDefault(window, 0);
			return verdict(Verdict.Kind.INFORMATIVE, Math.max(0, this.calls - count), window, now);
		}
	}

	/** Forget the counted calls and the totals. */
	void reset() {
		synchronized (this.lock) {
			this.acceptedPerWindow.clear();
			this.accepted = 0;
			this.rejected = 0;
		}
	}

	/**
	 * The calls counted so far.
	 * @return a snapshot
	 */
	RateLimitStats stats() {
		synchronized (this.lock) {
			SortedMap<Instant, Integer> perWindow = new TreeMap<>();
			this.acceptedPerWindow
				.forEach((window, count) -> perWindow.put(Instant.ofEpochMilli(window * this.periodMillis), count));
			return new RateLimitStats(this.accepted, this.rejected, perWindow);
		}
	}

	private Verdict verdict(Verdict.Kind kind, int remaining, long window, long now) {
		long windowEnd = (window + 1) * this.periodMillis;
		return new Verdict(kind, this.calls, remaining, ceilSeconds(windowEnd),
				Math.max(1, ceilSeconds(windowEnd - now)));
	}

	private static long ceilSeconds(long millis) {
		return -Math.floorDiv(-millis, 1000);
	}

	/**
	 * Whether a call is answered, and the rate-limit headers of its answer.
	 *
	 * @param kind the kind of verdict
	 * @param limit {@code X-Rate-Limit-Limit}
	 * @param remaining {@code X-Rate-Limit-Remaining}
	 * @param retryAt {@code X-Rate-Limit-Retry}: the window's end in Unix epoch seconds,
	 * rounded up
	 * @param retryAfter {@code Retry-After}: the seconds until the window's end, rounded
	 * up, at least 1
	 */
	record Verdict(Kind kind, int limit, int remaining, long retryAt, long retryAfter) {

		/** Whether the call is to be answered: the operation runs. */
		boolean accepted() {
			return this.kind != Kind.REJECTED;
		}

		/**
		 * Set the answer's rate-limit headers. Informative: the limit and the remaining
		 * calls, as without a configured limit; accepted: also {@code X-Rate-Limit-Retry}
		 * and {@code X-Rate-Limit-Type}; rejected: also {@code Retry-After}.
		 */
		void writeTo(Headers headers) {
			headers.set("X-Rate-Limit-Limit", Integer.toString(this.limit));
			headers.set("X-Rate-Limit-Remaining", Integer.toString(this.remaining));
			if (this.kind == Kind.INFORMATIVE) {
				return;
			}
			headers.set("X-Rate-Limit-Retry", Long.toString(this.retryAt));
			if (this.kind == Kind.REJECTED) {
				headers.set("Retry-After", Long.toString(this.retryAfter));
			}
			headers.set("X-Rate-Limit-Type", TYPE);
		}

		/** The kinds of verdict. */
		enum Kind {

			/**
			 * Answered, no limit enforced (or the download host): informative headers.
			 */
			INFORMATIVE,

			/** Answered, within the enforced limit. */
			ACCEPTED,

			/** Rejected with 429: the window's calls are used up. */
			REJECTED

		}

	}

}
