package io.voucherify.spring.test.readme;

import java.time.Duration;

import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.test.EmulatedVoucher;
import io.voucherify.spring.test.VoucherifyEmulator;
import io.voucherify.spring.test.VoucherifyEmulatorExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

// tag::rate-limit[]
class RateLimitedGiftCardTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().rateLimit(2, Duration.ofHours(1)));

	@Test
	void theThirdCallOfTheHourIsRejectedAndChangesNothing() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);
		try (VouchersTemplate vouchers = VouchersTemplate.builder()
			.baseUrl(voucherify.emulator().baseUrl())
			.appId(voucherify.emulator().appId())
			.secretKey(voucherify.emulator().secretKey())
			.retry(VoucherifyRetrySettings.disabled())
			.build()) {
			vouchers.getVoucher("GIFT-1");
			vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1500));

			assertThatExceptionOfType(VoucherifyRateLimitException.class)
				.isThrownBy(() -> vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1500)))
				.satisfies((ex) -> assertThat(ex.getRetryAfter()).isPositive());
		}

		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(3500L);
		assertThat(voucherify.emulator().rateLimitStats().rejectedCalls()).isEqualTo(1);
	}

}
// end::rate-limit[]
