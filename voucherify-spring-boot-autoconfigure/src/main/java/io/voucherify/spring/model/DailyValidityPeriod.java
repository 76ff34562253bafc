package io.voucherify.spring.model;

import java.time.LocalTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One recurring daily period of {@link ValidityHours}.
 *
 * @param startTime the voucher is inactive before this time of day
 * @param daysOfWeek the days, {@code 0} Sunday to {@code 6} Saturday
 * @param expirationTime the voucher is inactive after this time of day
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DailyValidityPeriod(@JsonProperty("start_time") @Nullable LocalTime startTime,
		@JsonProperty("days_of_week") @Nullable List<Integer> daysOfWeek,
		@JsonProperty("expiration_time") @Nullable LocalTime expirationTime) {

}
