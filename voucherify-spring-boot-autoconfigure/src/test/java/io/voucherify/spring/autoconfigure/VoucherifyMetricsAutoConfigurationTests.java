package io.voucherify.spring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.MetricsAutoConfiguration;
import org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link VoucherifyMetricsAutoConfiguration}: the rate-limit gauges in Boot's
 * meter registry, fed by the headers of Voucherify's responses.
 */
class VoucherifyMetricsAutoConfigurationTests {

	private static final String REMAINING = "voucherify.client.rate.limit.remaining";

	private static final String LIMIT = "voucherify.client.rate.limit.limit";

	private static final String BINDER_BEAN_NAME = "voucherifyRateLimitMeterBinder";

	private static final String VOUCHER_PATH = "/v1/vouchers/GIFT-1";

	/**
	 * Plain-text HTTP/2 is off, as in the other WireMock tests (wiremock/wiremock#2637).
	 */
	@RegisterExtension
	static WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner clientRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				VoucherifyAutoConfiguration.class, VoucherifyMetricsAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=test-app-id", "voucherify.secret-key=test-secret-key-0e77c2",
				"voucherify.base-url=" + wireMock.baseUrl());

	private final ApplicationContextRunner contextRunner = this.clientRunner
		.withConfiguration(AutoConfigurations.of(MetricsAutoConfiguration.class,
				CompositeMeterRegistryAutoConfiguration.class, SimpleMetricsExportAutoConfiguration.class));

	@Test
	void gaugesAreNaNBeforeAnyCall() {
		this.contextRunner.run((context) -> {
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(REMAINING).gauge().value()).isNaN();
			assertThat(registry.get(LIMIT).gauge().value()).isNaN();
		});
	}

	@Test
	void gaugesShowRateLimitHeadersOfLastResponse() {
		wireMock.stubFor(get(urlEqualTo(VOUCHER_PATH))
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json")).withHeader("X-Rate-Limit-Limit", "100")
				.withHeader("X-Rate-Limit-Remaining", "42")));
		this.contextRunner.run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(REMAINING).gauge().value()).isEqualTo(42.0);
			assertThat(registry.get(LIMIT).gauge().value()).isEqualTo(100.0);
		});
	}

	@Test
	void errorResponseWithRateLimitHeadersUpdatesGauges() {
		wireMock.stubFor(get(urlEqualTo(VOUCHER_PATH)).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Rate-Limit-Limit", "100")
			.withHeader("X-Rate-Limit-Remaining", "41")
			.withBody(Examples.read("error-404-voucher-not-found.json"))));
		this.contextRunner.run((context) -> {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			assertThatExceptionOfType(VoucherifyNotFoundException.class)
				.isThrownBy(() -> vouchers.getVoucher("GIFT-1"));
			assertThat(context.getBean(MeterRegistry.class).get(REMAINING).gauge().value()).isEqualTo(41.0);
		});
	}

	@Test
	void responseWithoutRateLimitHeadersKeepsLastValues() {
		wireMock.stubFor(get(urlEqualTo(VOUCHER_PATH))
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json")).withHeader("X-Rate-Limit-Limit", "100")
				.withHeader("X-Rate-Limit-Remaining", "42")));
		wireMock.stubFor(get(urlEqualTo("/v1/vouchers/GIFT-2"))
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.contextRunner.run((context) -> {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			vouchers.getVoucher("GIFT-1");
			vouchers.getVoucher("GIFT-2");
			MeterRegistry registry = context.getBean(MeterRegistry.class);
			assertThat(registry.get(REMAINING).gauge().value()).isEqualTo(42.0);
			assertThat(registry.get(LIMIT).gauge().value()).isEqualTo(100.0);
		});
	}

	@Test
	void noGaugeBinderWithoutMicrometer() {
		this.clientRunner.withClassLoader(new FilteredClassLoader(MeterBinder.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BINDER_BEAN_NAME);
			assertThat(context).hasSingleBean(VouchersOperations.class);
		});
	}

	@Test
	void noGaugeBinderWhenVoucherifyIsDisabled() {
		this.contextRunner.withPropertyValues("voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BINDER_BEAN_NAME);
			assertThat(context.getBean(MeterRegistry.class).find(REMAINING).gauge()).isNull();
		});
	}

}
