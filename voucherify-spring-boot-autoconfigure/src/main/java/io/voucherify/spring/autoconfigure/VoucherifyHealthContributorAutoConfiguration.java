package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.health.VoucherifyHealthIndicator;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code voucherify} health indicator, switched by
 * {@code management.health.voucherify.enabled}. It probes on the application's own
 * {@link VouchersTemplate}, its HTTP client and pool, with the short
 * {@code voucherify.health.timeout}.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = VoucherifyAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean(VouchersTemplate.class)
@ConditionalOnEnabledHealthIndicator("voucherify")
public final class VoucherifyHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "voucherifyHealthIndicator", "voucherifyHealthContributor" })
	VoucherifyHealthIndicator voucherifyHealthIndicator(VouchersTemplate vouchersTemplate,
			VoucherifyProperties properties, VoucherifyConnectionDetails connectionDetails) {
		return new VoucherifyHealthIndicator(vouchersTemplate,
				requirePositive(properties.getHealth().getTimeout(), "timeout", "3s"), connectionDetails.getBaseUrl(),
				requirePositive(properties.getHealth().getCacheTtl(), "cache-ttl", "5m"));
	}

	private static Duration requirePositive(@Nullable Duration value, String name, String example) {
		if (value == null || value.isZero() || value.isNegative()) {
			String property = VoucherifyProperties.PREFIX + ".health." + name;
			throw new InvalidVoucherifyPropertyException(property, "must be a positive duration, was " + value,
					"Set '" + property + "' to a positive duration such as " + example + ".");
		}
		return value;
	}

}
