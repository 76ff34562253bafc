package io.voucherify.spring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.common.KeyValues;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.observation.DefaultVoucherifyObservationConvention;
import io.voucherify.spring.observation.VoucherifyObservationContext;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Observations wired the Boot way: a {@code voucherify.client.requests} timer per
 * operation beside Boot's own {@code http.client.requests}, a convention bean to rename
 * it, and a no-op registry without actuator.
 */
class VoucherifyObservationAutoConfigurationTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret");

	private final ApplicationContextRunner metricsContextRunner = this.contextRunner
		.withConfiguration(AutoConfigurations.of(ObservationAutoConfiguration.class, MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class,
				RestClientObservationAutoConfiguration.class));

	@Test
	void recordsATimerPerOperationBesideHttpClientRequests() {
		wireMock.stubFor(
				get("/v1/vouchers/GIFT-SECRET-1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.metricsContextRunner.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl()).run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-SECRET-1");

			MeterRegistry meters = context.getBean(MeterRegistry.class);
			Timer timer = meters.get("voucherify.client.requests")
				.tag("operation", "get_voucher")
				.tag("outcome", "SUCCESS")
				.tag("status", "200")
				.tag("error.key", "none")
				.tag("exception", "none")
				.timer();
			assertThat(timer.count()).isEqualTo(1);
			Timer httpTimer = meters.get("http.client.requests").tag("uri", "/v1/vouchers/{code}").timer();
			assertThat(httpTimer.count()).isEqualTo(1);
			assertThat(meters.getMeters()).allSatisfy((meter) -> assertThat(meter.getId().getTags())
				.allSatisfy((tag) -> assertThat(tag.getValue()).doesNotContain("GIFT-SECRET-1")));
		});
	}

	@Test
	void countsEachRetryTaggedWithTheFailedAttemptsStatus() {
		wireMock.stubFor(get("/v1/vouchers/V1").inScenario("retry")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("ok"));
		wireMock.stubFor(get("/v1/vouchers/V1").inScenario("retry")
			.whenScenarioStateIs("ok")
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.metricsContextRunner
			.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl(), "voucherify.retry.initial-delay=10ms")
			.run((context) -> {
				context.getBean(VouchersOperations.class).getVoucher("V1");

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.get("voucherify.client.requests.retry")
					.tag("operation", "get_voucher")
					.tag("status", "503")
					.counter()
					.count()).isEqualTo(1);
				assertThat(meters.get("voucherify.client.requests")
					.tag("operation", "get_voucher")
					.tag("status", "200")
					.tag("outcome", "SUCCESS")
					.timer()
					.count()).isEqualTo(1);
			});
	}

	@Test
	void aConventionBeanRenamesTheObservation() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.metricsContextRunner.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl())
			.withUserConfiguration(RenamingConventionConfiguration.class)
			.run((context) -> {
				context.getBean(VouchersOperations.class).getVoucher("V1");

				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThat(meters.find("shop.vouchers").tag("region", "eu").timer()).isNotNull();
				assertThat(meters.find("voucherify.client.requests").timer()).isNull();
			});
	}

	@Test
	void runsOnANoOpRegistryWithoutActuator() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.contextRunner.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl()).run((context) -> {
			assertThat(context).doesNotHaveBean(io.micrometer.observation.ObservationRegistry.class);

			assertThat(context.getBean(VouchersOperations.class).getVoucher("V1").code()).isNotBlank();
		});
	}

	@Configuration(proxyBeanMethods = false)
	static class RenamingConventionConfiguration {

		@Bean
		VoucherifyObservationConvention shopConvention() {
			return new DefaultVoucherifyObservationConvention() {

				@Override
				public String getName() {
					return "shop.vouchers";
				}

				@Override
				public KeyValues getLowCardinalityKeyValues(VoucherifyObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("region", "eu");
				}

			};
		}

	}

}
