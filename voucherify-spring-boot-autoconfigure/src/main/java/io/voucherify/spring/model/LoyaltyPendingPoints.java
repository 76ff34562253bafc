package io.voucherify.spring.model;

import java.time.LocalDate;
import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Loyalty points that are added to a card once activated (schema
 * {@code LoyaltyPendingPoints}).
 *
 * @param activatesAt the day the points are added to the card
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoyaltyPendingPoints(@JsonProperty("id") @Nullable String id,
		@JsonProperty("voucher_id") @Nullable String voucherId,
		@JsonProperty("campaign_id") @Nullable String campaignId,
		@JsonProperty("customer_id") @Nullable String customerId, @JsonProperty("order_id") @Nullable String orderId,
		@JsonProperty("points") @Nullable Long points, @JsonProperty("activates_at") @Nullable LocalDate activatesAt,
		@JsonProperty("details") @Nullable LoyaltyPendingPointsDetails details,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt) {

}
