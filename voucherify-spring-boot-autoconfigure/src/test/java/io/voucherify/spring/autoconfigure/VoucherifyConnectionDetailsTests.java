package io.voucherify.spring.autoconfigure;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Connection details come from properties, unless a {@link VoucherifyConnectionDetails}
 * bean (an emulator's, say) supplies them.
 */
class VoucherifyConnectionDetailsTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class, RestClientAutoConfiguration.class));

	@Test
	void propertiesSupplyTheConnectionDetailsByDefault() {
		this.contextRunner
			.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret",
					"voucherify.base-url=https://us1.api.voucherify.io")
			.run((context) -> assertThat(context.getBean(VoucherifyConnectionDetails.class)).satisfies((details) -> {
				assertThat(details).isInstanceOf(PropertiesVoucherifyConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo("https://us1.api.voucherify.io");
				assertThat(details.getAppId()).isEqualTo("app");
				assertThat(details.toString()).doesNotContain("secret");
			}));
	}

	@Test
	void aConnectionDetailsBeanTakesPrecedenceAndNeedsNoProperties() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		this.contextRunner.withPropertyValues("voucherify.base-url=https://ignored.example")
			.withBean(VoucherifyConnectionDetails.class, () -> new VoucherifyConnectionDetails() {

				@Override
				public String getBaseUrl() {
					return wireMock.baseUrl();
				}

				@Override
				public String getAppId() {
					return "emulator-app";
				}

				@Override
				public String getSecretKey() {
					return "emulator-secret";
				}

			})
			.run((context) -> {
				assertThat(context.getBean(VouchersOperations.class).getVoucher("V1").code()).isNotBlank();
				wireMock.verify(
						getRequestedFor(urlEqualTo("/v1/vouchers/V1")).withHeader("X-App-Id", equalTo("emulator-app"))
							.withHeader("X-App-Token", equalTo("emulator-secret")));
			});
	}

}
