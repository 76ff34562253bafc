package io.voucherify.spring.test.autoconfigure;

import java.time.Duration;

import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.test.VoucherifyEmulator;
import io.voucherify.spring.test.VoucherifyEmulatorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.Resource;
import org.springframework.core.io.ResourceLoader;

/**
 * Runs an embedded {@link VoucherifyEmulator} in the application when
 * {@code voucherify.emulator.enabled=true}, and exposes its
 * {@link VoucherifyConnectionDetails} so that the auto-configured Voucherify client talks
 * to it: handy for demos and local runs with no Voucherify account. Ordered before
 * {@link VoucherifyAutoConfiguration}, whose properties-based connection details then
 * back off. The emulator is closed with the context.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = VoucherifyAutoConfiguration.class)
@ConditionalOnBooleanProperty(VoucherifyEmulatorProperties.PREFIX + ".enabled")
@EnableConfigurationProperties(VoucherifyEmulatorProperties.class)
public final class VoucherifyEmulatorAutoConfiguration {

	private static final Log logger = LogFactory.getLog(VoucherifyEmulatorAutoConfiguration.class);

	@Bean(destroyMethod = "close")
	@ConditionalOnMissingBean
	VoucherifyEmulator voucherifyEmulator(VoucherifyEmulatorProperties properties, ResourceLoader resourceLoader) {
		VoucherifyEmulatorBuilder builder = VoucherifyEmulator.builder()
			.appId(properties.getAppId())
			.secretKey(properties.getSecretKey())
			.port(properties.getPort())
			.jobDuration(properties.getJobDuration());
		Integer rateLimitCalls = rateLimitCalls(properties.getRateLimit());
		if (rateLimitCalls != null) {
			builder.rateLimit(rateLimitCalls, properties.getRateLimit().getPeriod());
		}
		for (String location : properties.getSeed()) {
			Resource resource = resourceLoader.getResource(location);
			if (!resource.exists()) {
				throw new IllegalStateException(
						"Voucherify emulator seed '" + location + "' (voucherify.emulator.seed) does not exist");
			}
			builder.seed(resource);
		}
		VoucherifyEmulator emulator = builder.build();
		logger.info(
				"Voucherify emulator running at " + emulator.baseUrl() + " (voucherify.emulator.enabled=true): "
						+ "the Voucherify client talks to it, not to the real API"
						+ ((rateLimitCalls != null)
								? "; it accepts " + rateLimitCalls + " calls per "
										+ properties.getRateLimit().getPeriod() + " (voucherify.emulator.rate-limit.*)"
								: ""));
		return emulator;
	}

	/**
	 * The calls of the configured rate limit, checked with its period.
	 * @return the calls per period, {@code null} for no limit
	 * @throws IllegalArgumentException naming the property that is not positive
	 */
	private static @Nullable Integer rateLimitCalls(VoucherifyEmulatorProperties.RateLimit rateLimit) {
		Integer calls = rateLimit.getCalls();
		if (calls != null && calls <= 0) {
			throw new IllegalArgumentException(
					"voucherify.emulator.rate-limit.calls must be positive, was " + calls + " (unset it for no limit)");
		}
		Duration period = rateLimit.getPeriod();
		if (period.compareTo(Duration.ofMillis(1)) < 0) {
			throw new IllegalArgumentException(
					"voucherify.emulator.rate-limit.period must be at least 1ms, was " + period);
		}
		return calls;
	}

	@Bean
	@ConditionalOnMissingBean(VoucherifyConnectionDetails.class)
	VoucherifyConnectionDetails voucherifyEmulatorConnectionDetails(VoucherifyEmulator emulator) {
		return emulator.connectionDetails();
	}

}
