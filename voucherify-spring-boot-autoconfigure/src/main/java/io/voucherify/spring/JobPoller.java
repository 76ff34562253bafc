package io.voucherify.spring;

import java.time.Duration;
import java.util.function.Function;
import java.util.function.Predicate;

import io.voucherify.spring.exception.VoucherifyJobException;
import io.voucherify.spring.exception.VoucherifyJobTimeoutException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.jspecify.annotations.Nullable;

/**
 * Waits for a background job by polling it as {@link VoucherifyJobSettings} say, within
 * the caller's timeout. Each poll is an ordinary call (observed, retried as a read) that
 * ends by the timeout too. When the next poll would come too late, one last poll is made
 * shortly before the timeout, so the wait uses its time without outlasting it.
 */
final class JobPoller {

	/** The time left to the last poll to answer, at most half of what remains. */
	private static final long LAST_POLL_RESERVE_NANOS = Duration.ofSeconds(1).toNanos();

	private final VoucherifyJobSettings settings;

	JobPoller(VoucherifyJobSettings settings) {
		this.settings = settings;
	}

	/**
	 * Poll a job until it is finished or the timeout passes.
	 * @param job what the job is, for messages: {@code async action} or {@code export}
	 * @param id the job's id
	 * @param timeout the longest the caller waits
	 * @param calls the calls to poll with
	 * @param poll one poll, with the calls to make it on
	 * @param finished whether an answer is final
	 * @param status the status of an answer, for the timeout's message
	 * @return the final answer
	 * @throws VoucherifyJobTimeoutException if the job is not finished in time
	 */
	<T> T await(String job, String id, Duration timeout, VoucherifyCalls calls, Function<VoucherifyCalls, T> poll,
			Predicate<T> finished, Function<T, @Nullable Object> status) {
		long start = System.nanoTime();
		long deadline = start + timeout.toNanos();
		VoucherifyCalls polls = calls.until(deadline, "the timeout of the wait for the " + job);
		Duration wait = this.settings.firstPollDelay();
		Duration interval = null;
		Object lastStatus = null;
		int count = 0;
		while (true) {
			long remaining = deadline - System.nanoTime();
			long reserve = Math.min(LAST_POLL_RESERVE_NANOS, remaining / 2);
			boolean last = wait.toNanos() >= remaining - reserve;
			sleep(last ? Math.max(remaining - reserve, 0) : wait.toNanos(), job, id);
			T answer;
			try {
				answer = poll.apply(polls);
			}
			catch (VoucherifyTransportException ex) {
				if (ex.isTimeout() && System.nanoTime() - deadline >= 0) {
					throw timeout(job, id, timeout, start, count, lastStatus, ex);
				}
				throw ex;
			}
			count++;
			lastStatus = status.apply(answer);
			if (finished.test(answer)) {
				return answer;
			}
			if (last) {
				throw timeout(job, id, timeout, start, count, lastStatus, null);
			}
			interval = (interval != null) ? this.settings.grow(interval) : this.settings.pollInterval();
			wait = interval;
		}
	}

	private static void sleep(long nanos, String job, String id) {
		if (nanos <= 0) {
			return;
		}
		try {
			Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000));
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new VoucherifyJobException("Interrupted while waiting for " + job + " " + id, id, ex);
		}
	}

	private static VoucherifyJobTimeoutException timeout(String job, String id, Duration timeout, long start, int polls,
			@Nullable Object lastStatus, @Nullable Throwable cause) {
		Duration waited = Duration.ofNanos(System.nanoTime() - start);
		String status = (lastStatus != null) ? lastStatus.toString() : null;
		return new VoucherifyJobTimeoutException(Character.toUpperCase(job.charAt(0)) + job.substring(1) + " " + id
				+ " did not finish within " + timeout.toMillis() + " ms (waited " + waited.toMillis() + " ms, " + polls
				+ " poll" + ((polls != 1) ? "s" : "") + ", last status "
				+ ((status != null) ? status : "unknown: no poll answered") + ")", id, waited, status, cause);
	}

}
