package io.voucherify.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET /v1/exports/{export_Id}?token=...} on the download host: the CSV file of a
 * voucher-transactions export.
 */
class DownloadExportTests {

	private static final Path EXAMPLES = Specification.examples();

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void giftCardWithTwoChanges() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		this.vouchers = TestClients.vouchers(voucherify.emulator());
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(500).withSourceId("order-1"));
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(200).withReason("refund"));
	}

	@Test
	void theFileIsPlainTextInUtf8() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(Exports.url(voucherify.emulator(), id));

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
	}

	@Test
	void theFileIsStreamedInChunks() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(Exports.url(voucherify.emulator(), id));

		assertThat(response.headers().firstValue("Transfer-Encoding")).hasValue("chunked");
		assertThat(response.headers().firstValue("Content-Length")).isEmpty();
	}

	@Test
	void theFirstLineLabelsTheFieldsAsTheComposedExampleDoes() throws IOException {
		String header = Files
			.readString(EXAMPLES.resolve("download-export-200-voucher-transactions-header.COMPOSED.csv"))
			.strip();
		String id = Exports.create(voucherify.emulator(), "GIFT-1",
				"{\"fields\":[\"id\",\"type\",\"source_id\",\"reason\",\"balance\",\"amount\",\"created_at\","
						+ "\"voucher_id\",\"campaign_id\",\"details\",\"related_transaction_id\",\"source\"]}");

		String file = Exports.download(voucherify.emulator(), id);

		assertThat(file.substring(0, file.indexOf("\r\n"))).isEqualTo(header);
	}

	@Test
	void theColumnsAreTheRequestedFieldsInTheirOrder() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"amount\",\"source_id\"]}");

		List<List<String>> records = Exports.records(Exports.download(voucherify.emulator(), id));

		assertThat(records).containsExactly(List.of("Amount", "Source ID"), List.of("-200", ""),
				List.of("500", "order-1"));
	}

	@Test
	void withoutFieldsTheColumnsAreVoucherifysDefaultsLessStatus() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		List<List<String>> records = Exports.records(Exports.download(voucherify.emulator(), id));

		assertThat(records.get(0)).containsExactly("ID", "Type", "Source ID", "Reason", "Source", "Balance", "Amount",
				"Created At");
	}

	@Test
	void theRowsAreNewestFirstByDefault() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"type\"]}");

		assertThat(Exports.records(Exports.download(voucherify.emulator(), id))).containsExactly(List.of("Type"),
				List.of("CREDITS_REMOVAL"), List.of("CREDITS_ADDITION"));
	}

	@Test
	void theRowsAreOldestFirstWhenAsked() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"order\":\"created_at\",\"fields\":[\"type\"]}");

		assertThat(Exports.records(Exports.download(voucherify.emulator(), id))).containsExactly(List.of("Type"),
				List.of("CREDITS_ADDITION"), List.of("CREDITS_REMOVAL"));
	}

	@Test
	void eachCellIsTheValueTheJsonApiGives() {
		JsonNode listed = TestClients.getJson(voucherify.emulator(), "/v1/vouchers/GIFT-1/transactions?order=id")
			.get("data")
			.get(0);
		String id = Exports.create(voucherify.emulator(), "GIFT-1",
				"{\"order\":\"created_at\",\"fields\":[\"id\",\"type\",\"source_id\",\"reason\",\"balance\","
						+ "\"amount\",\"created_at\",\"voucher_id\",\"campaign_id\",\"details\","
						+ "\"related_transaction_id\",\"source\"]}");

		List<String> first = Exports.records(Exports.download(voucherify.emulator(), id)).get(1);

		assertThat(first.subList(0, 9)).containsExactly(listed.get("id").asString(), "CREDITS_ADDITION", "order-1", "",
				"1500", "500", listed.get("created_at").asString(), listed.get("voucher_id").asString(), "");
		assertThat(first.get(6)).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(Json.parse(first.get(9))).isEqualTo(listed.get("details"));
		assertThat(first.subList(10, 12)).containsExactly("", listed.get("source").asString());
	}

	@Test
	void detailsAreCompactJson() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"details\"]}");

		String details = Exports.records(Exports.download(voucherify.emulator(), id)).get(1).get(0);

		assertThat(details).startsWith("{\"balance\":{").doesNotContain(" ", "\n");
	}

	@Test
	void cellsWithACommaAQuoteOrALineBreakAreQuoted() {
		this.vouchers.updateVoucherBalance("GIFT-1",
				BalanceUpdateRequest.add(1).withReason("Goodwill, \"sorry\"\nfor the delay"));
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"reason\",\"amount\"]}");

		String file = Exports.download(voucherify.emulator(), id);

		assertThat(file).contains("\r\n\"Goodwill, \"\"sorry\"\"\nfor the delay\",1\r\n");
		assertThat(Exports.records(file).get(1)).containsExactly("Goodwill, \"sorry\"\nfor the delay", "1");
	}

	@Test
	void everyRecordEndsWithCrLf() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"id\",\"amount\"]}");

		String file = Exports.download(voucherify.emulator(), id);

		assertThat(file).endsWith("\r\n");
		assertThat(file.split("\r\n", -1)).hasSize(4).endsWith("");
		assertThat(file.replace("\r\n", "")).doesNotContain("\n", "\r");
	}

	@Test
	void aVoucherWithoutTransactionsGivesTheHeaderAlone() {
		voucherify.emulator().createGiftCard("GIFT-2", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-2", "{\"fields\":[\"id\"]}");

		assertThat(Exports.download(voucherify.emulator(), id)).isEqualTo("ID\r\n");
	}

	@Test
	void theTokenWithTheRightCredentialsIsAccepted() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(Exports.url(voucherify.emulator(), id), "X-App-Id",
				voucherify.emulator().appId(), "X-App-Token", voucherify.emulator().secretKey());

		assertThat(response.statusCode()).isEqualTo(200);
	}

	@Test
	void withoutATokenTheDownloadIsUnauthorizedAsInTheSpecExample() throws IOException {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(voucherify.emulator().downloadBaseUrl() + "/v1/exports/" + id,
				"X-App-Id", voucherify.emulator().appId(), "X-App-Token", voucherify.emulator().secretKey());

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Json.parse(response.body())).isEqualTo(Json.read(EXAMPLES.resolve("error-401-unauthorized.json")));
	}

	@Test
	void aWrongTokenIsUnauthorized() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients
			.get(voucherify.emulator().downloadBaseUrl() + "/v1/exports/" + id + "?token=wrong");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anotherExportsTokenIsUnauthorized() {
		String first = Exports.url(voucherify.emulator(), Exports.create(voucherify.emulator(), "GIFT-1", null));
		String second = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(voucherify.emulator().downloadBaseUrl() + "/v1/exports/"
				+ second + first.substring(first.indexOf('?')));

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void wrongCredentialsAreUnauthorizedEvenWithTheToken() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(Exports.url(voucherify.emulator(), id), "X-App-Id",
				voucherify.emulator().appId(), "X-App-Token", "wrong");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anAppIdWithoutItsTokenIsUnauthorized() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients.get(Exports.url(voucherify.emulator(), id), "X-App-Id",
				voucherify.emulator().appId());

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void anUnknownExportIsNotFoundAsInTheSpecExample() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("error-404-export-not-found.json"));

		HttpResponse<String> response = TestClients
			.get(voucherify.emulator().downloadBaseUrl() + "/v1/exports/exp_8fNoLwgVPuhoxNzVsr50kq0?token=x");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Json.without(Json.parse(response.body()), "request_id"))
			.isEqualTo(Json.without(example, "request_id"));
	}

	@Test
	void theDownloadHostServesNothingButExportFiles() {
		HttpResponse<String> response = TestClients.get(voucherify.emulator().downloadBaseUrl() + "/v1/vouchers/GIFT-1",
				"X-App-Id", voucherify.emulator().appId(), "X-App-Token", voucherify.emulator().secretKey());

		assertThat(response.statusCode()).isEqualTo(404);
	}

	@Test
	void theDownloadHostIsAnotherLoopbackPort() {
		assertThat(voucherify.emulator().downloadBaseUrl()).startsWith("http://127.0.0.1:")
			.isNotEqualTo(voucherify.emulator().baseUrl());
	}

	@Test
	void closingTheEmulatorStopsTheDownloadHost() {
		VoucherifyEmulator emulator = VoucherifyEmulator.start();
		String downloadBaseUrl = emulator.downloadBaseUrl();

		emulator.close();

		assertThatExceptionOfType(UncheckedIOException.class)
			.isThrownBy(() -> TestClients.get(downloadBaseUrl + "/v1/exports/exp_1?token=x"));
	}

}
