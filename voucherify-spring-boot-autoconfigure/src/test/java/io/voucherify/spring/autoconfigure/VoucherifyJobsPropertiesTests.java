package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VoucherifyJobSettings;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.AsyncActionStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code voucherify.jobs.*} configures how waits for background jobs poll, with defaults
 * that spare the rate limit.
 */
class VoucherifyJobsPropertiesTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret");

	@Test
	void theDefaultsPollAfterOneSecondThenEveryTwoSecondsDoublingUpToThirty() {
		this.contextRunner.run((context) -> assertThat(jobSettings(context.getBean(VoucherifyProperties.class)))
			.isEqualTo(VoucherifyJobSettings.defaults())
			.isEqualTo(new VoucherifyJobSettings(Duration.ofSeconds(1), Duration.ofSeconds(2), 2.0,
					Duration.ofSeconds(30))));
	}

	@Test
	void propertiesOverrideEverySetting() {
		this.contextRunner
			.withPropertyValues("voucherify.jobs.first-poll-delay=0s", "voucherify.jobs.poll-interval=500ms",
					"voucherify.jobs.poll-multiplier=1.5", "voucherify.jobs.max-poll-interval=1m")
			.run((context) -> assertThat(jobSettings(context.getBean(VoucherifyProperties.class))).isEqualTo(
					new VoucherifyJobSettings(Duration.ZERO, Duration.ofMillis(500), 1.5, Duration.ofMinutes(1))));
	}

	@Test
	void theAutoConfiguredClientPollsAsConfigured() {
		wireMock.stubFor(get("/v1/async-actions/aa_0c555db3d697b643e1")
			.willReturn(okJson(Examples.read("get-async-action-200-import-csv-done.json"))));
		this.contextRunner
			.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl(), "voucherify.jobs.first-poll-delay=0s")
			.run((context) -> {
				long start = System.nanoTime();

				assertThat(context.getBean(VouchersOperations.class)
					.awaitAsyncAction("aa_0c555db3d697b643e1", Duration.ofSeconds(10))
					.status()).isEqualTo(AsyncActionStatus.DONE);

				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
				wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/async-actions/aa_0c555db3d697b643e1")));
			});
	}

	@Test
	void invalidSettingsFailStartUpNamingTheProperties() {
		this.contextRunner
			.withPropertyValues("voucherify.jobs.poll-interval=10s", "voucherify.jobs.max-poll-interval=5s")
			.run((context) -> {
				assertThat(context).hasFailed();
				assertThat(new InvalidVoucherifyPropertyFailureAnalyzer().analyze(context.getStartupFailure()))
					.satisfies((analysis) -> {
						assertThat(analysis.getDescription()).contains("voucherify.jobs", "maxPollInterval");
						assertThat(analysis.getAction()).contains("voucherify.jobs.*");
					});
			});
	}

	private static VoucherifyJobSettings jobSettings(VoucherifyProperties properties) {
		return VouchersTemplateBuilderConfigurer.jobSettings(properties.getJobs());
	}

}
