package io.voucherify.spring.autoconfigure;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.DefaultVoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VoucherifyClientHttpRequestFactory;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyHttpClients;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.util.ClassUtils;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * Auto-configures a {@link VouchersOperations} bean from {@code voucherify.*} properties.
 * <p>
 * The client's {@link RestClient} is built the way Boot builds its own: a request factory
 * from Boot's {@link ClientHttpRequestFactoryBuilder} and {@link HttpClientSettings}
 * (with the timeouts of {@code voucherify.*} overriding the global ones for this client
 * only), then every {@link RestClientCustomizer} (message converters, observations,
 * {@code MockRestServiceServer}), then the Voucherify settings, then every
 * {@link VoucherifyRestClientCustomizer}. The factory is set first so that customizers
 * which replace it, such as {@code @RestClientTest}'s mock server, win. The Voucherify
 * headers join when the client is built, on the first call, where no customizer has set a
 * header of the same name.
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = VoucherifyProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(VoucherifyProperties.class)
public final class VoucherifyAutoConfiguration {

	/**
	 * {@code ${NAME}} or {@code ${NAME:default}}, as Spring leaves it when unresolved.
	 */
	private static final Pattern UNRESOLVED_PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

	// Each condition names its type: one deduced from the method's return type costs a
	// reflective look at this class while configuration classes are parsed.
	@Bean
	@ConditionalOnMissingBean(VoucherifyErrorHandler.class)
	VoucherifyErrorHandler voucherifyErrorHandler() {
		return new DefaultVoucherifyErrorHandler();
	}

	@Bean
	@ConditionalOnMissingBean(VoucherifyConnectionDetails.class)
	PropertiesVoucherifyConnectionDetails voucherifyConnectionDetails(VoucherifyProperties properties) {
		return new PropertiesVoucherifyConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean(VoucherifyApiActivity.class)
	VoucherifyApiActivity voucherifyApiActivity() {
		return new VoucherifyApiActivity();
	}

	@Bean
	@ConditionalOnMissingBean(VouchersOperations.class)
	VouchersTemplate vouchersTemplate(VoucherifyProperties properties, VoucherifyConnectionDetails connectionDetails,
			VoucherifyErrorHandler errorHandler, VoucherifyApiActivity activity,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<VoucherifyRestClientCustomizer> voucherifyCustomizers,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<VoucherifyObservationConvention> observationConvention) {
		return templateBuilder(properties, connectionDetails, properties.getConnectTimeout(),
				properties.getReadTimeout(), httpClientSettings, requestFactoryBuilder, restClientCustomizers,
				voucherifyCustomizers)
			.errorHandler(errorHandler)
			.activity(activity)
			.retry(retrySettings(properties.getRetry()))
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.observationConvention(observationConvention.getIfAvailable())
			.build();
	}

	/**
	 * A template builder configured the Boot way from the properties, with the given
	 * timeouts. Shared with the health probe, which needs its own short timeout.
	 */
	static VouchersTemplate.Builder templateBuilder(VoucherifyProperties properties,
			VoucherifyConnectionDetails connectionDetails, Duration connectTimeout, Duration readTimeout,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<VoucherifyRestClientCustomizer> voucherifyCustomizers) {
		validate(properties, connectionDetails);
		// Null checks, and loops below, where method references and lambdas are not
		// needed: each one is linked on its first use, a few tenths of a millisecond of a
		// cold start.
		HttpClientSettings settings = httpClientSettings.getIfAvailable();
		if (settings == null) {
			settings = HttpClientSettings.defaults();
		}
		ClientHttpRequestFactoryBuilder<?> available = requestFactoryBuilder.getIfAvailable();
		ClientHttpRequestFactoryBuilder<?> detected = (available != null) ? available
				: ClientHttpRequestFactoryBuilder.detect();
		int maxConnections = properties.getMaxConnections();
		// Voucherify does not redirect its calls, whatever the application's other
		// clients do: a redirect would take the secret key to another host.
		HttpClientSettings voucherify = settings.withRedirects(HttpRedirects.DONT_FOLLOW);
		HttpClientSettings standard = voucherify.withTimeouts(connectTimeout, readTimeout);
		HttpClientSettings bulk = voucherify.withTimeouts(connectTimeout, properties.getBulkReadTimeout());
		// Configured and built on the first call: an HTTP client and its TLS set-up take
		// a few hundred milliseconds of a cold start, and even configuring its builder
		// loads the library's classes (BENCHMARKS.md).
		SingletonSupplier<ClientHttpRequestFactoryBuilder<?>> transport = SingletonSupplier
			.of(() -> configure(detected, maxConnections));
		VoucherifyClientHttpRequestFactory requestFactory = new VoucherifyClientHttpRequestFactory(
				() -> transport.obtain().build(standard), () -> transport.obtain().build(bulk));
		VouchersTemplate.Builder builder = VouchersTemplate.builder()
			.appId(connectionDetails.getAppId())
			.secretKey(connectionDetails.getSecretKey())
			.baseUrl(connectionDetails.getBaseUrl())
			.apiVersion(properties.getApiVersion())
			.channel(properties.getChannel())
			.allowPlainHttp(properties.isAllowPlainHttp())
			.maxResponseSize(properties.getMaxResponseSize())
			// Called by build(), at start-up: a customizer that fails stops the start. A
			// builder of the template's own, which it need not copy.
			.restClientBuilder(() -> {
				RestClient.Builder restClientBuilder = RestClient.builder().requestFactory(requestFactory);
				for (RestClientCustomizer customizer : restClientCustomizers.orderedStream().toList()) {
					customizer.customize(restClientBuilder);
				}
				return restClientBuilder;
			})
			.releaseOnClose(requestFactory);
		for (VoucherifyRestClientCustomizer customizer : voucherifyCustomizers.orderedStream().toList()) {
			builder.customizer(customizer);
		}
		return builder;
	}

	private static ClientHttpRequestFactoryBuilder<?> configure(ClientHttpRequestFactoryBuilder<?> factoryBuilder,
			int maxConnections) {
		if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer(VoucherifyHttpClients::configure);
		}
		// Checked here, on the first call, where the answer is needed: the check loads a
		// class of httpclient5.
		if (factoryBuilder instanceof HttpComponentsClientHttpRequestFactoryBuilder
				&& ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClientBuilder",
						VoucherifyAutoConfiguration.class.getClassLoader())) {
			return HttpComponentsTransport.configure(factoryBuilder, maxConnections);
		}
		return factoryBuilder;
	}

	private static VoucherifyRetrySettings retrySettings(VoucherifyProperties.Retry retry) {
		try {
			if (!retry.isEnabled()) {
				return VoucherifyRetrySettings.disabled().withMaxTotalTime(retry.getMaxTotalTime());
			}
			return new VoucherifyRetrySettings(true, retry.getMaxAttempts(), retry.getInitialDelay(),
					retry.getMultiplier(), retry.getMaxDelay(), retry.getJitter(), retry.getMaxTotalTime(),
					retry.getMaxRateLimitWait());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVoucherifyPropertyException(VoucherifyProperties.PREFIX + ".retry",
					"is invalid: " + ex.getMessage(),
					"Fix the 'voucherify.retry.*' properties: max-attempts and multiplier at least 1, durations not "
							+ "negative, max-total-time positive.");
		}
	}

	/** Apart, so that httpclient5's classes load only when it is present. */
	private static final class HttpComponentsTransport {

		static ClientHttpRequestFactoryBuilder<?> configure(ClientHttpRequestFactoryBuilder<?> builder,
				int maxConnections) {
			return ((HttpComponentsClientHttpRequestFactoryBuilder) builder)
				.withConnectionManagerCustomizer((pool) -> VoucherifyHttpClients.configure(pool, maxConnections))
				.withHttpClientCustomizer(VoucherifyHttpClients::configure);
		}

	}

	private static void validate(VoucherifyProperties properties, VoucherifyConnectionDetails connectionDetails) {
		String prefix = VoucherifyProperties.PREFIX + ".";
		requireHeaderValue(properties.getApiVersion(), prefix + "api-version", "an API version such as v2018-08-01");
		requireHeaderValue(properties.getChannel(), prefix + "channel", "a channel name");
		validateTimeouts(properties, prefix);
		if (!(connectionDetails instanceof PropertiesVoucherifyConnectionDetails)) {
			// Connection details from a bean (e.g. an emulator) are checked by the
			// builder.
			return;
		}
		String appId = "the Application ID of your Voucherify project";
		String secretKey = "the Secret Key of your Voucherify project (e.g. from the VOUCHERIFY_SECRET_KEY environment "
				+ "variable)";
		requireResolved(properties.getAppId(), prefix + "app-id", appId);
		requireResolved(properties.getSecretKey(), prefix + "secret-key", secretKey);
		requireResolved(properties.getBaseUrl(), prefix + "base-url", "your project's regional API URL");
		requireHeaderValue(properties.getAppId(), prefix + "app-id", appId);
		requireHeaderValue(properties.getSecretKey(), prefix + "secret-key", secretKey);
		try {
			VouchersTemplate.Builder.validateBaseUrl(properties.getBaseUrl());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVoucherifyPropertyException(prefix + "base-url",
					"is not a valid base URL: " + ex.getMessage(),
					"Set '" + prefix + "base-url' to your project's regional API URL: "
							+ VouchersTemplate.DEFAULT_BASE_URL + " (Europe), " + VouchersTemplate.US_BASE_URL
							+ " (United States) or " + VouchersTemplate.ASIA_BASE_URL
							+ " (Asia), or your dedicated URL.");
		}
		try {
			VouchersTemplate.Builder.validateBaseUrl(properties.getBaseUrl(), properties.isAllowPlainHttp());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVoucherifyPropertyException(prefix + "base-url",
					"uses plain http to a host other than this machine, which would send the secret key unencrypted",
					"Use https in '" + prefix + "base-url' (Voucherify's API is https only), or set '" + prefix
							+ "allow-plain-http=true' if a proxy of yours on another host takes plain http.");
		}
	}

	private static void validateTimeouts(VoucherifyProperties properties, String prefix) {
		requirePositive(properties.getConnectTimeout(), prefix + "connect-timeout");
		requirePositive(properties.getReadTimeout(), prefix + "read-timeout");
		requirePositive(properties.getBulkReadTimeout(), prefix + "bulk-read-timeout");
		requirePositive(properties.getHealth().getCacheTtl(), prefix + "health.cache-ttl");
		requirePositive(properties.getHealth().getTimeout(), prefix + "health.timeout");
		if (properties.getMaxResponseSize() == null || properties.getMaxResponseSize().toKilobytes() < 1) {
			throw new InvalidVoucherifyPropertyException(prefix + "max-response-size",
					"must be at least 1KB, was " + properties.getMaxResponseSize(),
					"Set '" + prefix + "max-response-size' to the largest answer to read into memory, such as 4MB.");
		}
		if (properties.getMaxConnections() < 1) {
			throw new InvalidVoucherifyPropertyException(prefix + "max-connections",
					"must be at least 1, was " + properties.getMaxConnections(),
					"Set '" + prefix + "max-connections' to the number of concurrent calls to allow, such as 50.");
		}
	}

	/**
	 * A value that is still a placeholder: Spring leaves one it cannot resolve in place,
	 * so that {@code ${VOUCHERIFY_SECRET_KEY}} with the variable unset would be sent as
	 * the key. Only the placeholder is named, never the rest of the value.
	 */
	private static void requireResolved(@Nullable String value, String property, String what) {
		Matcher placeholder = (value != null) ? UNRESOLVED_PLACEHOLDER.matcher(value) : null;
		if (placeholder == null || !placeholder.find()) {
			return;
		}
		String name = placeholder.group(1).strip();
		String variable = name.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		throw new InvalidVoucherifyPropertyException(property,
				"is not set: its value is the placeholder ${" + name + "}, which nothing resolved",
				"Set '" + property + "' to " + what + ": set the environment variable " + variable
						+ " that its placeholder names, or give the value directly. Or set 'voucherify.enabled=false' "
						+ "to switch the client off.");
	}

	private static void requireHeaderValue(@Nullable String value, String property, String what) {
		if (value == null || value.isBlank()) {
			throw new InvalidVoucherifyPropertyException(property, "is not set", "Set '" + property + "' to " + what
					+ ", or set 'voucherify.enabled=false' to switch the client off.");
		}
		if (VouchersTemplate.Builder.hasControlCharacter(value)) {
			throw new InvalidVoucherifyPropertyException(property,
					"contains a control character (CR, LF, NUL, tab, ...)",
					"Remove it from '" + property + "': a value read from a file often ends with a newline.");
		}
	}

	private static void requirePositive(@Nullable Duration value, String property) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidVoucherifyPropertyException(property, "must be a positive duration, was " + value,
					"Set '" + property + "' to a positive duration such as 5s.");
		}
	}

}
