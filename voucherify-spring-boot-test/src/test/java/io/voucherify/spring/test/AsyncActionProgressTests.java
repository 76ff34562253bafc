package io.voucherify.spring.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The async action of a CSV import over a job duration of ten seconds, on a clock the
 * tests move: {@code ENQUEUED} for the first quarter, then {@code IN_PROGRESS}, then
 * {@code DONE}, when the rows are applied.
 */
class AsyncActionProgressTests {

	private static final String GIFT_CARDS = "Code,Voucher Type,Value\nJOB-1,GIFT_VOUCHER,100\nJOB-2,GIFT_VOUCHER,200\n";

	private static final MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00Z"));

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().jobDuration(Duration.ofSeconds(10)).clock(clock));

	@Test
	void anImportIsEnqueuedFirst() {
		JsonNode action = asyncAction(voucherify.emulator(), TestClients.importCsv(voucherify.emulator(), GIFT_CARDS));

		assertThat(action.get("status").asString()).isEqualTo("ENQUEUED");
		assertThat(action.get("progress").asInt()).isZero();
		assertThat(action.get("updated_at")).isEqualTo(action.get("created_at"));
		assertThat(action.has("result")).isFalse();
		assertThat(action.has("processing_time")).isFalse();
	}

	@Test
	void anImportIsInProgressAfterTheFirstQuarterWithAGrowingProgress() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		clock.advance(Duration.ofMillis(2500));
		JsonNode started = asyncAction(voucherify.emulator(), id);
		clock.advance(Duration.ofMillis(3750));
		JsonNode halfway = asyncAction(voucherify.emulator(), id);

		assertThat(started.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(started.get("progress").asInt()).isZero();
		assertThat(halfway.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(halfway.get("progress").asInt()).isEqualTo(50);
		assertThat(halfway.has("result")).isFalse();
		assertThat(Timestamps.parse(halfway.get("updated_at").asString()))
			.isEqualTo(Timestamps.parse(halfway.get("created_at").asString()).plusMillis(6250));
	}

	@Test
	void anImportIsDoneAtTheEndOfTheJobDuration() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		clock.advance(Duration.ofMillis(9999));
		JsonNode almost = asyncAction(voucherify.emulator(), id);
		clock.advance(Duration.ofMillis(1));
		JsonNode done = asyncAction(voucherify.emulator(), id);

		assertThat(almost.get("status").asString()).isEqualTo("IN_PROGRESS");
		assertThat(almost.get("progress").asInt()).isEqualTo(99);
		assertThat(done.get("status").asString()).isEqualTo("DONE");
		assertThat(done.get("progress").asInt()).isEqualTo(100);
		assertThat(done.get("processing_time").asLong()).isEqualTo(10_000);
		assertThat(done.at("/result/done_count").asInt()).isEqualTo(2);
	}

	@Test
	void theRowsAreAppliedOnlyWhenTheActionIsDone() {
		TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		clock.advance(Duration.ofMillis(9999));
		boolean importedBeforeDone = voucherify.emulator().voucher("JOB-1").isPresent();
		clock.advance(Duration.ofMillis(1));

		assertThat(importedBeforeDone).isFalse();
		assertThat(voucherify.emulator().voucher("JOB-1")).isPresent();
	}

	@Test
	void theApiDoesNotFindTheVouchersBeforeTheActionIsDone() {
		TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		assertThat(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/JOB-1", null).statusCode())
			.isEqualTo(404);
	}

	@Test
	void importedVouchersAreCreatedWhenTheActionIsDone() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);
		clock.advance(Duration.ofSeconds(30));

		JsonNode action = asyncAction(voucherify.emulator(), id);
		JsonNode voucher = TestClients.getJson(voucherify.emulator(), "/v1/vouchers/JOB-1");

		assertThat(voucher.get("created_at")).isEqualTo(action.get("updated_at"));
	}

	@Test
	void theRowsAreAppliedOnce() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);
		String id = TestClients.importCsv(voucherify.emulator(), "Code,Active\nGIFT-1,FALSE\n");
		clock.advance(Duration.ofSeconds(10));
		TestClients.vouchers(voucherify.emulator()).enableVoucher("GIFT-1");

		clock.advance(Duration.ofSeconds(10));
		asyncAction(voucherify.emulator(), id);

		assertThat(voucherify.emulator().voucher("GIFT-1")).get().extracting(EmulatedVoucher::active).isEqualTo(true);
	}

	@Test
	void aRowIsCheckedAgainstTheVouchersWhenTheActionIsDone() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);
		String id = TestClients.importCsv(voucherify.emulator(), "Code,Voucher Type,Value\nGIFT-1,GIFT_VOUCHER,1\n");
		TestClients.vouchers(voucherify.emulator()).deleteVoucher("GIFT-1");

		clock.advance(Duration.ofSeconds(10));

		assertThat(asyncAction(voucherify.emulator(), id).at("/result/failed/0/reason").asString())
			.contains("in the bin");
	}

	@Test
	void importsAreDoneInTheOrderTheyWereAccepted() {
		String first = TestClients.importCsv(voucherify.emulator(), "Code,Voucher Type,Value\nJOB-1,GIFT_VOUCHER,1\n");
		clock.advance(Duration.ofSeconds(1));
		String second = TestClients.importCsv(voucherify.emulator(), "Code,Voucher Type,Value\nJOB-1,LOYALTY_CARD,1\n");

		clock.advance(Duration.ofSeconds(10));

		assertThat(asyncAction(voucherify.emulator(), first).at("/result/done_count").asInt()).isEqualTo(1);
		assertThat(asyncAction(voucherify.emulator(), second).at("/result/failed/0/reason").asString())
			.contains("is a GIFT_VOUCHER");
	}

	@Test
	void resetForgetsAnActionThatIsNotDone() {
		String id = TestClients.importCsv(voucherify.emulator(), GIFT_CARDS);

		voucherify.emulator().reset();
		clock.advance(Duration.ofSeconds(10));

		assertThat(voucherify.emulator().voucher("JOB-1")).isEmpty();
		assertThat(TestClients.raw(voucherify.emulator(), "GET", "/v1/async-actions/" + id, null).statusCode())
			.isEqualTo(404);
	}

	private static JsonNode asyncAction(VoucherifyEmulator emulator, String id) {
		return AsyncActionTests.asyncAction(emulator, id);
	}

}
