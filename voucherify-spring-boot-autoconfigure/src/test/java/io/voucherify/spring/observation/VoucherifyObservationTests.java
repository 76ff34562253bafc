package io.voucherify.spring.observation;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Each call of {@link VouchersOperations} is one {@code voucherify.client.requests}
 * observation with bounded, code-free key values.
 */
class VoucherifyObservationTests {

	private static final String CODE = "GIFT-SECRET-7f3a";

	private static final String SESSION = "ssn_SECRET_91bc";

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final TestObservationRegistry registry = TestObservationRegistry.create();

	private VouchersTemplate vouchers;

	@BeforeEach
	void createTemplate() {
		this.vouchers = TestClients.builder(wireMock.baseUrl()).observationRegistry(this.registry).build();
	}

	static Stream<Arguments> operations() {
		return Stream.of(operation("get_voucher", "get-voucher-200-gift-card.json", 200, (v) -> v.getVoucher(CODE)),
				operation("enable_voucher", "enable-voucher-200.json", 200, (v) -> v.enableVoucher(CODE)),
				operation("disable_voucher", "disable-voucher-200.json", 200, (v) -> v.disableVoucher(CODE)),
				operation("delete_voucher", null, 204, (v) -> v.deleteVoucher(CODE, true)),
				operation("update_voucher_balance", "update-balance-200-gift-card.json", 200,
						(v) -> v.updateVoucherBalance(CODE, BalanceUpdateRequest.add(100))),
				operation("list_voucher_transactions", "list-transactions-200.json", 200,
						(v) -> v.listVoucherTransactions(CODE)),
				operation("export_voucher_transactions", "export-transactions-200.json", 200,
						(v) -> v.exportVoucherTransactions(CODE)),
				operation("import_vouchers_using_csv", "import-csv-202.json", 202,
						(v) -> v.importVouchersUsingCsv(
								new ByteArrayResource("Code\nA\n".getBytes(StandardCharsets.UTF_8)))),
				operation("release_validation_session", null, 204, (v) -> v.releaseValidationSession(CODE, SESSION)),
				operation("get_async_action", "get-async-action-200-import-csv-done.json", 200,
						(v) -> v.getAsyncAction("aa_0c555db3d697b643e1")),
				operation("get_export", "get-export-200-scheduled.json", 200,
						(v) -> v.getExport("exp_ARi2UbRjgfrHQJoVcKFrBUgA")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void successIsOneObservationNamedForTheOperation(String operation, String example, int status,
			Consumer<VouchersOperations> call) {
		wireMock.stubFor(any(anyUrl()).willReturn(response(status, example)));

		call.accept(this.vouchers);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("voucherify.client.requests", 1)
			.hasObservationWithNameEqualTo("voucherify.client.requests")
			.that()
			.hasContextualNameEqualTo("voucherify " + operation)
			.hasLowCardinalityKeyValue("operation", operation)
			.hasLowCardinalityKeyValue("outcome", "SUCCESS")
			.hasLowCardinalityKeyValue("status", Integer.toString(status))
			.hasLowCardinalityKeyValue("error.key", "none")
			.hasLowCardinalityKeyValue("exception", "none")
			.hasBeenStarted()
			.hasBeenStopped();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operations")
	void noKeyValueNameOrEventCarriesTheCodeOrSessionKey(String operation, String example, int status,
			Consumer<VouchersOperations> call) {
		wireMock.stubFor(any(anyUrl()).willReturn(response(status, example)));

		call.accept(this.vouchers);

		assertThat(this.registry).hasHandledContextsThatSatisfy((contexts) -> {
			assertThat(contexts).isNotEmpty();
			for (Observation.Context context : contexts) {
				assertThat(context.getName()).doesNotContain(CODE, SESSION);
				assertThat(context.getContextualName()).doesNotContain(CODE, SESSION);
				for (KeyValue keyValue : context.getAllKeyValues()) {
					assertThat(keyValue.getValue()).doesNotContain(CODE).doesNotContain(SESSION);
				}
			}
		});
	}

	@ParameterizedTest(name = "{0} {1}")
	@CsvSource({
			"400, error-400-import-csv-missing-file.json, CLIENT_ERROR, invalid_payload, VoucherifyBadRequestException",
			"401, error-401-unauthorized.json, CLIENT_ERROR, unauthorized, VoucherifyAuthenticationException",
			"404, error-404-voucher-not-found.json, CLIENT_ERROR, not_found, VoucherifyNotFoundException",
			"429, error-429-rate-limited.json, CLIENT_ERROR, none, VoucherifyRateLimitException",
			"500, , SERVER_ERROR, none, VoucherifyServerException",
			"502, , SERVER_ERROR, none, VoucherifyServerException" })
	void errorsAreTaggedWithStatusKeyAndException(int status, String example, String outcome, String key,
			String exception) {
		wireMock.stubFor(any(anyUrl()).willReturn(response(status, example)));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.vouchers.getVoucher(CODE));

		assertThat(this.registry).hasObservationWithNameEqualTo("voucherify.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "get_voucher")
			.hasLowCardinalityKeyValue("outcome", outcome)
			.hasLowCardinalityKeyValue("status", Integer.toString(status))
			.hasLowCardinalityKeyValue("error.key", key)
			.hasLowCardinalityKeyValue("exception", exception)
			.hasError();
	}

	@Test
	void conflictCarriesItsErrorKey() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":409,\"key\":\"duplicate_found\",\"message\":\"Duplicate\"}")));

		assertThatExceptionOfType(RuntimeException.class)
			.isThrownBy(() -> this.vouchers.updateVoucherBalance(CODE, BalanceUpdateRequest.add(1)));

		assertThat(this.registry).hasObservationWithNameEqualTo("voucherify.client.requests")
			.that()
			.hasLowCardinalityKeyValue("operation", "update_voucher_balance")
			.hasLowCardinalityKeyValue("status", "409")
			.hasLowCardinalityKeyValue("error.key", "duplicate_found")
			.hasLowCardinalityKeyValue("exception", "VoucherifyConflictException");
	}

	@Test
	void transportFailureIsTaggedIoError() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		VouchersTemplate unreachable = TestClients.builder("http://127.0.0.1:" + port)
			.observationRegistry(this.registry)
			.build();

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> unreachable.getVoucher(CODE));

		assertThat(this.registry).hasObservationWithNameEqualTo("voucherify.client.requests")
			.that()
			.hasLowCardinalityKeyValue("outcome", "UNKNOWN")
			.hasLowCardinalityKeyValue("status", "IO_ERROR")
			.hasLowCardinalityKeyValue("error.key", "none")
			.hasLowCardinalityKeyValue("exception", "VoucherifyTransportException");
	}

	@Test
	void invalidResponseKeepsItsStatus() {
		wireMock.stubFor(any(anyUrl()).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{not json")));

		assertThatExceptionOfType(RuntimeException.class).isThrownBy(() -> this.vouchers.getVoucher(CODE));

		assertThat(this.registry).hasObservationWithNameEqualTo("voucherify.client.requests")
			.that()
			.hasLowCardinalityKeyValue("status", "200")
			.hasLowCardinalityKeyValue("exception", "VoucherifyInvalidResponseException");
	}

	@Test
	void badInputIsNotObserved() {
		assertThatExceptionOfType(IllegalArgumentException.class).isThrownBy(() -> this.vouchers.getVoucher(" "));

		assertThat(this.registry).doesNotHaveAnyObservation();
	}

	@Test
	void httpClientObservationIsAChildOfTheOperation() {
		wireMock.stubFor(any(anyUrl()).willReturn(response(200, "get-voucher-200-gift-card.json")));
		VouchersTemplate observed = TestClients.builder(wireMock.baseUrl())
			.observationRegistry(this.registry)
			.restClientBuilder(RestClient.builder()
				.requestFactory(new JdkClientHttpRequestFactory())
				.observationRegistry(this.registry))
			.build();

		observed.getVoucher(CODE);

		assertThat(this.registry).hasNumberOfObservationsWithNameEqualTo("voucherify.client.requests", 1)
			.hasNumberOfObservationsWithNameEqualTo("http.client.requests", 1)
			.hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasParentObservationContextMatching((parent) -> parent instanceof VoucherifyObservationContext)
			.hasLowCardinalityKeyValue("uri", "/v1/vouchers/{code}");
	}

	@Test
	void httpClientMetricsShowTheBasePathOfAProxy() {
		wireMock.stubFor(any(anyUrl()).willReturn(response(200, "get-voucher-200-gift-card.json")));
		VouchersTemplate proxied = TestClients.builder(wireMock.baseUrl() + "/voucherify/")
			.restClientBuilder(RestClient.builder()
				.requestFactory(new JdkClientHttpRequestFactory())
				.observationRegistry(this.registry))
			.build();

		proxied.getVoucher(CODE);

		wireMock.verify(getRequestedFor(urlPathEqualTo("/voucherify/v1/vouchers/" + CODE)));
		assertThat(this.registry).hasObservationWithNameEqualTo("http.client.requests")
			.that()
			.hasLowCardinalityKeyValue("uri", "/voucherify/v1/vouchers/{code}")
			.hasHighCardinalityKeyValue("http.url", wireMock.baseUrl() + "/voucherify/v1/vouchers/{code}");
	}

	@Test
	void aCustomConventionRenamesAndExtends() {
		wireMock.stubFor(any(anyUrl()).willReturn(response(200, "get-voucher-200-gift-card.json")));
		VouchersTemplate renamed = TestClients.builder(wireMock.baseUrl())
			.observationRegistry(this.registry)
			.observationConvention(new DefaultVoucherifyObservationConvention() {

				@Override
				public String getName() {
					return "payments.vouchers";
				}

				@Override
				public io.micrometer.common.KeyValues getLowCardinalityKeyValues(VoucherifyObservationContext context) {
					return super.getLowCardinalityKeyValues(context).and("tenant", "eu");
				}

			})
			.build();

		renamed.getVoucher(CODE);

		assertThat(this.registry).hasObservationWithNameEqualTo("payments.vouchers")
			.that()
			.hasLowCardinalityKeyValue("operation", "get_voucher")
			.hasLowCardinalityKeyValue("tenant", "eu");
	}

	private static Arguments operation(String name, String example, int status, Consumer<VouchersOperations> call) {
		return Arguments.of(name, example, status, call);
	}

	private static ResponseDefinitionBuilder response(int status, String example) {
		ResponseDefinitionBuilder response = aResponse().withStatus(status);
		return (example != null)
				? response.withHeader("Content-Type", "application/json").withBody(Examples.read(example)) : response;
	}

}
