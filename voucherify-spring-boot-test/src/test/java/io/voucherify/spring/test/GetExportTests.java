package io.voucherify.spring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code GET /v1/exports/{exportId}} on the API host, with the default job duration
 * (zero: an export is done at once). {@link ExportProgressTests} follows one over a job
 * duration.
 */
class GetExportTests {

	private static final Path EXAMPLES = Specification.examples();

	private static final String ALL_FIELDS = "{\"order\":\"-created_at\",\"fields\":[\"id\",\"type\",\"source_id\","
			+ "\"reason\",\"balance\",\"amount\",\"created_at\",\"voucher_id\",\"campaign_id\",\"details\","
			+ "\"related_transaction_id\",\"source\"]}";

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	@Test
	void theExportCreatedIsTheOneFoundDone() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		JsonNode created = Json.parse(
				TestClients
					.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/transactions/export",
							"{\"parameters\":" + ALL_FIELDS + "}")
					.body());

		JsonNode found = Exports.get(voucherify.emulator(), created.get("id").asString());

		assertThat(created.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(found.get("status").asString()).isEqualTo("DONE");
		assertThat(Json.without(found, "status", "result")).isEqualTo(Json.without(created, "status", "result"));
	}

	@Test
	void aDoneExportHasTheKeysOfTheSpecExample() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("get-export-200-done-voucher-transactions.COMPOSED.json"));
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		JsonNode export = Exports.get(voucherify.emulator(),
				Exports.create(voucherify.emulator(), "GIFT-1", ALL_FIELDS));

		assertThat(export.propertyNames()).containsExactlyElementsOf(example.propertyNames());
		assertThat(Json.without(export.get("parameters"), "filters"))
			.isEqualTo(Json.without(example.get("parameters"), "filters"));
		assertThat(export.at("/parameters/filters/voucher_id/conditions/$in")).singleElement()
			.extracting(JsonNode::asString)
			.isEqualTo("GIFT-1");
		assertThat(export.get("user_id").isNull()).isTrue();
	}

	@Test
	void aDoneExportsUrlIsOnTheDownloadHostWithAToken() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		assertThat(Exports.url(voucherify.emulator(), id))
			.matches(Pattern.quote(voucherify.emulator().downloadBaseUrl() + "/v1/exports/" + id + "?token=")
					+ "[A-Za-z0-9]{32}");
	}

	@Test
	void everyExportHasItsOwnToken() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		String first = Exports.url(voucherify.emulator(), Exports.create(voucherify.emulator(), "GIFT-1", null));
		String second = Exports.url(voucherify.emulator(), Exports.create(voucherify.emulator(), "GIFT-1", null));

		assertThat(first.substring(first.indexOf("?token="))).isNotEqualTo(second.substring(second.indexOf("?token=")));
	}

	@Test
	void withATokenTheApiHostStillAnswersGetExport() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);
		String url = Exports.url(voucherify.emulator(), id);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET",
				"/v1/exports/" + id + url.substring(url.indexOf('?')), null);

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json; charset=utf-8");
		assertThat(Json.parse(response.body()).get("id").asString()).isEqualTo(id);
	}

	@Test
	void anUnknownExportIsNotFoundAsInTheSpecExample() throws IOException {
		JsonNode example = Json.read(EXAMPLES.resolve("error-404-export-not-found.json"));

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET",
				"/v1/exports/exp_8fNoLwgVPuhoxNzVsr50kq0", null);

		assertThat(response.statusCode()).isEqualTo(404);
		JsonNode error = Json.parse(response.body());
		assertThat(error.propertyNames()).containsExactlyElementsOf(example.propertyNames());
		assertThat(Json.without(error, "request_id")).isEqualTo(Json.without(example, "request_id"));
	}

	@Test
	void resetForgetsTheExports() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		voucherify.emulator().reset();

		assertThat(TestClients.raw(voucherify.emulator(), "GET", "/v1/exports/" + id, null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void getExportNeedsTheCredentials() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		assertThat(TestClients.anonymous(voucherify.emulator(), "GET", "/v1/exports/" + id).statusCode())
			.isEqualTo(401);
	}

	@Test
	void anExportIsOnlyReadOnTheApiHost() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		assertThat(TestClients.raw(voucherify.emulator(), "DELETE", "/v1/exports/" + id, null).statusCode())
			.isEqualTo(405);
	}

}
