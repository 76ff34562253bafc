package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersTemplate;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code voucherify.retry.*} configures the client's retries, with safe defaults.
 */
class VoucherifyRetryPropertiesTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret");

	@Test
	void retriesAreOnByDefaultWithTheDefaultSettings() {
		this.contextRunner.run((context) -> assertThat(retrySettings(context.getBean(VouchersTemplate.class)))
			.isEqualTo(VoucherifyRetrySettings.defaults()));
	}

	@Test
	void propertiesOverrideEverySetting() {
		this.contextRunner
			.withPropertyValues("voucherify.retry.max-attempts=5", "voucherify.retry.initial-delay=50ms",
					"voucherify.retry.multiplier=3", "voucherify.retry.max-delay=1s", "voucherify.retry.jitter=0ms",
					"voucherify.retry.max-total-time=4s", "voucherify.retry.max-rate-limit-wait=30s")
			.run((context) -> assertThat(retrySettings(context.getBean(VouchersTemplate.class)))
				.isEqualTo(new VoucherifyRetrySettings(true, 5, Duration.ofMillis(50), 3.0, Duration.ofSeconds(1),
						Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(30))));
	}

	@Test
	void retriesCanBeSwitchedOff() {
		this.contextRunner.withPropertyValues("voucherify.retry.enabled=false")
			.run((context) -> assertThat(retrySettings(context.getBean(VouchersTemplate.class)).enabled()).isFalse());
	}

	@Test
	void invalidSettingsFailStartUpNamingTheProperties() {
		this.contextRunner.withPropertyValues("voucherify.retry.max-attempts=0").run((context) -> {
			assertThat(context).hasFailed();
			assertThat(new InvalidVoucherifyPropertyFailureAnalyzer().analyze(context.getStartupFailure()))
				.satisfies((analysis) -> {
					assertThat(analysis.getDescription()).contains("voucherify.retry", "maxAttempts");
					assertThat(analysis.getAction()).contains("voucherify.retry.*");
				});
		});
	}

	private static VoucherifyRetrySettings retrySettings(VouchersTemplate template) {
		// The settings live with what makes the calls, which the first call builds.
		Object calls = ReflectionTestUtils.invokeMethod(template, "calls");
		return (VoucherifyRetrySettings) ReflectionTestUtils.getField(calls, "retrySettings");
	}

}
