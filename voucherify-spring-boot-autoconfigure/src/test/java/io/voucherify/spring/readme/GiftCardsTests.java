package io.voucherify.spring.readme;

// tag::rest-client-test[]
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.restclient.test.autoconfigure.RestClientTest;
import org.springframework.http.MediaType;
import org.springframework.test.web.client.MockRestServiceServer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.client.match.MockRestRequestMatchers.requestTo;
import static org.springframework.test.web.client.response.MockRestResponseCreators.withSuccess;

@RestClientTest(components = GiftCards.class, properties = { "voucherify.app-id=test", "voucherify.secret-key=test" })
class GiftCardsTests {

	/** A gift card as Voucherify returns it, cut to what GiftCards reads. */
	static final String GIFT_CARD = """
			{ "code": "GIFT-1", "type": "GIFT_VOUCHER", "gift": { "amount": 10000, "balance": 7500 } }
			""";

	@Autowired
	GiftCards giftCards;

	@Autowired
	MockRestServiceServer server;

	@Test
	void readsTheBalance() {
		this.server.expect(requestTo("https://api.voucherify.io/v1/vouchers/GIFT-1"))
			.andRespond(withSuccess(GIFT_CARD, MediaType.APPLICATION_JSON));

		assertThat(this.giftCards.balance("GIFT-1")).hasValue(7500);
	}

}
// end::rest-client-test[]
