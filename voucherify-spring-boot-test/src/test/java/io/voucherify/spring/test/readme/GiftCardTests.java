package io.voucherify.spring.test.readme;

import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.test.EmulatedTransaction;
import io.voucherify.spring.test.EmulatedVoucher;
import io.voucherify.spring.test.VoucherifyEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

// tag::junit-extension[]
class GiftCardTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	@Test
	void spendsFromAGiftCard() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);
		try (VouchersTemplate vouchers = VouchersTemplate.builder()
			.baseUrl(voucherify.emulator().baseUrl())
			.appId(voucherify.emulator().appId())
			.secretKey(voucherify.emulator().secretKey())
			.build()) {

			vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1500).withSourceId("order-1"));
		}

		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(3500L);
		assertThat(voucherify.emulator().transactions("GIFT-1")).singleElement()
			.extracting(EmulatedTransaction::type)
			.isEqualTo("CREDITS_REMOVAL");
	}

}
// end::junit-extension[]
