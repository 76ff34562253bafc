package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An export over a job duration of ten seconds, on a clock the tests move:
 * {@code SCHEDULED} for the first quarter, then {@code IN_PROGRESS}, then {@code DONE},
 * when the transactions are taken and the file can be downloaded.
 */
class ExportProgressTests {

	private static final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().jobDuration(Duration.ofSeconds(10)).clock(clock));

	@BeforeEach
	void giftCard() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
	}

	@Test
	void anExportIsScheduledFirst() {
		JsonNode export = Exports.get(voucherify.emulator(), Exports.create(voucherify.emulator(), "GIFT-1", null));

		assertThat(export.get("status").asString()).isEqualTo("SCHEDULED");
		assertThat(export.get("result").isNull()).isTrue();
	}

	@Test
	void anExportIsInProgressAfterTheFirstQuarter() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		clock.advance(Duration.ofMillis(2500));
		JsonNode export = Exports.get(voucherify.emulator(), id);

		assertThat(export.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(export.get("result").isNull()).isTrue();
	}

	@Test
	void anExportIsDoneAtTheEndOfTheJobDuration() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		clock.advance(Duration.ofMillis(9999));
		JsonNode almost = Exports.get(voucherify.emulator(), id);
		clock.advance(Duration.ofMillis(1));
		JsonNode done = Exports.get(voucherify.emulator(), id);

		assertThat(almost.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.at("/result/url").asString())
			.startsWith(voucherify.emulator().downloadBaseUrl() + "/v1/exports/" + id + "?token=");
	}

	@Test
	void theTransactionsAreTakenWhenTheExportIsDone() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", "{\"fields\":[\"reason\"]}");
		clock.advance(Duration.ofSeconds(5));
		updateBalance("while the export runs");
		clock.advance(Duration.ofSeconds(5));
		String file = Exports.download(voucherify.emulator(), id);
		updateBalance("after the export is done");

		assertThat(Exports.records(file)).containsExactly(List.of("Reason"), List.of("while the export runs"));
		assertThat(Exports.records(Exports.download(voucherify.emulator(), id))).hasSize(2);
	}

	@Test
	void anExportThatIsNotDoneHasNoFileToDownload() {
		String id = Exports.create(voucherify.emulator(), "GIFT-1", null);

		HttpResponse<String> response = TestClients
			.get(voucherify.emulator().downloadBaseUrl() + "/v1/exports/" + id + "?token=guessed");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	private static void updateBalance(String reason) {
		TestClients.vouchers(voucherify.emulator())
			.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100).withReason(reason));
	}

}
