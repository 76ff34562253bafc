package io.voucherify.samples.giftcards;

import java.time.Duration;

import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.autoconfigure.VoucherifyProperties;
import io.voucherify.spring.test.VoucherifyEmulator;
import io.voucherify.spring.test.VoucherifyEmulatorBuilder;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.io.Resource;

/**
 * Without credentials ({@code VOUCHERIFY_APP_ID} unset) the service runs on an embedded
 * Voucherify emulator seeded with demo cards, so it works on a fresh clone with no
 * network; with credentials it talks to the real API.
 * <p>
 * The choice is made when the application starts, not by a condition: ahead-of-time
 * processing ({@code process-aot}) evaluates conditions when the application is built and
 * the processed application keeps the bean definitions it found then, so a
 * {@code @ConditionalOnExpression} on the app id would keep the emulator of a build
 * without credentials even when the credentials are set at run time. Here the bean
 * definitions are the same either way: the {@link VoucherifyConnectionDetails} bean reads
 * {@code voucherify.app-id} when it is created, and the emulator bean is lazy, so that it
 * is started only when the connection details ask for it.
 */
@Configuration(proxyBeanMethods = false)
class EmbeddedVoucherifyConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedVoucherifyConfiguration.class);

	@Bean(destroyMethod = "close")
	@Lazy
	VoucherifyEmulator voucherifyEmulator(@Value("classpath:demo-vouchers.json") Resource demoVouchers,
			@Value("${demo.emulator.job-duration:2s}") Duration jobDuration,
			@Value("${demo.emulator.rate-limit.calls:#{null}}") @Nullable Integer rateLimitCalls,
			@Value("${demo.emulator.rate-limit.period:1m}") Duration rateLimitPeriod,
			@Value("${demo.emulator.port:0}") int port) {
		// Imports and exports take a moment, as on Voucherify, so that waiting for them
		// shows.
		VoucherifyEmulatorBuilder builder = VoucherifyEmulator.builder().seed(demoVouchers).jobDuration(jobDuration);
		// A free port unless asked for one: another instance of the service can then
		// use this emulator (the `fleet` profile).
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("demo.emulator.port must be between 0 and 65535, was " + port);
		}
		builder.port(port);
		// No rate limit unless asked for: demo.emulator.rate-limit.calls=100 is
		// Voucherify's Business plan, 100 calls a minute.
		if (rateLimitCalls != null) {
			if (rateLimitCalls <= 0) {
				throw new IllegalArgumentException(
						"demo.emulator.rate-limit.calls must be positive, was " + rateLimitCalls);
			}
			if (rateLimitPeriod.compareTo(Duration.ofMillis(1)) < 0) {
				throw new IllegalArgumentException(
						"demo.emulator.rate-limit.period must be at least 1ms, was " + rateLimitPeriod);
			}
			builder.rateLimit(rateLimitCalls, rateLimitPeriod);
			logger.info("The embedded Voucherify emulator accepts " + rateLimitCalls + " calls per " + rateLimitPeriod
					+ " (demo.emulator.rate-limit.*)");
		}
		VoucherifyEmulator emulator = builder.build();
		emulator.createSession("GIFT-DEMO-0001", "ssn_demo_0001");
		return emulator;
	}

	/**
	 * The emulator's connection details without an app id, else those of the
	 * {@code voucherify.*} properties, as the starter's own would be.
	 */
	@Bean
	VoucherifyConnectionDetails voucherifyConnectionDetails(VoucherifyProperties properties,
			ObjectProvider<VoucherifyEmulator> emulator) {
		if (usesEmbeddedEmulator(properties)) {
			VoucherifyEmulator embedded = emulator.getObject();
			logger.info("No VOUCHERIFY_APP_ID set: using the embedded Voucherify emulator at " + embedded.baseUrl()
					+ ", seeded with demo cards. Set VOUCHERIFY_APP_ID and VOUCHERIFY_SECRET_KEY to use the real API.");
			return embedded.connectionDetails();
		}
		logger.info("VOUCHERIFY_APP_ID set: using the Voucherify API at " + properties.getBaseUrl());
		return new PropertiesConnectionDetails(properties);
	}

	/**
	 * {@code /actuator/emulator}: what the embedded emulator's rate limit counted.
	 */
	@Bean
	EmulatorEndpoint emulatorEndpoint(VoucherifyProperties properties, ObjectProvider<VoucherifyEmulator> emulator) {
		return new EmulatorEndpoint(properties, emulator);
	}

	/** Whether the service runs on the embedded emulator: without an app id. */
	static boolean usesEmbeddedEmulator(VoucherifyProperties properties) {
		String appId = properties.getAppId();
		return appId == null || appId.isBlank();
	}

	/**
	 * The {@code voucherify.*} properties as connection details. The client's builder
	 * refuses a missing secret key or base URL at start-up, naming the property.
	 */
	private record PropertiesConnectionDetails(VoucherifyProperties properties) implements VoucherifyConnectionDetails {

		@Override
		public String getBaseUrl() {
			return this.properties.getBaseUrl();
		}

		@Override
		@SuppressWarnings("NullAway")
		public String getAppId() {
			return this.properties.getAppId();
		}

		@Override
		@SuppressWarnings("NullAway")
		public String getSecretKey() {
			return this.properties.getSecretKey();
		}

		@Override
		public String toString() {
			// Never the secret key.
			return "PropertiesConnectionDetails[baseUrl=" + getBaseUrl() + "]";
		}

	}

}
