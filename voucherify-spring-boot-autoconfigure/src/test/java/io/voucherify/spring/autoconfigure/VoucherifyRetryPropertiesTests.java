package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code voucherify.retry.*} configures the client's retries, with safe defaults.
 */
class VoucherifyRetryPropertiesTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret");

	@Test
	void retriesAreOnByDefaultWithTheDefaultSettings() {
		this.contextRunner.run((context) -> assertThat(retrySettings(context.getBean(VoucherifyProperties.class)))
			.isEqualTo(VoucherifyRetrySettings.defaults()));
	}

	@Test
	void propertiesOverrideEverySetting() {
		this.contextRunner
			.withPropertyValues("voucherify.retry.max-attempts=5", "voucherify.retry.initial-delay=50ms",
					"voucherify.retry.multiplier=3", "voucherify.retry.max-delay=1s", "voucherify.retry.jitter=0ms",
					"voucherify.retry.max-total-time=4s", "voucherify.retry.max-rate-limit-wait=30s")
			.run((context) -> assertThat(retrySettings(context.getBean(VoucherifyProperties.class)))
				.isEqualTo(new VoucherifyRetrySettings(true, 5, Duration.ofMillis(50), 3.0, Duration.ofSeconds(1),
						Duration.ZERO, Duration.ofSeconds(4), Duration.ofSeconds(30))));
	}

	@Test
	void retriesCanBeSwitchedOffKeepingTheTotalTime() {
		this.contextRunner.withPropertyValues("voucherify.retry.enabled=false", "voucherify.retry.max-total-time=4s")
			.run((context) -> assertThat(retrySettings(context.getBean(VoucherifyProperties.class)))
				.satisfies((settings) -> {
					assertThat(settings.enabled()).isFalse();
					assertThat(settings.maxTotalTime()).isEqualTo(Duration.ofSeconds(4));
				}));
	}

	@Test
	void theAutoConfiguredClientRetriesAsConfigured() {
		wireMock.stubFor(get("/v1/vouchers/GIFT-1").willReturn(aResponse().withStatus(503)));
		this.contextRunner
			.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl(), "voucherify.retry.max-attempts=4",
					"voucherify.retry.initial-delay=1ms", "voucherify.retry.jitter=0ms")
			.run((context) -> {
				assertThatExceptionOfType(VoucherifyServerException.class)
					.isThrownBy(() -> context.getBean(VouchersOperations.class).getVoucher("GIFT-1"));
				wireMock.verify(4, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")));
			});
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

	private static VoucherifyRetrySettings retrySettings(VoucherifyProperties properties) {
		return VouchersTemplateBuilderConfigurer.retrySettings(properties.getRetry());
	}

}
