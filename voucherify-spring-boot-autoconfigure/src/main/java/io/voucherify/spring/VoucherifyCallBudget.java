package io.voucherify.spring;

import java.time.Duration;
import java.util.Map;

import io.voucherify.spring.exception.VoucherifyCallBudgetException;

import org.springframework.http.HttpHeaders;

/**
 * A budget of calls that a {@link VouchersTemplate} takes a permit from before each HTTP
 * attempt, retries included, so that the application stays under Voucherify's project
 * rate limit before the fact instead of meeting 429s. The budget learns from every
 * answer's rate-limit headers. {@link #UNLIMITED} (the default) takes no permit at all;
 * {@code io.voucherify.spring.ratelimit.BucketCallBudget} is a budget in one instance or
 * shared by a fleet through a store.
 *
 * @since 0.1.0
 */
public interface VoucherifyCallBudget {

	/** No budget: every attempt goes at once, as without one. */
	VoucherifyCallBudget UNLIMITED = new VoucherifyCallBudget() {

		@Override
		public void acquire(VoucherifyOperation operation, Duration timeLeft) {
		}

		@Override
		public void learn(VoucherifyOperation operation, int statusCode, HttpHeaders headers) {
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of();
		}

		@Override
		public String toString() {
			return "VoucherifyCallBudget.UNLIMITED";
		}

	};

	/**
	 * Take a permit for one attempt, waiting for one as long as the budget allows and at
	 * most {@code timeLeft}, the time left to the call.
	 * @param operation the operation about to be sent
	 * @param timeLeft the call's time left; the wait never outlasts it
	 * @throws VoucherifyCallBudgetException if no permit came within the wait; nothing
	 * was sent
	 */
	void acquire(VoucherifyOperation operation, Duration timeLeft);

	/**
	 * Learn from an answer of Voucherify: its {@code X-Rate-Limit-*} headers, and a 429.
	 * Never throws.
	 * @param operation the operation answered
	 * @param statusCode the answer's HTTP status
	 * @param headers the answer's headers
	 */
	void learn(VoucherifyOperation operation, int statusCode, HttpHeaders headers);

	/**
	 * What the budget is and knows, for the health details: never a secret.
	 * @return an ordered map of names to plain values, empty for {@link #UNLIMITED}
	 */
	Map<String, Object> describe();

}
