package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A recurring period in which a voucher is valid (schema {@code ValidityTimeframe}), e.g.
 * valid for one hour every other day.
 *
 * @param duration how long each period lasts, an ISO 8601 duration such as {@code PT1H}
 * @param interval the time between the starts of two periods, an ISO 8601 duration such
 * as {@code P2D}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidityTimeframe(@JsonProperty("duration") @Nullable String duration,
		@JsonProperty("interval") @Nullable String interval) {

}
