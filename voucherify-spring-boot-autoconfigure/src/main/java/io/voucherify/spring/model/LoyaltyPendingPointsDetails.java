package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What earned some {@link LoyaltyPendingPoints} (schema
 * {@code LoyaltyPendingPointsDetails}).
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LoyaltyPendingPointsDetails(@JsonProperty("loyalty_tier") @Nullable NamedReference loyaltyTier,
		@JsonProperty("holder_loyalty_tier") @Nullable NamedReference holderLoyaltyTier,
		@JsonProperty("event") @Nullable PendingPointsEvent event,
		@JsonProperty("earning_rule") @Nullable EarningRuleReference earningRule,
		@JsonProperty("order") @Nullable OrderReference order) {

}
