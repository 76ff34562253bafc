package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The hours in which a voucher is valid (schema {@code ValidityHours}), e.g. happy hours.
 *
 * @param daily the recurring periods, which do not overlap
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidityHours(@JsonProperty("daily") @Nullable List<DailyValidityPeriod> daily) {

}
