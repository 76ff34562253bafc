package io.voucherify.spring.test;

import java.net.http.HttpResponse;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Codes travel as one strictly percent-encoded path segment and are matched exactly as
 * decoded, case kept.
 */
class CodeEncodingTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@ParameterizedTest
	@ValueSource(strings = { "A/B", "50%OFF", "%41", "C#1", "WHAT?", "A+B", "SPACE CODE", "a&b=c", "ZAŻÓŁĆ", "日本語",
			"🎁GIFT", "..", "semi;colon", "MixedCase" })
	void everyOperationFindsACodeWithSpecialCharacters(String code) {
		voucherify.emulator().createGiftCard(code, 1000);

		assertThat(this.vouchers.getVoucher(code).code()).isEqualTo(code);
		assertThat(this.vouchers.disableVoucher(code).active()).isFalse();
		assertThat(this.vouchers.updateVoucherBalance(code, BalanceUpdateRequest.add(1)).balance()).isEqualTo(1001L);
		assertThat(this.vouchers.listVoucherTransactions(code).data()).hasSize(1);
		assertThat(this.vouchers.exportVoucherTransactions(code).parameters().filters().voucherId().conditions().in())
			.containsExactly(code);
		this.vouchers.deleteVoucher(code, true);
		assertThat(voucherify.emulator().voucher(code)).isEmpty();
	}

	@Test
	void anEncodedSlashIsPartOfTheCode() {
		voucherify.emulator().createGiftCard("A/B", 1000);

		HttpResponse<String> encoded = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/A%2FB", null);
		HttpResponse<String> unencoded = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/A/B", null);

		assertThat(encoded.statusCode()).isEqualTo(200);
		assertThat(Json.parse(encoded.body()).get("code").asString()).isEqualTo("A/B");
		assertThat(unencoded.statusCode()).isEqualTo(404);
	}

	@Test
	void aPlusInThePathIsAPlusNotASpace() {
		voucherify.emulator().createGiftCard("A B", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/A+B", null);

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(Json.parse(response.body()).get("resource_id").asString()).isEqualTo("A+B");
	}

	@Test
	void anEscapeThatIsNotUtf8IsABadRequest() {
		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/%C3%28", null);

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("malformed_path");
	}

	@Test
	void aLoneHighByteEscapeIsABadRequest() {
		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/GIFT%FF", null);

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void aCodeDiffersFromTheSameCodeInAnotherCase() {
		voucherify.emulator().createGiftCard("ÉTÉ", 1000);

		assertThatExceptionOfType(VoucherifyNotFoundException.class).isThrownBy(() -> this.vouchers.getVoucher("été"));
	}

}
