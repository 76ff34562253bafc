package io.voucherify.spring.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The event that earned some pending points ({@code LoyaltyPendingPointsDetails.event}).
 *
 * @param type e.g. {@code customer.order.paid}
 * @param category {@code ACTION} or {@code EFFECT}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PendingPointsEvent(@JsonProperty("id") @Nullable String id, @JsonProperty("type") @Nullable String type,
		@JsonProperty("group_id") @Nullable String groupId, @JsonProperty("entity_id") @Nullable String entityId,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("category") @Nullable String category,
		@JsonProperty("event_source") @Nullable EventSource eventSource) {

}
