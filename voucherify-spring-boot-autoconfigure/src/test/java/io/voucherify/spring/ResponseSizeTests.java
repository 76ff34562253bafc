package io.voucherify.spring;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyServerException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.util.unit.DataSize;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code maxResponseSize} is the largest answer read into memory, to the byte; the
 * hostile cases are in {@link ResponseSizeLimitIT}.
 */
class ResponseSizeTests {

	private static final DataSize LIMIT = DataSize.ofKilobytes(4);

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl()).maxResponseSize(LIMIT).build();

	@Test
	void anAnswerOfExactlyTheLimitIsRead() {
		wireMock.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(padded((int) LIMIT.toBytes()))));

		assertThat(this.vouchers.getVoucher("GIFT-1").code()).isEqualTo("GIFT-1");
	}

	@Test
	void anAnswerOneByteOverTheLimitIsRefused() {
		wireMock.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(padded((int) LIMIT.toBytes() + 1))));

		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("GIFT-1"))
			.withMessageContaining("larger than the client reads into memory (4096 bytes")
			.withMessageContaining("voucherify.max-response-size")
			.satisfies((ex) -> assertThat(ex.getStatusCode()).isEqualTo(200));
	}

	@Test
	void anErrorBodyKeepsItsOwnSmallerCap() {
		wireMock.stubFor(get("/v1/vouchers/GIFT-1").willReturn(aResponse().withStatus(500).withBody("x".repeat(3000))));

		assertThatExceptionOfType(VoucherifyServerException.class).isThrownBy(() -> this.vouchers.getVoucher("GIFT-1"))
			.satisfies((ex) -> assertThat(ex.getResponseBody()).hasSize(3000));
	}

	@Test
	void aLimitBelowOneKilobyteIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder()
				.appId("app")
				.secretKey("secret")
				.maxResponseSize(DataSize.ofBytes(1023))
				.build())
			.withMessageContaining("maxResponseSize");
	}

	/** A voucher whose JSON is exactly {@code size} bytes. */
	private static String padded(int size) {
		String json = "{\"code\":\"GIFT-1\"}";
		return json.substring(0, json.length() - 1) + " ".repeat(size - json.length()) + "}";
	}

}
