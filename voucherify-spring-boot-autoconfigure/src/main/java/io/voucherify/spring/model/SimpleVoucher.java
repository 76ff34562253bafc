package io.voucherify.spring.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The short form of a voucher, e.g. the source or destination card of a points transfer
 * (schema {@code SimpleVoucher}).
 *
 * @param object always {@code voucher}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SimpleVoucher(@JsonProperty("id") @Nullable String id, @JsonProperty("code") @Nullable String code,
		@JsonProperty("gift") @Nullable Gift gift, @JsonProperty("discount") @Nullable Discount discount,
		@JsonProperty("loyalty_card") @Nullable LoyaltyCard loyaltyCard,
		@JsonProperty("type") @Nullable VoucherType type, @JsonProperty("campaign") @Nullable String campaign,
		@JsonProperty("campaign_id") @Nullable String campaignId,
		@JsonProperty("is_referral_code") @Nullable Boolean isReferralCode,
		@JsonProperty("holder_id") @Nullable String holderId, @JsonProperty("referrer_id") @Nullable String referrerId,
		@JsonProperty("category_id") @Nullable String categoryId,
		@JsonProperty("categories") @Nullable List<Category> categories,
		@JsonProperty("active") @Nullable Boolean active,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt,
		@JsonProperty("redemption") @Nullable RedemptionSummary redemption,
		@JsonProperty("start_date") @Nullable OffsetDateTime startDate,
		@JsonProperty("expiration_date") @Nullable OffsetDateTime expirationDate,
		@JsonProperty("metadata") @Nullable Map<String, @Nullable Object> metadata,
		@JsonProperty("object") @Nullable String object) {

}
