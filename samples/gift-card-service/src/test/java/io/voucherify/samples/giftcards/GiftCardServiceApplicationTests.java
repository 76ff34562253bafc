package io.voucherify.samples.giftcards;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.AsyncActionStatus;
import io.voucherify.spring.test.EmulatedTransaction;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.assertj.core.api.MapAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every endpoint of the sample, against the embedded emulator it starts when no
 * credentials are set (as on a fresh clone), and its {@code /actuator/health}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "demo.emulator.job-duration=300ms", "voucherify.jobs.first-poll-delay=0s",
				"voucherify.jobs.poll-interval=50ms", "voucherify.jobs.max-poll-interval=100ms" })
class GiftCardServiceApplicationTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private VoucherifyEmulator emulator;

	@Autowired
	private VouchersOperations vouchers;

	@Autowired
	private ApplicationContext context;

	private RestClient http;

	private String card;

	@BeforeEach
	void createClientAndCard() {
		this.http = RestClient.builder()
			.baseUrl("http://localhost:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// Keep error responses as values: the tests assert on them.
			})
			.build();
		this.card = "GIFT-TEST-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		this.emulator.createGiftCard(this.card, 5000);
	}

	@Test
	void startsOnTheEmulatorSeededWithDemoCards() {
		ResponseEntity<Map<String, Object>> response = get("/cards/GIFT-DEMO-0001");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("code", "GIFT-DEMO-0001").containsEntry("type", "GIFT_VOUCHER");
	}

	@Test
	void looksUpACard() {
		ResponseEntity<Map<String, Object>> response = get("/cards/" + this.card);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("code", this.card)
			.containsEntry("active", true)
			.containsEntry("balance", 5000);
	}

	@Test
	void anUnknownCardIsAProblemNotFound() {
		ResponseEntity<Map<String, Object>> response = get("/cards/NO-SUCH-CARD");

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		assertThat(response.getBody()).containsEntry("detail", "Card not found")
			.containsEntry("voucherifyKey", "not_found");
	}

	@Test
	void topsUpABalance() {
		ResponseEntity<Map<String, Object>> response = post("/cards/" + this.card + "/top-up",
				Map.of("amount", 2500, "sourceId", "refund-1", "reason", "Refund"));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("balance", 7500).containsEntry("amount", 2500);
		assertThat(this.emulator.voucher(this.card))
			.hasValueSatisfying((voucher) -> assertThat(voucher.giftBalance()).isEqualTo(7500L));
	}

	@Test
	void spendsWithASourceIdRecordedOnTheTransaction() {
		ResponseEntity<Map<String, Object>> response = post("/cards/" + this.card + "/spend",
				Map.of("amount", 1200, "sourceId", "order-42"));

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("balance", 3800);
		assertThat(this.emulator.transactions(this.card)).extracting(EmulatedTransaction::sourceId)
			.containsExactly("order-42");
	}

	@Test
	void spendingMoreThanTheBalanceIsUnprocessable() {
		ResponseEntity<Map<String, Object>> response = post("/cards/" + this.card + "/spend", Map.of("amount", 9999));

		assertThat(response.getStatusCode().value()).isEqualTo(422);
		assertThat(response.getBody()).containsEntry("voucherifyKey", "gift_amount_exceeded");
		assertThat(this.emulator.voucher(this.card))
			.hasValueSatisfying((voucher) -> assertThat(voucher.giftBalance()).isEqualTo(5000L));
	}

	// Bad input: a 400 problem naming the field, and nothing sent to Voucherify

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "{\"amount\": 12.5}", "{\"amount\": \"1200\"}", "{}", "{\"amount\": null}",
			"{\"amount\": 99999999999999999999}", "{\"amount\": 0}", "{\"amount\": -100}", "{\"amount\": 1e3}" })
	void anAmountThatIsNotAWholePositiveNumberIsRefusedBeforeVoucherifyIsCalled(String body) {
		for (String operation : List.of("spend", "top-up")) {
			ResponseEntity<Map<String, Object>> response = postJson("/cards/" + this.card + "/" + operation, body);

			assertProblem(response, 400).containsEntry("field", "amount");
			assertThat((String) response.getBody().get("detail")).startsWith("'amount' ");
		}
		assertThat(this.emulator.voucher(this.card))
			.hasValueSatisfying((voucher) -> assertThat(voucher.giftBalance()).isEqualTo(5000L));
		assertThat(this.emulator.transactions(this.card)).isEmpty();
	}

	@Test
	void malformedJsonIsAProblem() {
		ResponseEntity<Map<String, Object>> response = postJson("/cards/" + this.card + "/spend", "{\"amount\": 12");

		assertProblem(response, 400).containsEntry("detail", "The request body is not valid JSON");
		assertThat(this.emulator.transactions(this.card)).isEmpty();
	}

	@Test
	void aFieldOfTheWrongTypeIsNamed() {
		ResponseEntity<Map<String, Object>> response = postJson("/cards/" + this.card + "/spend",
				"{\"amount\": 100, \"sourceId\": {\"nested\": true}}");

		assertProblem(response, 400).containsEntry("field", "sourceId");
		assertThat(this.emulator.transactions(this.card)).isEmpty();
	}

	@Test
	void aCsvUploadWithoutAFileIsAProblemNamingTheFile() {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("other", "no file here");

		ResponseEntity<Map<String, Object>> response = this.http.post()
			.uri("/cards/import")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JSON);

		assertProblem(response, 400).containsEntry("field", "file");
	}

	@Test
	void aCsvUploadThatIsNotMultipartIsAProblemNamingTheFile() {
		ResponseEntity<Map<String, Object>> response = postJson("/cards/import", "{}");

		assertProblem(response, 400).containsEntry("field", "file");
	}

	@Test
	@SuppressWarnings("unchecked")
	void importAndWaitAnswersOnceVoucherifyHasFinishedWithEachFailedRow() {
		String code = "IMPORTED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();

		ResponseEntity<Map<String, Object>> response = upload("/cards/import-and-wait",
				"Code,Voucher Type,Value\n" + code + ",GIFT_VOUCHER,3000\nBAD-1,GIFT_CARD,100\n");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("status", "DONE")
			.containsEntry("imported", 1)
			.containsEntry("failed", 1)
			.containsEntry("message", "1 voucher(s) imported successfully, 1 failed.");
		assertThat((List<Map<String, Object>>) response.getBody().get("failedRows")).singleElement()
			.satisfies((row) -> {
				assertThat(row).containsEntry("row", 2).containsEntry("code", "BAD-1");
				assertThat((String) row.get("reason")).contains("GIFT_CARD");
			});
		assertThat(get("/cards/" + code).getBody()).containsEntry("balance", 3000);
	}

	@Test
	void importAndWaitWithoutAFileIsAProblemNamingTheFile() {
		ResponseEntity<Map<String, Object>> response = this.http.post()
			.uri("/cards/import-and-wait")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(new LinkedMultiValueMap<>())
			.retrieve()
			.toEntity(JSON);

		assertProblem(response, 400).containsEntry("field", "file");
	}

	@Test
	void exportsAndDownloadsTransactionsAsCsv() {
		post("/cards/" + this.card + "/spend", Map.of("amount", 100, "sourceId", "order-1"));
		post("/cards/" + this.card + "/top-up", Map.of("amount", 50, "sourceId", "refund-1"));

		ResponseEntity<String> response = this.http.get()
			.uri("/cards/" + this.card + "/transactions.csv")
			.retrieve()
			.toEntity(String.class);

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getHeaders().getContentType()).hasToString("text/csv;charset=UTF-8");
		assertThat(response.getHeaders().getContentDisposition().getFilename())
			.isEqualTo(this.card + "-transactions.csv");
		String[] lines = response.getBody().split("\r\n");
		assertThat(lines[0]).isEqualTo("ID,Type,Source ID,Reason,Source,Balance,Amount,Created At");
		assertThat(lines).hasSize(3);
		assertThat(lines[1]).contains("CREDITS_ADDITION", "refund-1");
		assertThat(lines[2]).contains("CREDITS_REMOVAL", "order-1");
	}

	@Test
	void exportingAnUnknownCardIsAProblemNotFound() {
		ResponseEntity<Map<String, Object>> response = get("/cards/NO-SUCH-CARD/transactions.csv");

		assertProblem(response, 404).containsEntry("voucherifyKey", "not_found");
	}

	@Test
	void voucherifysErrorsHaveTheSameShape() {
		assertProblem(get("/cards/NO-SUCH-CARD"), 404).containsKey("voucherifyRequestId");
		assertProblem(post("/cards/" + this.card + "/spend", Map.of("amount", 9999)), 422)
			.containsEntry("voucherifyKey", "gift_amount_exceeded");
	}

	@Test
	void listsTransactions() {
		post("/cards/" + this.card + "/spend", Map.of("amount", 100, "sourceId", "order-1"));
		post("/cards/" + this.card + "/top-up", Map.of("amount", 50, "sourceId", "refund-1"));

		ResponseEntity<Map<String, Object>> response = get("/cards/" + this.card + "/transactions?limit=10");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat((List<?>) response.getBody().get("data")).hasSize(2);
	}

	@Test
	void exportsTransactions() {
		ResponseEntity<Map<String, Object>> response = post("/cards/" + this.card + "/transactions/export", Map.of());

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("status", "SCHEDULED")
			.containsEntry("exported_object", "voucher_transactions");
	}

	@Test
	void disablesAndEnablesACard() {
		assertThat(post("/cards/" + this.card + "/disable", Map.of()).getBody()).containsEntry("active", false);
		assertThat(post("/cards/" + this.card + "/enable", Map.of()).getBody()).containsEntry("active", true);
	}

	@Test
	void deletesACard() {
		ResponseEntity<Void> response = this.http.delete()
			.uri("/cards/" + this.card + "?force=true")
			.retrieve()
			.toBodilessEntity();

		assertThat(response.getStatusCode().value()).isEqualTo(204);
		assertThat(get("/cards/" + this.card).getStatusCode().value()).isEqualTo(404);
	}

	@Test
	void importsACsv() {
		String code = "IMPORTED-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
		ResponseEntity<Map<String, Object>> response = upload(
				"Code,Voucher Type,Value\n" + code + ",GIFT_VOUCHER,3000\n");

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		String asyncActionId = (String) response.getBody().get("async_action_id");
		assertThat(asyncActionId).startsWith("aa_");
		assertThat(this.vouchers.awaitAsyncAction(asyncActionId, Duration.ofSeconds(10)).status())
			.isEqualTo(AsyncActionStatus.DONE);
		assertThat(get("/cards/" + code).getBody()).containsEntry("balance", 3000);
	}

	@Test
	void releasesAValidationSession() {
		this.emulator.createSession(this.card, "ssn_test_1");

		ResponseEntity<Void> response = this.http.delete()
			.uri("/cards/" + this.card + "/sessions/ssn_test_1")
			.retrieve()
			.toBodilessEntity();

		assertThat(response.getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void releasingAnUnknownSessionIsAProblemNotFound() {
		ResponseEntity<Map<String, Object>> response = this.http.delete()
			.uri("/cards/" + this.card + "/sessions/ssn_unknown")
			.retrieve()
			.toEntity(JSON);

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getBody()).containsEntry("detail", "Validation session not found");
	}

	@Test
	@SuppressWarnings("unchecked")
	void healthShowsVoucherifyUp() {
		ResponseEntity<Map<String, Object>> response = get("/actuator/health");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
		assertThat((Map<String, Object>) components.get("voucherify")).containsEntry("status", "UP");
	}

	/**
	 * Without the {@code fleet} profile the service has Redis support on its class path
	 * but uses no Redis: no call budget, and no Redis indicator to turn its health DOWN.
	 */
	@Test
	@SuppressWarnings("unchecked")
	void theCallBudgetIsOffAndNoRedisIsNeeded() {
		assertThat(this.context.getBeanProvider(VoucherifyCallBudget.class).getIfAvailable()).isNull();

		ResponseEntity<Map<String, Object>> response = get("/actuator/health");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("status", "UP");
		Map<String, Object> components = (Map<String, Object>) response.getBody().get("components");
		assertThat(components).doesNotContainKey("redis");
		Map<String, Object> voucherify = (Map<String, Object>) components.get("voucherify");
		assertThat((Map<String, Object>) voucherify.get("details")).doesNotContainKey("budget");
	}

	@Test
	void theEmulatorEndpointCountsTheCallsOfTheEmbeddedEmulator() {
		long before = this.emulator.rateLimitStats().acceptedCalls();
		get("/cards/" + this.card);

		ResponseEntity<Map<String, Object>> response = get("/actuator/emulator");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		assertThat(response.getBody()).containsEntry("baseUrl", this.emulator.baseUrl())
			.containsEntry("rejectedCalls", 0)
			.containsKey("acceptedPerWindow");
		assertThat(((Number) response.getBody().get("acceptedCalls")).longValue()).isGreaterThan(before);
	}

	/**
	 * The one problem shape of every error: RFC 9457's members, as
	 * {@code application/problem+json}.
	 */
	private static MapAssert<String, Object> assertProblem(ResponseEntity<Map<String, Object>> response, int status) {
		assertThat(response.getStatusCode().value()).isEqualTo(status);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
		return assertThat(response.getBody()).containsKeys("type", "title", "detail", "instance")
			.containsEntry("status", status);
	}

	private ResponseEntity<Map<String, Object>> upload(String csv) {
		return upload("/cards/import", csv);
	}

	private ResponseEntity<Map<String, Object>> upload(String path, String csv) {
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType("text/csv"));
		partHeaders.setContentDispositionFormData("file", "cards.csv");
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(csv.getBytes(StandardCharsets.UTF_8), partHeaders));
		return this.http.post()
			.uri(path)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> postJson(String path, String json) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(json).retrieve().toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JSON);
	}

	private ResponseEntity<Map<String, Object>> post(String path, Map<String, Object> body) {
		return this.http.post().uri(path).contentType(MediaType.APPLICATION_JSON).body(body).retrieve().toEntity(JSON);
	}

}
