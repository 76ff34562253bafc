package io.voucherify.spring.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A change to a gift card's credits or a loyalty card's points (schema
 * {@code VoucherTransaction}).
 *
 * @param sourceId the id given with the change, e.g. in a balance update
 * @param source where the change came from, e.g. {@code API} or {@code voucherify-web-ui}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherTransaction(@JsonProperty("id") @Nullable String id,
		@JsonProperty("source_id") @Nullable String sourceId, @JsonProperty("voucher_id") @Nullable String voucherId,
		@JsonProperty("campaign_id") @Nullable String campaignId, @JsonProperty("source") @Nullable String source,
		@JsonProperty("reason") @Nullable String reason, @JsonProperty("type") @Nullable VoucherTransactionType type,
		@JsonProperty("details") @Nullable VoucherTransactionDetails details,
		@JsonProperty("related_transaction_id") @Nullable String relatedTransactionId,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt) {

}
