package io.voucherify.spring.test;

import java.net.http.HttpResponse;

import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.Voucher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Credentials ({@code X-App-Id}, {@code X-App-Token}) and the rate-limit headers.
 */
class AuthenticationTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().appId("my-app").secretKey("my-secret"));

	@Test
	void acceptsTheConfiguredCredentials() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		assertThat(TestClients.vouchers(voucherify.emulator()).getVoucher("GIFT-1").code()).isEqualTo("GIFT-1");
	}

	@Test
	void aWrongSecretKeyIsUnauthorized() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(
					() -> TestClients.builder(voucherify.emulator()).secretKey("wrong").build().getVoucher("GIFT-1"))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(401);
				assertThat(ex.getKey()).isEqualTo("unauthorized");
				assertThat(ex.getErrorMessage()).isEqualTo("Unauthorized");
			});
	}

	@Test
	void aWrongAppIdIsUnauthorized() {
		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(() -> TestClients.builder(voucherify.emulator()).appId("wrong").build().getVoucher("GIFT-1"));
	}

	@Test
	void missingCredentialsAreUnauthorizedWithVoucherifysBody() {
		HttpResponse<String> response = TestClients.anonymous(voucherify.emulator(), "GET", "/v1/vouchers/GIFT-1");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(Json.parse(response.body()))
			.isEqualTo(Json.parse("{\"code\":401,\"message\":\"Unauthorized\",\"key\":\"unauthorized\"}"));
	}

	@Test
	void credentialsAreCheckedBeforeTheCode() {
		HttpResponse<String> response = TestClients.anonymous(voucherify.emulator(), "DELETE",
				"/v1/vouchers/NO-SUCH-CODE");

		assertThat(response.statusCode()).isEqualTo(401);
	}

	@Test
	void aSuccessfulAnswerCarriesTheRateLimitHeaders() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		ResponseEntity<Voucher> response = TestClients.vouchers(voucherify.emulator()).getVoucherWithHttpInfo("GIFT-1");

		assertThat(response.getHeaders().getFirst("X-Rate-Limit-Limit")).isEqualTo("2000");
		assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).containsOnlyDigits();
	}

	@Test
	void anErrorAnswerCarriesTheRateLimitHeaders() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> TestClients.vouchers(voucherify.emulator()).getVoucher("NO-SUCH-CODE"))
			.satisfies((ex) -> {
				assertThat(ex.getResponseHeaders().getFirst("X-Rate-Limit-Limit")).isEqualTo("2000");
				assertThat(ex.getResponseHeaders().getFirst("X-Rate-Limit-Remaining")).containsOnlyDigits();
			});
	}

	@Test
	void anUnauthorizedAnswerCarriesTheRateLimitHeaders() {
		HttpResponse<String> response = TestClients.anonymous(voucherify.emulator(), "GET", "/v1/vouchers/GIFT-1");

		assertThat(response.headers().firstValue("X-Rate-Limit-Remaining")).isPresent();
	}

	@Test
	void theRemainingCallsGoDownWithEachCall() {
		HttpResponse<String> first = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/X", null);
		HttpResponse<String> second = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/X", null);

		long before = Long.parseLong(first.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
		long after = Long.parseLong(second.headers().firstValue("X-Rate-Limit-Remaining").orElseThrow());
		assertThat(after).isLessThan(before);
	}

}
