package io.voucherify.spring.test.readme;

import io.voucherify.spring.test.AutoConfigureVoucherifyEmulator;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

// tag::emulator-test[]
@SpringBootTest
@AutoConfigureVoucherifyEmulator(seed = "classpath:vouchers.json")
class CheckoutTests {

	@Autowired
	VoucherifyEmulator voucherify; // seed and inspect

	@Autowired
	Checkout checkout; // your code, on the auto-configured client talking to the emulator

	@BeforeEach
	void reset() {
		this.voucherify.reset(); // contexts are cached: so is their emulator
	}

	@Test
	void paysWithAGiftCard() {
		this.voucherify.createGiftCard("GIFT-1", 5000);

		this.checkout.pay("order-1", "GIFT-1", 1200);

		assertThat(this.voucherify.voucher("GIFT-1"))
			.hasValueSatisfying((card) -> assertThat(card.giftBalance()).isEqualTo(3800L));
	}

}
// end::emulator-test[]
