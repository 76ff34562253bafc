package io.voucherify.samples.giftcards;

import org.jspecify.annotations.Nullable;

/**
 * A top-up or a spend, as posted to the service. JSON is read strictly (see
 * {@code application.yml}): an amount with a fraction or in quotes is refused, never
 * truncated or converted.
 *
 * @param amount the amount in whole minor units (or points), at least 1
 * @param sourceId your identifier of the change (an order id, say), so it can be found in
 * the card's transactions
 * @param reason a free-text reason
 */
record BalanceChange(@Nullable Long amount, @Nullable String sourceId, @Nullable String reason) {

	/** What an amount must be, for the error messages. */
	static final String AMOUNT_RULE = "a whole number of minor units, such as 1250 for 12.50";

	/**
	 * The amount, checked before anything is sent to Voucherify.
	 * @throws InvalidFieldException if it is missing or below 1
	 */
	long requireAmount() {
		if (this.amount == null) {
			throw new InvalidFieldException("amount", "is required: " + AMOUNT_RULE);
		}
		if (this.amount < 1) {
			throw new InvalidFieldException("amount", "must be at least 1, was " + this.amount);
		}
		return this.amount;
	}

}
