package io.voucherify.spring;

import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.model.VoucherTransaction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A paging cursor that does not advance ends the stream with a typed exception after a
 * couple of requests, instead of spending the project's quota on one page forever.
 */
@Timeout(10)
class TransactionCursorTests {

	private static final String TRANSACTIONS = "/v1/vouchers/GIFT-1/transactions";

	/** The contract's example page: {@code has_more} with a cursor. */
	private static final String PAGE = Examples.read("list-transactions-200.json");

	private static final String CURSOR = "vtx_0c94e6b82a4bef406c";

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl()).build();

	@Test
	void aCursorThatComesBackEndsTheStream() {
		wireMock.stubFor(get(urlPathEqualTo(TRANSACTIONS)).willReturn(okJson(PAGE)));

		try (Stream<VoucherTransaction> transactions = this.vouchers.streamVoucherTransactions("GIFT-1")) {
			assertThatExceptionOfType(VoucherifyInvalidResponseException.class).isThrownBy(transactions::count)
				.withMessageContaining("returned the cursor '" + CURSOR + "' a second time");
		}
		assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(TRANSACTIONS)))).hasSize(2);
	}

	@Test
	void aCursorThatCyclesEndsTheStream() {
		wireMock.stubFor(get(urlPathEqualTo(TRANSACTIONS)).willReturn(okJson(PAGE)));
		wireMock.stubFor(get(urlPathEqualTo(TRANSACTIONS)).withQueryParam("starting_after_id", equalTo(CURSOR))
			.willReturn(okJson(PAGE.replace(CURSOR, "vtx_other"))));

		try (Stream<VoucherTransaction> transactions = this.vouchers.streamVoucherTransactions("GIFT-1")) {
			assertThatExceptionOfType(VoucherifyInvalidResponseException.class).isThrownBy(transactions::count);
		}
		assertThat(wireMock.findAll(getRequestedFor(urlPathEqualTo(TRANSACTIONS)))).hasSize(3);
	}

}
