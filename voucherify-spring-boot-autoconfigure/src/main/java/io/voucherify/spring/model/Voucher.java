package io.voucherify.spring.model;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A voucher: a discount code, gift card or loyalty card (schema {@code Voucher}, which is
 * {@code VoucherBase} plus {@code categories} and {@code validation_rules_assignments}).
 * The response of getting, enabling and disabling a voucher. Which of
 * {@link #discount()}, {@link #gift()} and {@link #loyaltyCard()} is set depends on
 * {@link #type()}.
 *
 * @param id the id Voucherify assigned, {@code v_...}
 * @param campaign the parent campaign's name; {@code null} for a standalone voucher
 * @param discount set for a {@link VoucherType#DISCOUNT_VOUCHER}
 * @param gift set for a {@link VoucherType#GIFT_VOUCHER}
 * @param loyaltyCard set for a {@link VoucherType#LOYALTY_CARD}
 * @param startDate the voucher is inactive before this instant
 * @param expirationDate the voucher is inactive after this instant
 * @param validityDayOfWeek the days of the week on which the voucher is valid, {@code 0}
 * Sunday to {@code 6} Saturday
 * @param active whether the voucher is switched on; even then it is redeemable only
 * between the start and expiration dates
 * @param holderId the holder's customer id, {@code cust_...}
 * @param object always {@code voucher}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Voucher(@JsonProperty("id") @Nullable String id, @JsonProperty("code") @Nullable String code,
		@JsonProperty("campaign") @Nullable String campaign, @JsonProperty("campaign_id") @Nullable String campaignId,
		@JsonProperty("category") @Nullable String category, @JsonProperty("category_id") @Nullable String categoryId,
		@JsonProperty("categories") @Nullable List<Category> categories,
		@JsonProperty("type") @Nullable VoucherType type, @JsonProperty("discount") @Nullable Discount discount,
		@JsonProperty("gift") @Nullable Gift gift, @JsonProperty("loyalty_card") @Nullable LoyaltyCard loyaltyCard,
		@JsonProperty("start_date") @Nullable OffsetDateTime startDate,
		@JsonProperty("expiration_date") @Nullable OffsetDateTime expirationDate,
		@JsonProperty("validity_timeframe") @Nullable ValidityTimeframe validityTimeframe,
		@JsonProperty("validity_day_of_week") @Nullable List<Integer> validityDayOfWeek,
		@JsonProperty("validity_hours") @Nullable ValidityHours validityHours,
		@JsonProperty("active") @Nullable Boolean active,
		@JsonProperty("additional_info") @Nullable String additionalInfo,
		@JsonProperty("metadata") @Nullable Map<String, @Nullable Object> metadata,
		@JsonProperty("assets") @Nullable VoucherAssets assets,
		@JsonProperty("is_referral_code") @Nullable Boolean isReferralCode,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt,
		@JsonProperty("holder_id") @Nullable String holderId, @JsonProperty("referrer_id") @Nullable String referrerId,
		@JsonProperty("object") @Nullable String object, @JsonProperty("publish") @Nullable PublicationSummary publish,
		@JsonProperty("redemption") @Nullable RedemptionSummary redemption,
		@JsonProperty("validation_rules_assignments") @Nullable ValidationRulesAssignments validationRulesAssignments) {

}
