package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The credits of a gift card ({@code VoucherBase.gift} and schema {@code Gift}).
 *
 * @param amount the credits added over the card's lifetime, in minor units (e.g. cents)
 * @param subtractedAmount the credits subtracted over the card's lifetime, in minor units
 * (e.g. cents)
 * @param balance the credits available, in minor units (e.g. cents)
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Gift(@JsonProperty("amount") @Nullable Long amount,
		@JsonProperty("subtracted_amount") @Nullable Long subtractedAmount,
		@JsonProperty("balance") @Nullable Long balance, @JsonProperty("effect") @Nullable GiftEffect effect) {

}
