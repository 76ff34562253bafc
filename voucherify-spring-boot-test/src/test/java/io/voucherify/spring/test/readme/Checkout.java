package io.voucherify.spring.test.readme;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.BalanceUpdateRequest;

import org.springframework.stereotype.Service;

/**
 * The application code {@link CheckoutTests} tests: pays an order from a gift card.
 */
@Service
class Checkout {

	private final VouchersOperations vouchers;

	Checkout(VouchersOperations vouchers) {
		this.vouchers = vouchers;
	}

	void pay(String orderId, String giftCardCode, long amount) {
		this.vouchers.updateVoucherBalance(giftCardCode, BalanceUpdateRequest.remove(amount).withSourceId(orderId));
	}

}
