package io.voucherify.spring.test;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.Voucher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /v1/vouchers/{code}/enable} and {@code /disable}.
 */
class EnableDisableTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void disablingReturnsTheVoucherInactive() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		Voucher voucher = this.vouchers.disableVoucher("GIFT-1");

		assertThat(voucher.code()).isEqualTo("GIFT-1");
		assertThat(voucher.active()).isFalse();
		assertThat(voucher.updatedAt()).isNotNull();
	}

	@Test
	void disablingIsKeptByTheEmulator() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		this.vouchers.disableVoucher("GIFT-1");

		assertThat(voucherify.emulator().voucher("GIFT-1")).get().extracting(EmulatedVoucher::active).isEqualTo(false);
		assertThat(this.vouchers.getVoucher("GIFT-1").active()).isFalse();
	}

	@Test
	void enablingReturnsTheVoucherActiveAgain() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		this.vouchers.disableVoucher("GIFT-1");

		Voucher voucher = this.vouchers.enableVoucher("GIFT-1");

		assertThat(voucher.active()).isTrue();
		assertThat(voucherify.emulator().voucher("GIFT-1")).get().extracting(EmulatedVoucher::active).isEqualTo(true);
	}

	@Test
	void enablingAnActiveVoucherLeavesItActive() {
		voucherify.emulator().createDiscountVoucher("10OFF", 1000);

		assertThat(this.vouchers.enableVoucher("10OFF").active()).isTrue();
	}

	@Test
	void enablingAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.enableVoucher("NO-SUCH-CODE"))
			.satisfies((ex) -> assertThat(ex.getResourceId()).isEqualTo("NO-SUCH-CODE"));
	}

	@Test
	void disablingAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.disableVoucher("NO-SUCH-CODE"));
	}

}
