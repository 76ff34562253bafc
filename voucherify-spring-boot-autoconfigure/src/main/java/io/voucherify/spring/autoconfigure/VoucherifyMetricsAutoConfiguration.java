package io.voucherify.spring.autoconfigure;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.voucherify.spring.VoucherifyApiActivity;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Gauges of Voucherify's rate-limit headers on the last response that carried them:
 * {@code voucherify.client.rate.limit.remaining} and
 * {@code voucherify.client.rate.limit.limit} ({@code NaN} until a response carried them).
 * Boot binds the {@link MeterBinder} to every meter registry.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = VoucherifyAutoConfiguration.class)
@ConditionalOnClass(MeterBinder.class)
@ConditionalOnBean(VoucherifyApiActivity.class)
public final class VoucherifyMetricsAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = "voucherifyRateLimitMeterBinder")
	MeterBinder voucherifyRateLimitMeterBinder(VoucherifyApiActivity activity) {
		return (registry) -> {
			Gauge.builder("voucherify.client.rate.limit.remaining", activity, (a) -> remaining(a))
				.description("X-Rate-Limit-Remaining of the last Voucherify response that carried it")
				.strongReference(true)
				.register(registry);
			Gauge.builder("voucherify.client.rate.limit.limit", activity, (a) -> limit(a))
				.description("X-Rate-Limit-Limit of the last Voucherify response that carried it")
				.strongReference(true)
				.register(registry);
		};
	}

	private static double remaining(VoucherifyApiActivity activity) {
		VoucherifyApiActivity.Exchange exchange = activity.lastRateLimit();
		return (exchange != null && exchange.rateLimitRemaining() != null) ? exchange.rateLimitRemaining() : Double.NaN;
	}

	private static double limit(VoucherifyApiActivity activity) {
		VoucherifyApiActivity.Exchange exchange = activity.lastRateLimit();
		return (exchange != null && exchange.rateLimitLimit() != null) ? exchange.rateLimitLimit() : Double.NaN;
	}

}
