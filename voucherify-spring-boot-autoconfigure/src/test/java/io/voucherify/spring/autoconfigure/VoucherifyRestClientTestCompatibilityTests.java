package io.voucherify.spring.autoconfigure;

import io.voucherify.spring.Examples;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.header;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.method;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

/**
 * The auto-configured client is part of the {@link RestClientTest @RestClientTest} slice
 * and its calls reach the {@link MockRestServiceServer}.
 */
@RestClientTest(properties = { "voucherify.app-id=test-app-id", "voucherify.secret-key=test-secret-key" })
class VoucherifyRestClientTestCompatibilityTests {

	@Autowired
	private VouchersOperations vouchers;

	@Autowired
	private MockRestServiceServer server;

	@Test
	void vouchersOperationsCallsMockRestServiceServer() {
		this.server.expect(requestTo("https://api.voucherify.io/v1/vouchers/GIFT-1"))
			.andExpect(method(HttpMethod.GET))
			.andExpect(header("X-App-Id", "test-app-id"))
			.andExpect(header("X-App-Token", "test-secret-key"))
			.andRespond(withSuccess(Examples.read("get-voucher-200-gift-card.json"), MediaType.APPLICATION_JSON));
		Voucher voucher = this.vouchers.getVoucher("GIFT-1");
		assertThat(voucher.code()).isEqualTo("GIFT-CARD-xwc6X7Tk");
		assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		assertThat(voucher.gift()).isNotNull();
		assertThat(voucher.gift().balance()).isEqualTo(44700L);
		this.server.verify();
	}

	@SpringBootConfiguration
	static class TestConfiguration {

	}

}
