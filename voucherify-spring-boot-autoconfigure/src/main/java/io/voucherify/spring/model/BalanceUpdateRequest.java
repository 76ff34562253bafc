package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A change to a gift card's balance or a loyalty card's points
 * ({@code VouchersBalanceUpdateRequestBody}). The amount is a signed delta applied by
 * Voucherify, in minor units for gift cards (to remove $20, {@code -2000}).
 * <p>
 * Prefer the factories, which say what they do: <pre class="code">
 * BalanceUpdateRequest.add(2000).withSourceId("order-1234").withReason("Refund");
 * BalanceUpdateRequest.remove(500);
 * </pre> Voucherify has no idempotency key: give every change a unique {@code sourceId}
 * so you can find it in the transactions before repeating a change whose outcome is
 * unknown.
 *
 * @param amount the signed change, in minor units (cents) or points; never zero
 * @param sourceId your own identifier of the change, shown on the transaction
 * @param reason a free-text reason, shown on the transaction
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BalanceUpdateRequest(@JsonProperty("amount") long amount,
		@JsonProperty("source_id") @Nullable String sourceId, @JsonProperty("reason") @Nullable String reason) {

	/**
	 * Validate the request.
	 * @throws IllegalArgumentException if {@code amount} is zero
	 */
	public BalanceUpdateRequest {
		if (amount == 0) {
			throw new IllegalArgumentException("amount must not be zero");
		}
	}

	/**
	 * Add to the balance.
	 * @param amount how much to add, in minor units or points; positive
	 * @return the request
	 * @throws IllegalArgumentException if {@code amount} is not positive
	 */
	public static BalanceUpdateRequest add(long amount) {
		requirePositive(amount);
		return new BalanceUpdateRequest(amount, null, null);
	}

	/**
	 * Remove from the balance.
	 * @param amount how much to remove, in minor units or points; positive (it is sent
	 * negated)
	 * @return the request
	 * @throws IllegalArgumentException if {@code amount} is not positive
	 */
	public static BalanceUpdateRequest remove(long amount) {
		requirePositive(amount);
		return new BalanceUpdateRequest(-amount, null, null);
	}

	/**
	 * A copy with your own identifier of the change.
	 * @param sourceId the identifier, e.g. an order or refund id
	 * @return the new request
	 */
	public BalanceUpdateRequest withSourceId(@Nullable String sourceId) {
		return new BalanceUpdateRequest(this.amount, sourceId, this.reason);
	}

	/**
	 * A copy with a reason.
	 * @param reason the reason
	 * @return the new request
	 */
	public BalanceUpdateRequest withReason(@Nullable String reason) {
		return new BalanceUpdateRequest(this.amount, this.sourceId, reason);
	}

	private static void requirePositive(long amount) {
		if (amount <= 0) {
			throw new IllegalArgumentException("amount must be positive, was " + amount);
		}
	}

}
