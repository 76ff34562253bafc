package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A summary of a voucher's redemptions ({@code VoucherBase.redemption} and
 * {@code SimpleVoucher.redemption}).
 *
 * @param quantity how many times the voucher can be redeemed; {@code null} means
 * unlimited
 * @param redeemedQuantity how many times it has been redeemed
 * @param redeemedAmount the gift credits redeemed, in minor units (e.g. cents); sent by
 * Voucherify although the schema does not list it
 * @param redeemedPoints the loyalty points redeemed
 * @param object always {@code list}
 * @param url the path listing the redemptions, e.g. {@code /v1/vouchers/CODE/redemptions}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedemptionSummary(@JsonProperty("quantity") @Nullable Integer quantity,
		@JsonProperty("redeemed_quantity") @Nullable Integer redeemedQuantity,
		@JsonProperty("redeemed_amount") @Nullable Long redeemedAmount,
		@JsonProperty("redeemed_points") @Nullable Long redeemedPoints, @JsonProperty("object") @Nullable String object,
		@JsonProperty("url") @Nullable String url) {

}
