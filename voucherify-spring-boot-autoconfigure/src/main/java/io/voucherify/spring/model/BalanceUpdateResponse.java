package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The result of changing a gift card's or loyalty card's balance (schema
 * {@code VouchersBalanceUpdateResponseBody}).
 *
 * @param amount the signed change that was applied, in minor units (e.g. cents) for a
 * gift card, points for a loyalty card
 * @param total everything added to the card over its lifetime, after the change
 * @param balance what is available on the card after the change
 * @param object always {@code balance}
 * @param relatedObject the voucher whose balance changed
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record BalanceUpdateResponse(@JsonProperty("amount") @Nullable Long amount,
		@JsonProperty("total") @Nullable Long total, @JsonProperty("balance") @Nullable Long balance,
		@JsonProperty("type") @Nullable BalanceType type,
		@JsonProperty("operation_type") @Nullable BalanceOperationType operationType,
		@JsonProperty("object") @Nullable String object,
		@JsonProperty("related_object") @Nullable RelatedObject relatedObject) {

}
