package io.voucherify.spring.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A voucher category (schema {@code Category}).
 *
 * @param hierarchy categories with a lower hierarchy are processed first
 * @param object always {@code category}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Category(@JsonProperty("id") @Nullable String id, @JsonProperty("name") @Nullable String name,
		@JsonProperty("hierarchy") @Nullable Integer hierarchy, @JsonProperty("object") @Nullable String object,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt) {

}
