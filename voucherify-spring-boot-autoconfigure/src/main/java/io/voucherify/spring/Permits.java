package io.voucherify.spring;

import java.time.Duration;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;

/**
 * Takes the permits of a {@link VoucherifyCallBudget}, each wait observed as
 * {@code voucherify.client.permits}, tagged with the operation and its outcome
 * ({@code granted}, {@code denied}, or {@code failed} if the budget threw something
 * else). Without a budget nothing is taken or observed.
 */
final class Permits {

	static final String OBSERVATION = "voucherify.client.permits";

	private final VoucherifyCallBudget budget;

	private final ObservationRegistry observationRegistry;

	Permits(VoucherifyCallBudget budget, ObservationRegistry observationRegistry) {
		this.budget = budget;
		this.observationRegistry = observationRegistry;
	}

	VoucherifyCallBudget budget() {
		return this.budget;
	}

	/**
	 * Take a permit for one attempt.
	 * @param timeLeft the call's time left, which the wait never outlasts
	 * @throws VoucherifyCallBudgetException if none came in time
	 */
	void take(VoucherifyOperation operation, Duration timeLeft) {
		if (this.budget == VoucherifyCallBudget.UNLIMITED) {
			return;
		}
		Observation observation = Observation.createNotStarted(OBSERVATION, this.observationRegistry)
			.contextualName("voucherify permit")
			.lowCardinalityKeyValue("operation", operation.sdkName())
			.start();
		try {
			this.budget.acquire(operation, timeLeft);
			observation.lowCardinalityKeyValue("outcome", "granted");
		}
		catch (VoucherifyCallBudgetException ex) {
			observation.lowCardinalityKeyValue("outcome", "denied");
			throw ex;
		}
		catch (RuntimeException ex) {
			observation.lowCardinalityKeyValue("outcome", "failed");
			observation.error(ex);
			throw ex;
		}
		finally {
			observation.stop();
		}
	}

}
