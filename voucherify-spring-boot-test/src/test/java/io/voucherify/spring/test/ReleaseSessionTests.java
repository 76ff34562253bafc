package io.voucherify.spring.test;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code DELETE /v1/vouchers/{code}/sessions/{sessionKey}}.
 */
class ReleaseSessionTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void releasingASeededSessionAnswersNoContent() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		voucherify.emulator().createSession("GIFT-1", "ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts");

		ResponseEntity<Void> response = this.vouchers.releaseValidationSessionWithHttpInfo("GIFT-1",
				"ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts");

		assertThat(response.getStatusCode().value()).isEqualTo(204);
	}

	@Test
	void aReleasedSessionIsGone() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		voucherify.emulator().createSession("GIFT-1", "ssn_1");
		this.vouchers.releaseValidationSession("GIFT-1", "ssn_1");

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.releaseValidationSession("GIFT-1", "ssn_1"));
	}

	@Test
	void anUnknownSessionIsNotFoundAsASession() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.releaseValidationSession("GIFT-1", "Enigma-Session"))
			.satisfies((ex) -> {
				assertThat(ex.getKey()).isEqualTo("not_found");
				assertThat(ex.getErrorMessage()).isEqualTo("Resource not found");
				assertThat(ex.getDetails()).isEqualTo("Cannot find session with id Enigma-Session");
				assertThat(ex.getResourceId()).isEqualTo("Enigma-Session");
				assertThat(ex.getResourceType()).isEqualTo("session");
			});
	}

	@Test
	void aSessionOfAnotherVoucherIsNotFound() {
		voucherify.emulator().createGiftCard("GIFT-1", 100);
		voucherify.emulator().createGiftCard("GIFT-2", 100);
		voucherify.emulator().createSession("GIFT-1", "ssn_1");

		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.releaseValidationSession("GIFT-2", "ssn_1"))
			.satisfies((ex) -> assertThat(ex.getResourceType()).isEqualTo("session"));
	}

	@Test
	void aSessionOnAnUnknownVoucherIsNotFoundAsAVoucher() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.releaseValidationSession("NO-SUCH-CODE", "ssn_1"))
			.satisfies((ex) -> assertThat(ex.getResourceType()).isEqualTo("voucher"));
	}

	@Test
	void aSessionKeyWithReservedCharactersIsDecodedLikeACode() {
		voucherify.emulator().createGiftCard("GIFT/1", 100);
		voucherify.emulator().createSession("GIFT/1", "ssn/with ?#%");

		assertThat(this.vouchers.releaseValidationSessionWithHttpInfo("GIFT/1", "ssn/with ?#%").getStatusCode().value())
			.isEqualTo(204);
	}

	@Test
	void aSessionCannotBeSeededOnAnUnknownVoucher() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> voucherify.emulator().createSession("NO-SUCH-CODE", "ssn_1"));
	}

}
