package io.voucherify.spring.autoconfigure;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VoucherifyClientHttpRequestFactory;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyHttpClients;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VoucherifyJobSettings;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersTemplateBuilder;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.HttpComponentsClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpRedirects;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.web.client.RestClient;

/**
 * Configures a {@link VouchersTemplateBuilder} as the auto-configuration does, in the way
 * Spring Boot's {@code RestClientBuilderConfigurer} configures a
 * {@code RestClient.Builder}: the connection details and {@code voucherify.*} properties;
 * a transport from Boot's {@link HttpClientSettings} and
 * {@link ClientHttpRequestFactoryBuilder} with this client's timeouts, no redirects and
 * the {@link VoucherifyHttpClients} policy, built on the first call; then every
 * {@link RestClientCustomizer} (message converters, observations,
 * {@code MockRestServiceServer}); then the error handler, observations, activity record,
 * call budget, retries and every {@link VoucherifyRestClientCustomizer}.
 *
 * @since 0.1.0
 */
public final class VouchersTemplateBuilderConfigurer {

	/**
	 * {@code ${NAME}} or {@code ${NAME:default}}, as Spring leaves it when unresolved.
	 */
	private static final Pattern UNRESOLVED_PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)(?::[^}]*)?}");

	private final VoucherifyProperties properties;

	private final VoucherifyConnectionDetails connectionDetails;

	private final HttpClientSettings httpClientSettings;

	private final ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder;

	private final List<RestClientCustomizer> restClientCustomizers;

	private final List<VoucherifyRestClientCustomizer> voucherifyCustomizers;

	private final VoucherifyErrorHandler errorHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable VoucherifyObservationConvention observationConvention;

	private final VoucherifyApiActivity activity;

	private final VoucherifyCallBudget callBudget;

	VouchersTemplateBuilderConfigurer(VoucherifyProperties properties, VoucherifyConnectionDetails connectionDetails,
			HttpClientSettings httpClientSettings, ClientHttpRequestFactoryBuilder<?> requestFactoryBuilder,
			List<RestClientCustomizer> restClientCustomizers,
			List<VoucherifyRestClientCustomizer> voucherifyCustomizers, VoucherifyErrorHandler errorHandler,
			ObservationRegistry observationRegistry, @Nullable VoucherifyObservationConvention observationConvention,
			VoucherifyApiActivity activity, VoucherifyCallBudget callBudget) {
		this.properties = properties;
		this.connectionDetails = connectionDetails;
		this.httpClientSettings = httpClientSettings;
		this.requestFactoryBuilder = requestFactoryBuilder;
		this.restClientCustomizers = restClientCustomizers;
		this.voucherifyCustomizers = voucherifyCustomizers;
		this.errorHandler = errorHandler;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.activity = activity;
		this.callBudget = callBudget;
	}

	/**
	 * Configure a builder.
	 * @param builder the builder, such as {@code VouchersTemplate.builder()}
	 * @return the builder
	 * @throws InvalidVoucherifyPropertyException if a credential or the base URL is an
	 * unresolved placeholder, or the retry properties are invalid
	 */
	public VouchersTemplateBuilder configure(VouchersTemplateBuilder builder) {
		VoucherifyProperties properties = this.properties;
		if (this.connectionDetails instanceof PropertiesVoucherifyConnectionDetails) {
			requireResolved(properties.getAppId(), "app-id", "the Application ID of your Voucherify project");
			requireResolved(properties.getSecretKey(), "secret-key", "the Secret Key of your Voucherify project");
			requireResolved(properties.getBaseUrl(), "base-url", "your project's regional API URL");
		}
		VoucherifyClientHttpRequestFactory transport = transport();
		RestClient.Builder restClient = RestClient.builder().requestFactory(transport);
		this.restClientCustomizers.forEach((customizer) -> customizer.customize(restClient));
		builder.appId(this.connectionDetails.getAppId())
			.secretKey(this.connectionDetails.getSecretKey())
			.baseUrl(this.connectionDetails.getBaseUrl())
			.allowPlainHttp(properties.isAllowPlainHttp())
			.apiVersion(properties.getApiVersion())
			.channel(properties.getChannel())
			.timeouts(properties.getConnectTimeout(), properties.getReadTimeout(), properties.getBulkReadTimeout())
			.maxConnections(properties.getMaxConnections())
			.maxResponseSize(properties.getMaxResponseSize())
			.restClientBuilder(restClient)
			.releaseOnClose(transport)
			.errorHandler(this.errorHandler)
			.observationRegistry(this.observationRegistry)
			.observationConvention(this.observationConvention)
			.activity(this.activity)
			.callBudget(this.callBudget)
			.retry(retrySettings(properties.getRetry()))
			.jobs(jobSettings(properties.getJobs()));
		this.voucherifyCustomizers.forEach(builder::customizer);
		return builder;
	}

	/**
	 * Boot's request factory for this client, built on the first call: the bulk read
	 * timeout is the transport's, as the template bounds each attempt by its own.
	 */
	private VoucherifyClientHttpRequestFactory transport() {
		HttpClientSettings settings = this.httpClientSettings
			// Voucherify does not redirect its calls, whatever the application's other
			// clients do: a redirect would take the secret key to another host.
			.withRedirects(HttpRedirects.DONT_FOLLOW)
			.withTimeouts(this.properties.getConnectTimeout(), this.properties.getBulkReadTimeout());
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = withPolicy(this.requestFactoryBuilder,
				this.properties.getMaxConnections());
		return new VoucherifyClientHttpRequestFactory(() -> factoryBuilder.build(settings));
	}

	private static ClientHttpRequestFactoryBuilder<?> withPolicy(ClientHttpRequestFactoryBuilder<?> factoryBuilder,
			int maxConnections) {
		if (factoryBuilder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			return jdk.withHttpClientCustomizer(VoucherifyHttpClients::configure);
		}
		if (factoryBuilder instanceof HttpComponentsClientHttpRequestFactoryBuilder apache
				&& VoucherifyHttpClients.isApacheHttpClientPresent()) {
			return apache
				.withConnectionManagerCustomizer((pool) -> VoucherifyHttpClients.configure(pool, maxConnections))
				.withHttpClientCustomizer(VoucherifyHttpClients::configure);
		}
		return factoryBuilder;
	}

	/**
	 * A value that is still a placeholder: Spring leaves one it cannot resolve in place,
	 * so that {@code ${VOUCHERIFY_SECRET_KEY}} with the variable unset would be sent as
	 * the key. Only the placeholder is named, never the rest of the value.
	 */
	private static void requireResolved(@Nullable String value, String name, String what) {
		Matcher placeholder = (value != null) ? UNRESOLVED_PLACEHOLDER.matcher(value) : null;
		if (placeholder == null || !placeholder.find()) {
			return;
		}
		String property = VoucherifyProperties.PREFIX + "." + name;
		String variable = placeholder.group(1).strip();
		String environmentVariable = variable.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
		throw new InvalidVoucherifyPropertyException(property,
				"is not set: its value is the placeholder ${" + variable + "}, which nothing resolved",
				"Set '" + property + "' to " + what + ": set the environment variable " + environmentVariable
						+ " that its placeholder names, or give the value directly. Or set 'voucherify.enabled=false' "
						+ "to switch the client off.");
	}

	static VoucherifyRetrySettings retrySettings(VoucherifyProperties.Retry retry) {
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

	static VoucherifyJobSettings jobSettings(VoucherifyProperties.Jobs jobs) {
		try {
			return new VoucherifyJobSettings(jobs.getFirstPollDelay(), jobs.getPollInterval(), jobs.getPollMultiplier(),
					jobs.getMaxPollInterval());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidVoucherifyPropertyException(VoucherifyProperties.PREFIX + ".jobs",
					"is invalid: " + ex.getMessage(),
					"Fix the 'voucherify.jobs.*' properties: first-poll-delay not negative, poll-interval positive, "
							+ "poll-multiplier at least 1, max-poll-interval at least poll-interval.");
		}
	}

}
