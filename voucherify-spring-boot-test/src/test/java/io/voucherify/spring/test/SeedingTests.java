package io.voucherify.spring.test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Seeding (builder, JSON and CSV files), inspection and reset.
 */
class SeedingTests {

	@Test
	void seedsFromAJsonFile() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder()
			.seed(new ClassPathResource("vouchers.json"))
			.build()) {
			assertThat(emulator.voucher("SEED-GIFT")).get().satisfies((gift) -> {
				assertThat(gift.type()).isEqualTo("GIFT_VOUCHER");
				assertThat(gift.giftBalance()).isEqualTo(7500L);
				assertThat(gift.metadata()).containsEntry("origin", "json").containsEntry("tier", 2);
			});
			assertThat(emulator.voucher("SEED-LOYALTY")).get()
				.extracting(EmulatedVoucher::loyaltyPoints)
				.isEqualTo(1200L);
			assertThat(emulator.voucher("SEED-PERCENT")).get().extracting(EmulatedVoucher::active).isEqualTo(false);
		}
	}

	@Test
	void seedsFromACsvFileOnDisk(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("seed.csv");
		Files.copy(new ClassPathResource("vouchers.csv").getInputStream(), csv);

		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder().seed(csv).build()) {
			assertThat(emulator.voucher("CSV-GIFT")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(4000L);
			assertThat(emulator.voucher("CSV-LOYALTY")).get()
				.extracting(EmulatedVoucher::loyaltyPoints)
				.isEqualTo(300L);
			assertThat(emulator.csvImports()).isEmpty();
		}
	}

	@Test
	void aFileWithoutAKnownExtensionIsSniffed() {
		ByteArrayResource json = new ByteArrayResource(
				"  [{\"code\":\"SNIFFED\",\"gift\":{\"amount\":5}}]".getBytes(StandardCharsets.UTF_8));

		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			emulator.load(json);

			assertThat(emulator.voucher("SNIFFED")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(5L);
		}
	}

	@Test
	void aJsonSeedMayHoldSessions() {
		ByteArrayResource json = new ByteArrayResource(("{\"vouchers\":[{\"code\":\"G\",\"gift\":{\"amount\":5}}],"
				+ "\"sessions\":[{\"code\":\"G\",\"key\":\"ssn_g\"}]}")
			.getBytes(StandardCharsets.UTF_8));

		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder().seed(json).build()) {
			TestClients.vouchers(emulator).releaseValidationSession("G", "ssn_g");
		}
	}

	@Test
	void anInvalidSeedFailsTheStartWithTheReason() {
		ByteArrayResource json = new ByteArrayResource(
				"[{\"code\":\"BAD\",\"type\":\"GIFT_VOUCHER\"}]".getBytes(StandardCharsets.UTF_8));

		assertThatIllegalArgumentException().isThrownBy(() -> VoucherifyEmulator.builder().seed(json).build())
			.withMessageContaining("voucher #1")
			.withMessageContaining("'gift'");
	}

	@Test
	void anInvalidJsonSeedLoadsNothing() {
		ByteArrayResource json = new ByteArrayResource(
				"[{\"code\":\"OK\",\"gift\":{\"amount\":5}},{\"code\":\"BAD\"}]".getBytes(StandardCharsets.UTF_8));

		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.load(json));
			assertThat(emulator.voucher("OK")).isEmpty();
		}
	}

	@Test
	void aCsvSeedWithABadRowFailsTheStartNamingTheRowAndLoadsNothing() {
		ByteArrayResource csv = new ByteArrayResource(
				"Code,Voucher Type,Value\nOK,GIFT_VOUCHER,5\nBAD,GIFT_VOUCHER,abc\n".getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "seed.csv";
			}

		};

		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			assertThatIllegalArgumentException().isThrownBy(() -> emulator.load(csv))
				.withMessageContaining("row 2 (BAD): Value must be a number, was 'abc'");
			assertThat(emulator.voucher("OK")).isEmpty();
		}
	}

	@Test
	void aNegativeJobDurationIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().jobDuration(Duration.ofSeconds(-1)))
			.withMessageContaining("jobDuration");
	}

	@Test
	void resetGoesBackToTheSeededState() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder()
			.seed(new ClassPathResource("vouchers.json"))
			.build()) {
			VouchersOperations vouchers = TestClients.vouchers(emulator);
			vouchers.updateVoucherBalance("SEED-GIFT", BalanceUpdateRequest.remove(500));
			emulator.createGiftCard("EXTRA", 1);

			emulator.reset();

			assertThat(emulator.voucher("SEED-GIFT")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(7500L);
			assertThat(emulator.transactions("SEED-GIFT")).isEmpty();
			assertThat(emulator.voucher("EXTRA")).isEmpty();
		}
	}

	@Test
	void aTakenCodeCannotBeCreatedAgain() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			emulator.createGiftCard("GIFT-1", 1);

			assertThatIllegalStateException().isThrownBy(() -> emulator.createDiscountVoucher("GIFT-1", 1))
				.withMessageContaining("GIFT-1");
		}
	}

	@Test
	void aSnapshotDoesNotChangeAfterwards() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			EmulatedVoucher before = emulator.createGiftCard("GIFT-1", 100);

			TestClients.vouchers(emulator).updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1));

			assertThat(before.giftBalance()).isEqualTo(100L);
			assertThat(emulator.voucher("GIFT-1")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(101L);
		}
	}

	@Test
	void transactionsOfAnUnknownCodeAreEmpty() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			assertThat(emulator.transactions("NO-SUCH-CODE")).isEmpty();
		}
	}

	@Test
	void listensOnTheLoopbackAddressWithTheDefaultCredentials() {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
			assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + emulator.port());
			assertThat(emulator.appId()).isEqualTo("emulator-app-id");
			assertThat(emulator.secretKey()).isEqualTo("emulator-secret-key");
			assertThat(emulator.connectionDetails().getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(emulator.connectionDetails().toString()).doesNotContain(emulator.secretKey());
		}
	}

	@Test
	void aClosedEmulatorNoLongerRuns() {
		VoucherifyEmulator emulator = VoucherifyEmulator.start();

		emulator.close();
		emulator.close();

		assertThat(emulator.isRunning()).isFalse();
	}

}
