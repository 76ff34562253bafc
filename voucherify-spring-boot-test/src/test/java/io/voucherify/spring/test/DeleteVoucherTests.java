package io.voucherify.spring.test;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * {@code DELETE /v1/vouchers/{code}?force=}: the bin, or gone for good.
 */
class DeleteVoucherTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void deletingAnswersNoContent() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		ResponseEntity<Void> response = this.vouchers.deleteVoucherWithHttpInfo("GIFT-1");

		assertThat(response.getStatusCode().value()).isEqualTo(204);
		assertThat(response.getBody()).isNull();
	}

	@Test
	void deletingWithoutForceMovesTheVoucherToTheBin() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		this.vouchers.deleteVoucher("GIFT-1");

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("GIFT-1"));
		assertThat(voucherify.emulator().voucher("GIFT-1")).get().extracting(EmulatedVoucher::deleted).isEqualTo(true);
	}

	@Test
	void aVoucherInTheBinKeepsItsCodeTaken() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		this.vouchers.deleteVoucher("GIFT-1", false);

		assertThatIllegalStateException().isThrownBy(() -> voucherify.emulator().createGiftCard("GIFT-1", 100));
	}

	@Test
	void aCodeInTheBinCannotBeImportedAgain() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		this.vouchers.deleteVoucher("GIFT-1", false);

		String id = TestClients.importCsv(voucherify.emulator(), "Code,Voucher Type,Value\nGIFT-1,GIFT_VOUCHER,500\n");

		assertThat(TestClients.getJson(voucherify.emulator(), "/v1/async-actions/" + id)
			.at("/result/failed/0/reason")
			.asString()).isEqualTo(
					"Code GIFT-1 belongs to a deleted voucher in the bin; delete it with force=true to reuse the code");
		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.satisfies((voucher) -> assertThat(voucher.deleted()).isTrue())
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(100L);
	}

	@Test
	void aVoucherInTheBinCannotBeDeletedAgain() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		this.vouchers.deleteVoucher("GIFT-1");

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.deleteVoucher("GIFT-1", true));
	}

	@Test
	void forceDeletingRemovesTheVoucherForGood() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		this.vouchers.deleteVoucher("GIFT-1", true);

		assertThat(voucherify.emulator().voucher("GIFT-1")).isEmpty();
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("GIFT-1"));
	}

	@Test
	void forceDeletingFreesTheCodeForANewVoucher() {
		EmulatedVoucher first = voucherify.emulator().createGiftCard("GIFT-1", 100);
		this.vouchers.deleteVoucher("GIFT-1", true);

		EmulatedVoucher second = voucherify.emulator().createLoyaltyCard("GIFT-1", 50);

		assertThat(second.id()).isNotEqualTo(first.id());
		assertThat(this.vouchers.getVoucher("GIFT-1").loyaltyCard().points()).isEqualTo(50L);
		assertThat(voucherify.emulator().transactions("GIFT-1")).isEmpty();
	}

	@Test
	void deletingAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.deleteVoucher("10OFF"))
			.satisfies((ex) -> {
				assertThat(ex.getDetails()).isEqualTo("Cannot find voucher with id 10OFF");
				assertThat(ex.getResourceType()).isEqualTo("voucher");
			});
	}

	@Test
	void aForceValueOtherThanTrueOrFalseIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		assertThat(TestClients.raw(voucherify.emulator(), "DELETE", "/v1/vouchers/GIFT-1?force=yes", null).statusCode())
			.isEqualTo(400);
		assertThat(voucherify.emulator().voucher("GIFT-1")).get().extracting(EmulatedVoucher::deleted).isEqualTo(false);
	}

}
