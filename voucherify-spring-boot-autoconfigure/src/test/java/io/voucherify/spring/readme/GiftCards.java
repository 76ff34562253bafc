package io.voucherify.spring.readme;

import java.util.OptionalLong;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.Gift;

import org.springframework.stereotype.Service;

// tag::quickstart[]
@Service
class GiftCards {

	private final VouchersOperations vouchers;

	GiftCards(VouchersOperations vouchers) {
		this.vouchers = vouchers;
	}

	/**
	 * The balance in minor units (2000 = 20.00), or empty for a voucher that is not a
	 * gift card.
	 */
	OptionalLong balance(String code) {
		Gift gift = this.vouchers.getVoucher(code).gift();
		return (gift != null && gift.balance() != null) ? OptionalLong.of(gift.balance()) : OptionalLong.empty();
	}

}
// end::quickstart[]
