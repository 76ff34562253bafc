package io.voucherify.spring.autoconfigure;

import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.BalanceType;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.http.converter.autoconfigure.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.jackson.autoconfigure.JacksonAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.core.io.ByteArrayResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The auto-configured client works whatever the application's Jackson settings are: here
 * a strict mapper ({@code FAIL_ON_UNKNOWN_PROPERTIES},
 * {@code FAIL_ON_MISSING_CREATOR_PROPERTIES}, {@code FAIL_ON_NULL_CREATOR_PROPERTIES}, no
 * {@code ACCEPT_FLOAT_AS_INT}) with an {@code UpperCamelCase} naming strategy.
 */
class VoucherifyJacksonSettingsTests {

	/**
	 * Plain-text HTTP/2 is off: the JDK client's h2c upgrade of a request with a body
	 * intermittently breaks WireMock's connection (wiremock/wiremock#2637).
	 */
	@RegisterExtension
	static WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(
				AutoConfigurations.of(JacksonAutoConfiguration.class, HttpMessageConvertersAutoConfiguration.class,
						HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
						RestClientAutoConfiguration.class, VoucherifyAutoConfiguration.class))
		.withPropertyValues("spring.jackson.deserialization.fail-on-unknown-properties=true",
				"spring.jackson.deserialization.fail-on-missing-creator-properties=true",
				"spring.jackson.deserialization.fail-on-null-creator-properties=true",
				"spring.jackson.deserialization.accept-float-as-int=false",
				"spring.jackson.property-naming-strategy=UPPER_CAMEL_CASE", "voucherify.app-id=test-app-id",
				"voucherify.secret-key=test-secret-key", "voucherify.base-url=" + wireMock.baseUrl());

	@Test
	void applicationJsonMapperIsStrictAndRenamesProperties() {
		this.contextRunner.run((context) -> {
			JsonMapper jsonMapper = context.getBean(JsonMapper.class);
			assertThat(jsonMapper.isEnabled(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)).isTrue();
			assertThat(jsonMapper.isEnabled(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)).isTrue();
			assertThat(jsonMapper.isEnabled(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)).isTrue();
			assertThat(jsonMapper.isEnabled(DeserializationFeature.ACCEPT_FLOAT_AS_INT)).isFalse();
			assertThat(jsonMapper.deserializationConfig().getPropertyNamingStrategy())
				.isSameAs(PropertyNamingStrategies.UPPER_CAMEL_CASE);
		});
	}

	@Test
	void theApplicationsOtherConvertersStayForTheCsvUpload() {
		wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("import-csv-202.json"))));
		this.contextRunner.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl()).run((context) -> {
			AsyncAction action = context.getBean(VouchersOperations.class)
				.importVouchersUsingCsv(new ByteArrayResource("Code\nGIFT-1\n".getBytes(StandardCharsets.UTF_8)) {

					@Override
					public String getFilename() {
						return "vouchers.csv";
					}

				});
			assertThat(action.asyncActionId()).isEqualTo("aa_0a875d56c805df6601");
			wireMock.verify(postRequestedFor(urlEqualTo("/v1/vouchers/importCSV")).withHeader("Content-Type",
					containing("multipart/form-data")));
		});
	}

	@Test
	void readsEveryVoucherExampleDespiteStrictCreatorSettings() {
		this.contextRunner.run((context) -> {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			for (String example : List.of("get-voucher-200-gift-card.json", "get-voucher-200-discount-amount.json",
					"get-voucher-200-discount-percent.json", "get-voucher-200-loyalty-card.json")) {
				wireMock.stubFor(get("/v1/vouchers/EXAMPLE").willReturn(okJson(Examples.read(example))));
				assertThat(vouchers.getVoucher("EXAMPLE").type()).as(example).isNotNull();
			}
		});
	}

	@Test
	void readsABalanceWithoutOperationTypeDespiteStrictCreatorSettings() {
		wireMock.stubFor(post("/v1/vouchers/GIFT-1/balance")
			.willReturn(okJson(Examples.read("update-balance-200-gift-card.json"))));
		this.contextRunner.run((context) -> assertThat(context.getBean(VouchersOperations.class)
			.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(10000))
			.operationType()).isNull());
	}

	@Test
	void readsAFractionalAmountDespiteAcceptFloatAsIntOff() {
		wireMock.stubFor(post("/v1/vouchers/GIFT-1/balance")
			.willReturn(okJson("{\"amount\": 10000.0, \"total\": 20100, \"balance\": 20100.0}")));
		this.contextRunner.run((context) -> assertThat(context.getBean(VouchersOperations.class)
			.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(10000))
			.amount()).isEqualTo(10000L));
	}

	@Test
	void readsVoucherWithUnknownFieldsDespiteStrictMapper() {
		String body = Examples.read("get-voucher-200-gift-card.json")
			.replaceFirst("\\{", "{\"field_added_in_a_later_api_version\": {\"nested\": [1, 2]},")
			.replace("\"gift\": {", "\"gift\": {\"another_new_field\": true,");
		wireMock.stubFor(get("/v1/vouchers/GIFT-CARD-xwc6X7Tk").willReturn(okJson(body)));
		this.contextRunner.run((context) -> {
			Voucher voucher = context.getBean(VouchersOperations.class).getVoucher("GIFT-CARD-xwc6X7Tk");
			assertThat(voucher.code()).isEqualTo("GIFT-CARD-xwc6X7Tk");
			assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
			assertThat(voucher.campaignId()).isEqualTo("camp_kdxp3vf1clQ9CFs1jpqv3tZe");
			assertThat(voucher.gift()).isNotNull();
			assertThat(voucher.gift().amount()).isEqualTo(55000L);
			assertThat(voucher.gift().balance()).isEqualTo(44700L);
		});
	}

	@Test
	void updatesBalanceWithSnakeCaseJsonDespiteNamingStrategy() {
		wireMock.stubFor(post("/v1/vouchers/GIFT-1/balance")
			.willReturn(okJson(Examples.read("update-balance-200-gift-card.json"))));
		this.contextRunner.run((context) -> {
			BalanceUpdateResponse response = context.getBean(VouchersOperations.class)
				.updateVoucherBalance("GIFT-1",
						BalanceUpdateRequest.add(10000).withSourceId("order-42").withReason("Refund"));
			assertThat(response.amount()).isEqualTo(10000L);
			assertThat(response.balance()).isEqualTo(20100L);
			assertThat(response.type()).isEqualTo(BalanceType.GIFT_VOUCHER);
			assertThat(response.relatedObject()).isNotNull();
			assertThat(response.relatedObject().id()).isEqualTo("v_abCdEfghI1JKLMNPqRS2Tu3vWXyza4bc");
			wireMock.verify(postRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1/balance")).withRequestBody(
					equalToJson("{\"amount\": 10000, \"source_id\": \"order-42\", \"reason\": \"Refund\"}")));
		});
	}

}
