package io.voucherify.spring;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyConflictException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.VoucherifyError;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.web.client.HttpClientErrorException;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Failed requests become typed exceptions carrying Voucherify's error envelope.
 */
class VouchersTemplateErrorTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final VouchersTemplate vouchers = VouchersTemplate.builder()
		.appId("app")
		.secretKey("top-secret-key")
		.baseUrl(wireMock.baseUrl())
		.build();

	@AfterEach
	void requestsConformToTheContract() {
		OpenApiContract.assertConforms(wireMock.findAll(anyRequestedFor(anyUrl())));
	}

	@Test
	void settingsChangedOnTheBuilderAfterBuildDoNotReachTheTemplate() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(503)));
		VouchersTemplateBuilder builder = VouchersTemplate.builder()
			.appId("app")
			.secretKey("top-secret-key")
			.baseUrl(wireMock.baseUrl())
			.retry(VoucherifyRetrySettings.disabled());
		VoucherifyApiActivity activity = new VoucherifyApiActivity();
		VouchersTemplate template = builder.activity(activity).build();

		builder.errorHandler((request, response) -> new IllegalStateException("set after build()"))
			.retry(VoucherifyRetrySettings.defaults())
			.activity(new VoucherifyApiActivity());

		assertThatExceptionOfType(VoucherifyServerException.class).isThrownBy(() -> template.getVoucher("V1"));
		wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/vouchers/V1")));
		assertThat(template.getActivity()).isSameAs(activity);
		assertThat(activity.lastExchange()).isNotNull();
	}

	@Test
	void voucherNotFoundCarriesTheWholeEnvelope() {
		wireMock.stubFor(get("/v1/vouchers/10OFF").willReturn(json(404, "error-404-voucher-not-found.json")));

		assertThatExceptionOfType(VoucherifyNotFoundException.class).isThrownBy(() -> this.vouchers.getVoucher("10OFF"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(404);
				assertThat(ex.getCode()).isEqualTo(404);
				assertThat(ex.getKey()).isEqualTo("not_found");
				assertThat(ex.getErrorMessage()).isEqualTo("Resource not found");
				assertThat(ex.getDetails()).isEqualTo("Cannot find voucher with id v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b");
				assertThat(ex.getRequestId()).isNotBlank();
				assertThat(ex.getResourceId()).isEqualTo("v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b");
				assertThat(ex.getResourceType()).isEqualTo("voucher");
				assertThat(ex.getResponseBody()).isEqualTo(Examples.read("error-404-voucher-not-found.json"));
				assertThat(ex.getError()).isEqualTo(envelope(404, "not_found", "Resource not found",
						"Cannot find voucher with id v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b", "v-0bb3403b9a158c87b2",
						"v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b", "voucher"));
				assertThat(ex.getMessage()).contains("404", "not_found", ex.getRequestId(), "Resource not found");
			});
	}

	@Test
	void deleteOfAMissingVoucherIsNotFound() {
		wireMock.stubFor(
				delete("/v1/vouchers/X?force=true").willReturn(json(404, "error-404-delete-voucher-not-found.json")));

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.deleteVoucher("X", true))
			.satisfies((ex) -> assertThat(ex.getError()).isEqualTo(envelope(404, "not_found", "Resource not found",
					"Cannot find voucher with id 10OFF", "v-0ae28d3cec96bb1b7e", "10OFF", "voucher")));
	}

	@Test
	void missingSessionIsNotFoundWithResourceTypeSession() {
		wireMock.stubFor(
				delete("/v1/vouchers/V1/sessions/ssn_1").willReturn(json(404, "error-404-session-not-found.json")));

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.releaseValidationSession("V1", "ssn_1"))
			.satisfies((ex) -> {
				assertThat(ex.getResourceType()).isEqualTo("session");
				assertThat(ex.getError()).isEqualTo(
						envelope(404, "not_found", "Resource not found", "Cannot find session with id Enigma-Session",
								"v-10cba72f7256d72803", "Enigma-Session", "session"));
			});
	}

	@Test
	void invalidImportIsABadRequest() {
		wireMock
			.stubFor(post("/v1/vouchers/importCSV").willReturn(json(400, "error-400-import-csv-missing-file.json")));

		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(new ByteArrayResource("Code\n".getBytes())))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(400);
				assertThat(ex.getKey()).isEqualTo("invalid_payload");
				assertThat(ex.getErrorMessage()).isEqualTo("Invalid payload");
				assertThat(ex.getDetails()).isEqualTo("Payload should have required property 'file'");
				assertThat(ex.getRequestId()).isEqualTo("74e4bb71-5b6d-49b9-98eb-239691c9d67a");
				assertThat(ex.getError()).isEqualTo(envelope(400, "invalid_payload", "Invalid payload",
						"Payload should have required property 'file'", "74e4bb71-5b6d-49b9-98eb-239691c9d67a", null,
						null));
			});
	}

	@Test
	void rejectedCredentialsAreAnAuthenticationFailure() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(json(401, "error-401-unauthorized.json")));

		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getError())
					.isEqualTo(envelope(401, "unauthorized", "Unauthorized", null, null, null, null));
				assertThat(ex.getMessage()).isEqualTo("Voucherify answered 401 [key=unauthorized]: Unauthorized");
				assertThat(ex.getMessage()).doesNotContain("top-secret-key");
				assertThat(ex.toString()).doesNotContain("top-secret-key");
			});
	}

	@Test
	void forbiddenIsAnAuthenticationFailure() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(403)));

		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("V1"));
	}

	@Test
	void duplicateIsAConflict() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(409)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":409,\"key\":\"duplicate_found\",\"message\":\"Duplicated resource\"}")));

		assertThatExceptionOfType(VoucherifyConflictException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("duplicate_found"));
	}

	@Test
	void rateLimitCarriesRetryAfterSeconds() {
		wireMock.stubFor(get("/v1/vouchers/V1")
			.willReturn(json(429, "error-429-rate-limited.json").withHeader("Retry-After", "17")));

		assertThatExceptionOfType(VoucherifyRateLimitException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getError()).isEqualTo(
						envelope(429, null, "Too many requests hit the API too quickly.", null, null, null, null));
				assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofSeconds(17));
				assertThat(ex.getMessage()).contains("retry after 17s");
			});
	}

	@Test
	void rateLimitCarriesTheRetryTimeOfXRateLimitRetry() {
		long retryAt = Instant.now().plusSeconds(120).getEpochSecond();
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(
				json(429, "error-429-rate-limited.json").withHeader("X-Rate-Limit-Retry", Long.toString(retryAt))));

		assertThatExceptionOfType(VoucherifyRateLimitException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies(
					(ex) -> assertThat(ex.getRetryAfter()).isBetween(Duration.ofSeconds(100), Duration.ofSeconds(121)));
	}

	@Test
	void rateLimitWithoutHeadersHasNoRetryTime() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(json(429, "error-429-rate-limited.json")));

		assertThatExceptionOfType(VoucherifyRateLimitException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> assertThat(ex.getRetryAfter()).isNull());
	}

	@ParameterizedTest
	@CsvSource({ "500", "502", "503", "504" })
	void serverErrorsAreServerExceptions(int status) {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":" + status
					+ ",\"key\":\"internal_error\",\"message\":\"Boom\",\"request_id\":\"v-1\"}")));

		assertThatExceptionOfType(VoucherifyServerException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(status);
				assertThat(ex.getKey()).isEqualTo("internal_error");
				assertThat(ex.getMessage()).contains(Integer.toString(status), "internal_error", "v-1");
			});
	}

	@Test
	void htmlFromAProxyStillGivesTheRightTypeWithABoundedExcerpt() {
		String html = "<html><head><title>502 Bad Gateway</title></head><body>" + "x".repeat(100_000)
				+ "</body></html>";
		wireMock.stubFor(get("/v1/vouchers/V1")
			.willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html").withBody(html)));

		assertThatExceptionOfType(VoucherifyServerException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getError()).isNull();
				assertThat(ex.getKey()).isNull();
				assertThat(ex.getMessage()).contains("502", "502 Bad Gateway").hasSizeLessThan(400);
				assertThat(ex.getResponseBody()).hasSize(DefaultVoucherifyErrorHandler.MAX_BODY_BYTES);
			});
	}

	@Test
	void anErrorPageEchoingTheRequestHeadersNeverCarriesTheSecret() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(400)
			.withHeader("Content-Type", "text/html")
			.withBody("<html>Bad request. Headers: X-App-Token: top-secret-key</html>")));

		assertThatExceptionOfType(VoucherifyBadRequestException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getResponseBody()).doesNotContain("top-secret-key").contains("X-App-Token: ******");
				assertThat(ex.getMessage()).doesNotContain("top-secret-key");
			});
	}

	@Test
	void otherStatusesAreApiExceptions() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(aResponse().withStatus(402)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":402,\"key\":\"plan_exceeded\",\"message\":\"Plan exceeded\"}")));

		assertThatExceptionOfType(VoucherifyApiException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> {
				assertThat(ex.getClass()).isEqualTo(VoucherifyApiException.class);
				assertThat(ex.getKey()).isEqualTo("plan_exceeded");
			});
	}

	@Test
	void invalidJsonInASuccessIsAnInvalidResponse() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(okJson("{\"code\": ")));

		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(200));
	}

	@Test
	void htmlInASuccessIsAnInvalidResponse() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>")));

		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("V1"));
	}

	@Test
	void emptySuccessIsAnInvalidResponse() {
		wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)));

		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(new ByteArrayResource("Code\n".getBytes())));
	}

	@Test
	void connectionResetIsATransportFailure() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

		assertThatExceptionOfType(VoucherifyTransportException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies((ex) -> assertThat(ex.getMessage()).startsWith("get_voucher failed").doesNotContain("V1"));
	}

	@Test
	void connectionRefusedIsATransportFailureThatNamesNoCode() throws Exception {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		VouchersTemplate unreachable = VouchersTemplate.builder()
			.appId("app")
			.secretKey("top-secret-key")
			.baseUrl("http://127.0.0.1:" + port)
			.build();

		assertThatExceptionOfType(VoucherifyTransportException.class)
			.isThrownBy(() -> unreachable.getVoucher("GIFT-SECRET"))
			.satisfies((ex) -> {
				assertThat(ex.isTimeout()).isFalse();
				assertThat(ex).hasStackTraceContaining("ConnectException");
				assertThat(ex).hasStackTraceContaining("get_voucher");
				assertThat(stackTrace(ex)).doesNotContain("GIFT-SECRET").doesNotContain("top-secret-key");
			});
	}

	@Test
	void readTimeoutIsATransportFailureMarkedAsTimeout() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(okJson("{}").withFixedDelay(2_000)));
		VouchersTemplate impatient = TestClients.builder(wireMock.baseUrl())
			.timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5))
			.build();

		assertThatExceptionOfType(VoucherifyTransportException.class).isThrownBy(() -> impatient.getVoucher("V1"))
			.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
	}

	@Test
	void bulkOperationsGetTheLongerReadTimeout() {
		wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("import-csv-202.json"))
			.withFixedDelay(600)));
		VouchersTemplate template = TestClients.builder(wireMock.baseUrl())
			.timeouts(Duration.ofSeconds(1), Duration.ofMillis(200), Duration.ofSeconds(5))
			.build();

		AsyncAction action = template.importVouchersUsingCsv(new ByteArrayResource("Code\n".getBytes()));

		assertThat(action.asyncActionId()).isNotBlank();
	}

	@Test
	void aReplacementErrorHandlerDecidesTheException() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(json(404, "error-404-voucher-not-found.json")));
		VouchersTemplate template = TestClients.builder(wireMock.baseUrl())
			.errorHandler(
					(request, response) -> new IllegalStateException("custom " + response.getStatusCode().value()))
			.build();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> template.getVoucher("V1"))
			.withMessage("custom 404");
	}

	@Test
	void rateLimitCarriesTheRetryTimeOfAnHttpDateRetryAfter() {
		String inOneMinute = DateTimeFormatter.RFC_1123_DATE_TIME
			.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(60));
		wireMock.stubFor(get("/v1/vouchers/V1")
			.willReturn(json(429, "error-429-rate-limited.json").withHeader("Retry-After", inOneMinute)));

		assertThatExceptionOfType(VoucherifyRateLimitException.class).isThrownBy(() -> this.vouchers.getVoucher("V1"))
			.satisfies(
					(ex) -> assertThat(ex.getRetryAfter()).isBetween(Duration.ofSeconds(50), Duration.ofSeconds(61)));
	}

	@Test
	void retryTimeInThePastIsZero() {
		Clock clock = Clock.fixed(Instant.ofEpochSecond(2_000), ZoneOffset.UTC);
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-Rate-Limit-Retry", "1000");

		assertThat(DefaultVoucherifyErrorHandler.retryAfter(headers, clock)).isEqualTo(Duration.ZERO);
	}

	@Test
	void theErrorHandlersExceptionIsThrownUntouchedEvenASpringOne() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(json(404, "error-404-voucher-not-found.json")));
		VouchersTemplate template = TestClients.builder(wireMock.baseUrl())
			.errorHandler((request, response) -> HttpClientErrorException.create(response.getStatusCode(), "mine",
					response.getHeaders(), new byte[0], null))
			.build();

		assertThatExceptionOfType(HttpClientErrorException.NotFound.class).isThrownBy(() -> template.getVoucher("V1"))
			.withMessageContaining("mine");
	}

	@Test
	void theErrorHandlersExceptionWithAnIoCauseIsNotMistakenForATransportFailure() {
		wireMock.stubFor(get("/v1/vouchers/V1").willReturn(json(404, "error-404-voucher-not-found.json")));
		VouchersTemplate template = TestClients.builder(wireMock.baseUrl())
			.errorHandler((request, response) -> new IllegalStateException("gone", new IOException("cause")))
			.build();

		assertThatExceptionOfType(IllegalStateException.class).isThrownBy(() -> template.getVoucher("V1"))
			.withMessage("gone");
	}

	private static VoucherifyError envelope(Integer code, String key, String message, String details, String requestId,
			String resourceId, String resourceType) {
		return new VoucherifyError(code, key, message, details, requestId, resourceId, resourceType, null, null, null,
				null);
	}

	private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(int status, String example) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read(example));
	}

	private static String stackTrace(Throwable ex) {
		java.io.StringWriter out = new java.io.StringWriter();
		ex.printStackTrace(new java.io.PrintWriter(out));
		return out.toString();
	}

}
