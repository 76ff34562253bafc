package io.voucherify.spring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/async-actions/{asyncActionId}}: the async action of a CSV import, with
 * the default job duration (zero: done at once). {@link AsyncActionProgressTests} follows
 * one over a job duration.
 */
class AsyncActionTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private static final Path EXAMPLES = Specification.examples();

	private static final String GIFT_CARDS = "Code,Voucher Type,Value\nJOB-1,GIFT_VOUCHER,100\nJOB-2,GIFT_VOUCHER,200\n";

	static JsonNode asyncAction(VoucherifyEmulator emulator, String id) {
		return TestClients.getJson(emulator, "/v1/async-actions/" + id);
	}

	@Test
	void anImportIsDoneAtOnce() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		JsonNode action = asyncAction(voucherify.emulator(), id);

		assertThat(action.get("id").asString()).isEqualTo(id);
		assertThat(action.get("type").asString()).isEqualTo("VOUCHERS.IMPORT_CSV");
		assertThat(action.get("status").asString()).isEqualTo("DONE");
		assertThat(action.get("progress").asInt()).isEqualTo(100);
		assertThat(action.get("processing_time").asLong()).isZero();
		assertThat(action.get("updated_at")).isEqualTo(action.get("created_at"));
		assertThat(action.get("object").asString()).isEqualTo("async_action");
	}

	@Test
	void theVouchersExistWhenTheImportIsAccepted() {
		TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		assertThat(voucherify.emulator().voucher("JOB-1")).isPresent();
		assertThat(voucherify.emulator().voucher("JOB-2")).isPresent();
	}

	@Test
	void aDoneActionHasTheKeysOfTheSpecExampleInItsOrder() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("get-async-action-200-import-csv-done.json"));

		JsonNode action = asyncAction(voucherify.emulator(), TestClients.importCsv(voucherify.emulator(), GIFT_CARDS));

		assertThat(action.propertyNames()).containsExactlyElementsOf(example.propertyNames());
		assertThat(action.get("result").propertyNames())
			.containsExactlyElementsOf(example.get("result").propertyNames());
	}

	@Test
	void theRequestIdSharesTheActionIdsLeadingDigitsAsInTheSpecExample() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		assertThat(asyncAction(voucherify.emulator(), id).get("request_id").asString()).matches("v-[0-9a-f]{18}")
			.startsWith("v-" + id.substring(3, 11));
	}

	@Test
	void theResultCountsAndNamesTheImportedAndFailedRows() {
		String id = TestClients.importCsv(voucherify.emulator(),
				"Code,Voucher Type,Value\nOK-1,GIFT_VOUCHER,100\nNO-VALUE,GIFT_VOUCHER,\nOK-2,LOYALTY_CARD,5\n");

		JsonNode result = asyncAction(voucherify.emulator(), id).get("result");

		assertThat(result.get("message").asString()).isEqualTo("2 voucher(s) imported successfully, 1 failed.");
		assertThat(result.get("done_count").asInt()).isEqualTo(2);
		assertThat(result.get("failed_count").asInt()).isEqualTo(1);
		assertThat(result.get("failed")).singleElement()
			.isEqualTo(Json.parse("{\"code\":\"NO-VALUE\",\"row\":2,\"reason\":\"Value is required\"}"));
	}

	@Test
	void newCodesWithoutAVoucherTypeFailAsInTheSpecExample() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("get-async-action-200-import-csv-done.json"));

		String id = TestClients.importCsv(voucherify.emulator(), "Code,Value\nFALL2023,100\nFALL2024,100\n");

		assertThat(asyncAction(voucherify.emulator(), id).get("result")).isEqualTo(example.get("result"));
		assertThat(voucherify.emulator().voucher("FALL2023")).isEmpty();
	}

	@Test
	void anImportWhoseRowsAllFailIsStillAcceptedAndListed() {
		String id = TestClients.importCsv(voucherify.emulator(), "Code,Value\nFALL2023,100\n");

		assertThat(voucherify.emulator().csvImports()).containsExactly(id);
		assertThat(asyncAction(voucherify.emulator(), id).get("status").asString()).isEqualTo("DONE");
	}

	@Test
	void anUnknownIdIsNotFoundAsInTheSpecExample() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("error-404-async-action-not-found.json"));

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET",
				"/v1/async-actions/aa_0aeb82bd55d5beffb", null);

		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode error = Json.parse(response.body());
		assertThat(error.propertyNames()).containsExactlyElementsOf(example.propertyNames());
		assertThat(error.get("request_id").asString()).matches("v-[0-9a-f]{18}");
		assertThat(Json.without(error, "request_id")).isEqualTo(Json.without(example, "request_id"));
	}

	@Test
	void resetForgetsTheActions() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		voucherify.emulator().reset();

		assertThat(TestClients.raw(voucherify.emulator(), "GET", "/v1/async-actions/" + id, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void anAsyncActionIsOnlyRead() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "DELETE", "/v1/async-actions/" + id,
				null);

		assertThat(response.statusCode()).isEqualTo(405);
	}

	@Test
	void theAsyncActionNeedsTheCredentials() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		assertThat(TestClients.anonymous(voucherify.emulator(), "GET", "/v1/async-actions/" + id).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anImportIsDoneNoSoonerThanTheJobDuration() throws InterruptedException {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder().jobDuration(Duration.ofMillis(500)).build()) {
			Instant accepted = Instant.now();
			String id = TestClients.importCsv(emulator, GIFT_CARDS);

			Instant deadline = accepted.plusSeconds(10);
			while (!asyncAction(emulator, id).get("status").asString().equals("DONE")
					&& Instant.now().isBefore(deadline)) {
				Thread.sleep(50);
			}

			assertThat(asyncAction(emulator, id).get("status").asString()).isEqualTo("DONE");
			assertThat(Duration.between(accepted, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(500));
			assertThat(emulator.voucher("JOB-1")).isPresent();
		}
	}

}
