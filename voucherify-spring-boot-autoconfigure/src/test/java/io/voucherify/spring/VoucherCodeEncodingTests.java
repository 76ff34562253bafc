package io.voucherify.spring;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.TransactionsQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Voucher codes and session keys reach the server exactly: one strictly encoded path
 * segment, never case-folded, and the URI template stays the metric's {@code uri} tag.
 */
class VoucherCodeEncodingTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl()).build();

	@AfterEach
	void requestsConformToTheContract() {
		OpenApiContract.assertConforms(wireMock.findAll(anyRequestedFor(anyUrl())));
	}

	@ParameterizedTest(name = "[{index}] {0} is sent as {1}")
	@CsvSource(delimiter = '|', textBlock = """
			A/B       | A%2FB
			50%OFF    | 50%25OFF
			#1        | %231
			a?b       | a%3Fb
			a+b       | a%2Bb
			a b       | a%20b
			zł-€      | z%C5%82-%E2%82%AC
			..        | %2E%2E
			.         | %2E
			a..b      | a..b
			MiXeD-Case| MiXeD-Case
			a&b=c;d   | a%26b%3Dc%3Bd
			""")
	void sendsTheCodeAsOneStrictlyEncodedSegment(String code, String encoded) {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));

		this.vouchers.getVoucher(code);

		String url = wireMock.findAll(anyRequestedFor(anyUrl())).get(0).getUrl();
		assertThat(url).isEqualTo("/v1/vouchers/" + encoded);
		assertThat(URLDecoder.decode(encoded.replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(code);
	}

	@ParameterizedTest
	@ValueSource(strings = { "A/B", "50%OFF", "#1", "a?b", "a+b", "a b", "zł-€", ".." })
	void keepsTheRestOfTheUrlForEveryOperation(String code) {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		String segment = PathSegment.encode(code, "code");

		this.vouchers.getVoucher(code);
		this.vouchers.enableVoucher(code);
		this.vouchers.disableVoucher(code);
		this.vouchers.deleteVoucher(code, true);
		this.vouchers.updateVoucherBalance(code, BalanceUpdateRequest.add(1));
		this.vouchers.listVoucherTransactions(code, TransactionsQuery.after(code));
		this.vouchers.exportVoucherTransactions(code);
		this.vouchers.releaseValidationSession(code, code);

		String voucher = "/v1/vouchers/" + segment;
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).extracting((request) -> request.getUrl())
			.containsExactly(voucher, voucher + "/enable", voucher + "/disable", voucher + "?force=true",
					voucher + "/balance",
					voucher + "/transactions?starting_after_id=" + PathSegment.encodeQueryValue(code),
					voucher + "/transactions/export", voucher + "/sessions/" + segment);
	}

	@Test
	void encodesCodesInBodyOperationsToo() {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
			.willReturn(okJson(Examples.read("update-balance-200-gift-card.json"))));

		this.vouchers.updateVoucherBalance("gift/50%", BalanceUpdateRequest.add(100));

		assertThat(wireMock.findAll(anyRequestedFor(anyUrl())).get(0).getUrl())
			.isEqualTo("/v1/vouchers/gift%2F50%25/balance");
	}

	@Test
	void keepsTheUriTemplateForHttpClientMetrics() {
		wireMock.stubFor(com.github.tomakehurst.wiremock.client.WireMock.any(anyUrl())
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		List<ClientRequestObservationContext> contexts = new CopyOnWriteArrayList<>();
		ObservationRegistry registry = ObservationRegistry.create();
		registry.observationConfig().observationHandler(new ObservationHandler<ClientRequestObservationContext>() {

			@Override
			public void onStop(ClientRequestObservationContext context) {
				contexts.add(context);
			}

			@Override
			public boolean supportsContext(Observation.Context context) {
				return context instanceof ClientRequestObservationContext;
			}

		});
		VouchersTemplate observed = TestClients.builder(wireMock.baseUrl())
			.restClientBuilder(RestClient.builder()
				.requestFactory(new JdkClientHttpRequestFactory())
				.observationRegistry(registry))
			.build();

		observed.getVoucher("SECRET-GIFT-CODE");

		assertThat(contexts).singleElement().satisfies((context) -> {
			assertThat(context.getLowCardinalityKeyValue("uri").getValue()).isEqualTo("/v1/vouchers/{code}");
			assertThat(context.getHighCardinalityKeyValue("http.url").getValue())
				.isEqualTo(wireMock.baseUrl() + "/v1/vouchers/{code}");
			assertThat(context.getHighCardinalityKeyValues()).isNotEmpty()
				.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain("SECRET-GIFT-CODE"));
			assertThat(context.getLowCardinalityKeyValues())
				.allSatisfy((keyValue) -> assertThat(keyValue.getValue()).doesNotContain("SECRET-GIFT-CODE"));
		});
	}

}
