package io.voucherify.spring.test;

import java.time.Instant;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A snapshot of the calls a {@link VoucherifyEmulator}'s project rate limit counted since
 * it started (or was last {@linkplain VoucherifyEmulator#reset() reset}), for assertions
 * in tests. Calls to the download host are not counted.
 *
 * @param acceptedCalls the calls to the API host that were answered (whatever their
 * status, 401 and 404 included)
 * @param rejectedCalls the calls rejected with {@code 429} because the window's calls
 * were used up; always 0 without a configured limit
 * @param acceptedPerWindow the accepted calls of each window, by the window's start,
 * oldest first; only windows with a call, and only the 1000 most recent. Without a
 * configured limit the windows are minutes.
 * @since 0.1.0
 * @see VoucherifyEmulatorBuilder#rateLimit(int, java.time.Duration)
 */
public record RateLimitStats(long acceptedCalls, long rejectedCalls, SortedMap<Instant, Integer> acceptedPerWindow) {

	/**
	 * Create a snapshot.
	 * @param acceptedCalls the answered calls
	 * @param rejectedCalls the rejected calls
	 * @param acceptedPerWindow the accepted calls by window start, copied
	 */
	public RateLimitStats {
		acceptedPerWindow = Collections.unmodifiableSortedMap(new TreeMap<>(acceptedPerWindow));
	}

}
