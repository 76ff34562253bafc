package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The details of a {@link VoucherTransaction} ({@code VoucherTransaction.details}). Which
 * fields are set depends on the transaction's type.
 *
 * @param balance the balance after the transaction
 * @param sourceVoucher for a points transfer: the card the points came from
 * @param destinationVoucher for a points transfer: the card the points went to
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherTransactionDetails(@JsonProperty("balance") @Nullable VoucherBalance balance,
		@JsonProperty("order") @Nullable OrderReference order, @JsonProperty("event") @Nullable EventReference event,
		@JsonProperty("earning_rule") @Nullable EarningRuleReference earningRule,
		@JsonProperty("segment") @Nullable NamedReference segment,
		@JsonProperty("loyalty_tier") @Nullable NamedReference loyaltyTier,
		@JsonProperty("redemption") @Nullable IdReference redemption,
		@JsonProperty("rollback") @Nullable IdReference rollback,
		@JsonProperty("custom_event") @Nullable EventReference customEvent,
		@JsonProperty("event_schema") @Nullable NamedReference eventSchema,
		@JsonProperty("holder_loyalty_tier") @Nullable NamedReference holderLoyaltyTier,
		@JsonProperty("pending_points") @Nullable LoyaltyPendingPoints pendingPoints,
		@JsonProperty("reward") @Nullable NamedReference reward,
		@JsonProperty("source_voucher") @Nullable SimpleVoucher sourceVoucher,
		@JsonProperty("destination_voucher") @Nullable SimpleVoucher destinationVoucher) {

}
