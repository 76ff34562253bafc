package io.voucherify.spring.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * A snapshot of a voucher held by a {@link VoucherifyEmulator}, for assertions in tests.
 * Later changes to the voucher do not show in a snapshot already taken.
 *
 * @param id the id the emulator assigned, {@code v_...}
 * @param code the code, exactly as created (case kept)
 * @param type {@code GIFT_VOUCHER}, {@code DISCOUNT_VOUCHER} or {@code LOYALTY_CARD}
 * @param active whether the voucher is enabled
 * @param deleted whether the voucher was deleted without {@code force} and sits in the
 * bin: the API then answers 404 for it, but its code stays taken
 * @param giftBalance a gift card's balance ({@code gift.balance}), in minor units;
 * {@code null} for other types
 * @param loyaltyPoints a loyalty card's point balance ({@code loyalty_card.balance});
 * {@code null} for other types
 * @param metadata the voucher's metadata, read-only
 * @since 0.1.0
 */
public record EmulatedVoucher(String id, String code, String type, boolean active, boolean deleted,
		@Nullable Long giftBalance, @Nullable Long loyaltyPoints, Map<String, @Nullable Object> metadata) {

}
