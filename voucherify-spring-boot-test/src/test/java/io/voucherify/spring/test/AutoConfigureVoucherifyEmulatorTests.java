package io.voucherify.spring.test;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.core.env.Environment;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link AutoConfigureVoucherifyEmulator} on a {@code @SpringBootTest}: no
 * {@code voucherify.*} property is set, yet the auto-configured client works.
 */
@SpringBootTest(classes = EmulatorTestApplication.class)
@AutoConfigureVoucherifyEmulator(seed = { "classpath:vouchers.json", "classpath:vouchers.csv" })
class AutoConfigureVoucherifyEmulatorTests {

	@Autowired
	private VouchersOperations vouchers;

	@Autowired
	private VoucherifyEmulator emulator;

	@Autowired
	private ApplicationContext context;

	@BeforeEach
	void reset() {
		this.emulator.reset();
	}

	@Test
	void theAutoConfiguredClientTalksToTheEmulator() {
		this.emulator.createGiftCard("GIFT-SPRING", 2500);

		assertThat(this.vouchers.getVoucher("GIFT-SPRING").gift().balance()).isEqualTo(2500L);
	}

	@Test
	void theSeedFilesAreLoaded() {
		assertThat(this.vouchers.getVoucher("SEED-GIFT").gift().balance()).isEqualTo(7500L);
		assertThat(this.vouchers.getVoucher("CSV-GIFT").gift().balance()).isEqualTo(4000L);
	}

	@Test
	void changesThroughTheClientShowInTheEmulator() {
		this.vouchers.updateVoucherBalance("SEED-GIFT", BalanceUpdateRequest.remove(500).withSourceId("order-1"));

		assertThat(this.emulator.voucher("SEED-GIFT")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(7000L);
		assertThat(this.emulator.transactions("SEED-GIFT")).singleElement()
			.extracting(EmulatedTransaction::sourceId)
			.isEqualTo("order-1");
	}

	@Test
	void theConnectionDetailsAreTheEmulators() {
		VoucherifyConnectionDetails connectionDetails = this.context.getBean(VoucherifyConnectionDetails.class);

		assertThat(connectionDetails.getBaseUrl()).isEqualTo(this.emulator.baseUrl());
		assertThat(connectionDetails.getAppId()).isEqualTo(this.emulator.appId());
		assertThat(connectionDetails.getSecretKey()).isEqualTo(this.emulator.secretKey());
	}

	@Test
	void noVoucherifyPropertyIsNeeded(@Autowired Environment environment) {
		assertThat(environment.getProperty("voucherify.app-id")).isNull();
		assertThat(environment.getProperty("voucherify.secret-key")).isNull();
		assertThat(this.emulator.isRunning()).isTrue();
	}

	@Nested
	class InANestedClass {

		@Autowired
		private VoucherifyEmulator nestedEmulator;

		@Test
		void theEnclosingClassesEmulatorIsShared() {
			assertThat(this.nestedEmulator).isSameAs(AutoConfigureVoucherifyEmulatorTests.this.emulator);
		}

	}

}
