package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The order behind a transaction or pending points.
 *
 * @param id Voucherify's id of the order, {@code ord_...}
 * @param sourceId your own id of the order
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OrderReference(@JsonProperty("id") @Nullable String id,
		@JsonProperty("source_id") @Nullable String sourceId) {

}
