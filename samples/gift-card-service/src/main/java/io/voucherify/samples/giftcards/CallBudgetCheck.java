package io.voucherify.samples.giftcards;

import io.voucherify.spring.VoucherifyCallBudget;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Refuses to start when {@code voucherify.rate-limit.enabled} and the call budget
 * disagree, rather than run without the budget that was asked for, or with one that was
 * switched off. That happens only in AOT mode: the budget's beans are chosen by a
 * condition on that property, and AOT processing evaluates conditions when the jar is
 * built. The jar processed without the budget (the build's default) cannot run the
 * {@code fleet} profile in AOT mode, and one processed with it cannot drop the budget.
 */
@Component
class CallBudgetCheck implements SmartInitializingSingleton {

	static final String ENABLED = "voucherify.rate-limit.enabled";

	private final Environment environment;

	private final ObjectProvider<VoucherifyCallBudget> budget;

	CallBudgetCheck(Environment environment, ObjectProvider<VoucherifyCallBudget> budget) {
		this.environment = environment;
		this.budget = budget;
	}

	@Override
	public void afterSingletonsInstantiated() {
		boolean enabled = this.environment.getProperty(ENABLED, Boolean.class, false);
		boolean present = this.budget.getIfAvailable() != null;
		boolean aot = AotDetector.useGeneratedArtifacts();
		if (enabled && !present) {
			throw new IllegalStateException(ENABLED + " is true, but the application has no call budget"
					+ (aot ? ": it runs in AOT mode, processed without the budget. Build it with the budget enabled "
							+ "(./mvnw package -Dspring-boot.aot.jvmArguments=-Dspring.profiles.active=fleet), or "
							+ "start it without -Dspring.aot.enabled=true" : ""));
		}
		// Only in AOT mode: an application of yours may declare a budget of its own.
		if (!enabled && present && aot) {
			throw new IllegalStateException(ENABLED + " is false, but the application has a call budget: it runs in "
					+ "AOT mode, processed with the budget enabled. Build it without the budget, or start it without "
					+ "-Dspring.aot.enabled=true");
		}
	}

}
