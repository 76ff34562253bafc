package io.voucherify.spring.readme;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's second client: both clients built from the auto-configured builder, each
 * with its own credentials.
 */
class SecondClientTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	@Test
	void eachClientCallsWithItsOwnProject() {
		wireMock
			.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					VoucherifyAutoConfiguration.class))
			.withUserConfiguration(SecondClientConfiguration.class)
			.withPropertyValues("voucherify.app-id=eu-app", "voucherify.secret-key=eu-key",
					"voucherify.base-url=" + wireMock.baseUrl(), "us.voucherify.app-id=us-app",
					"us.voucherify.secret-key=us-key", "us.voucherify.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).getBeans(VouchersTemplate.class).hasSize(2);
				context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
				context.getBean("usVouchers", VouchersOperations.class).getVoucher("GIFT-1");

				wireMock
					.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-App-Id", equalTo("eu-app"))
						.withHeader("X-App-Token", equalTo("eu-key")));
				wireMock
					.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-App-Id", equalTo("us-app"))
						.withHeader("X-App-Token", equalTo("us-key")));
			});
	}

}
