package io.voucherify.samples.giftcards;

import org.jspecify.annotations.Nullable;

/**
 * A top-up or a spend, as posted to the service.
 *
 * @param amount the amount in minor units (or points), positive
 * @param sourceId your identifier of the change (an order id, say), so it can be found in
 * the card's transactions
 * @param reason a free-text reason
 */
record BalanceChange(long amount, @Nullable String sourceId, @Nullable String reason) {
}
