package io.voucherify.samples.giftcards;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyRateLimitAutoConfiguration;
import org.junit.jupiter.api.Test;

import org.springframework.aot.AotDetector;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.SpringProperties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service refuses to run without the call budget it was asked for, as an
 * AOT-processed jar built without the budget would, or in AOT mode with a budget that was
 * switched off.
 */
class CallBudgetCheckTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withUserConfiguration(CallBudgetCheck.class)
		.withPropertyValues("voucherify.app-id=my-app", "voucherify.secret-key=my-key");

	@Test
	void theBudgetEnabledWithoutItsBeansFailsTheStartup() {
		// Only the client's auto-configuration: the budget's was left out, as AOT
		// processing without voucherify.rate-limit.enabled leaves it out.
		this.contextRunner.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class))
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=50")
			.run((context) -> assertThat(context).getFailure()
				.hasMessageContaining("voucherify.rate-limit.enabled is true, but the application has no call budget"));
	}

	@Test
	void theBudgetEnabledWithItsBeansStarts() {
		this.contextRunner
			.withConfiguration(AutoConfigurations.of(VoucherifyRateLimitAutoConfiguration.class,
					VoucherifyAutoConfiguration.class))
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=50")
			.run((context) -> assertThat(context).hasNotFailed().hasSingleBean(VoucherifyCallBudget.class));
	}

	@Test
	void inAotModeABudgetSwitchedOffFailsTheStartup() {
		// A budget bean without the property: as in a jar processed with the budget
		// enabled and run with it off.
		SpringProperties.setProperty(AotDetector.AOT_ENABLED, "true");
		try {
			this.contextRunner.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class))
				.withBean(VoucherifyCallBudget.class, () -> VoucherifyCallBudget.UNLIMITED)
				.run((context) -> assertThat(context).getFailure()
					.hasMessageContaining("voucherify.rate-limit.enabled is false, but the application has a call "
							+ "budget: it runs in AOT mode, processed with the budget enabled"));
		}
		finally {
			SpringProperties.setProperty(AotDetector.AOT_ENABLED, null);
		}
	}

	@Test
	void outsideAotModeABudgetOfTheApplicationsOwnStarts() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class))
			.withBean(VoucherifyCallBudget.class, () -> VoucherifyCallBudget.UNLIMITED)
			.run((context) -> assertThat(context).hasNotFailed());
	}

	@Test
	void theBudgetOffStarts() {
		this.contextRunner.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class))
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VoucherifyCallBudget.class));
	}

}
