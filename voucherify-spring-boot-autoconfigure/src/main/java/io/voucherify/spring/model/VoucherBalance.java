package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A card's balance after a transaction ({@code VoucherTransaction.details.balance},
 * schema {@code VoucherBalance}).
 *
 * @param total all credits or points accumulated on the card, in minor units (e.g. cents)
 * for a gift card
 * @param object always {@code balance}
 * @param amount the credits added or subtracted on a gift card, in minor units (e.g.
 * cents)
 * @param points the points added or subtracted on a loyalty card
 * @param balance the credits or points available after the transaction
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherBalance(@JsonProperty("type") @Nullable BalanceType type,
		@JsonProperty("total") @Nullable Long total, @JsonProperty("object") @Nullable String object,
		@JsonProperty("amount") @Nullable Long amount, @JsonProperty("points") @Nullable Long points,
		@JsonProperty("balance") @Nullable Long balance,
		@JsonProperty("operation_type") @Nullable BalanceOperationType operationType,
		@JsonProperty("related_object") @Nullable RelatedObject relatedObject) {

}
