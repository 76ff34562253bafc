package io.voucherify.spring.model;

import java.time.LocalDate;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The points of a loyalty card ({@code VoucherBase.loyalty_card} and schema
 * {@code SimpleLoyaltyCard}).
 *
 * @param points the points added over the card's lifetime
 * @param balance the points available: points less expired, subtracted and redeemed
 * points
 * @param nextExpirationDate the day the next points expire
 * @param nextExpirationPoints the points that expire next
 * @param pendingPoints the points that will be added once activated
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoyaltyCard(@JsonProperty("points") @Nullable Long points,
		@JsonProperty("balance") @Nullable Long balance,
		@JsonProperty("next_expiration_date") @Nullable LocalDate nextExpirationDate,
		@JsonProperty("next_expiration_points") @Nullable Long nextExpirationPoints,
		@JsonProperty("pending_points") @Nullable Long pendingPoints,
		@JsonProperty("expired_points") @Nullable Long expiredPoints,
		@JsonProperty("subtracted_points") @Nullable Long subtractedPoints) {

}
