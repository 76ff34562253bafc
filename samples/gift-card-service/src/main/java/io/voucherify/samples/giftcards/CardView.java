package io.voucherify.samples.giftcards;

import io.voucherify.spring.model.Voucher;
import org.jspecify.annotations.Nullable;

/**
 * What the service shows of a card. Amounts are minor units (2000 = 20.00).
 *
 * @param code the card's code
 * @param type the voucher type, e.g. {@code GIFT_VOUCHER}
 * @param active whether the card can be used
 * @param balance the gift balance, for gift cards
 * @param points the loyalty points, for loyalty cards
 */
record CardView(@Nullable String code, @Nullable String type, @Nullable Boolean active, @Nullable Long balance,
		@Nullable Long points) {

	static CardView of(Voucher voucher) {
		return new CardView(voucher.code(), (voucher.type() != null) ? voucher.type().value() : null, voucher.active(),
				(voucher.gift() != null) ? voucher.gift().balance() : null,
				(voucher.loyaltyCard() != null) ? voucher.loyaltyCard().points() : null);
	}

}
