package io.voucherify.spring;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * The transports the client runs on, each built the way a user builds it: by hand with
 * {@link VouchersTemplate#builder()}, or auto-configured by Spring Boot. Tests of the
 * client's guarantees against hostile servers run on each.
 */
enum Transport {

	/** A hand-built template on its own default, Apache HttpClient 5. */
	TEMPLATE_APACHE,

	/** A hand-built template on a JDK client request factory of the user's. */
	TEMPLATE_JDK,

	/** The auto-configured client on Boot's first choice, Apache HttpClient 5. */
	BOOT_APACHE,

	/** The auto-configured client on the JDK client. */
	BOOT_JDK;

	static final String APP_ID = "app-id";

	static final String SECRET_KEY = "secret-key-7d1f";

	/**
	 * Run a test with a client of this transport against {@code baseUrl}.
	 * @param settings the client's settings
	 * @param test what to do with the client
	 */
	void run(String baseUrl, Settings settings, Consumer<VouchersOperations> test) {
		switch (this) {
			case TEMPLATE_APACHE, TEMPLATE_JDK -> {
				VouchersTemplateBuilder builder = VouchersTemplate.builder()
					.appId(APP_ID)
					.secretKey(SECRET_KEY)
					.baseUrl(baseUrl)
					.timeouts(Duration.ofSeconds(5), settings.readTimeout, Duration.ofMinutes(3))
					.retry(settings.retrySettings())
					.maxResponseSize(settings.maxResponseSize)
					.maxConnections(settings.maxConnections);
				if (this == TEMPLATE_JDK) {
					JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(
							HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build());
					factory.setReadTimeout(settings.readTimeout);
					builder.restClientBuilder(RestClient.builder().requestFactory(factory));
				}
				try (VouchersTemplate vouchers = builder.build()) {
					test.accept(vouchers);
				}
			}
			case BOOT_APACHE, BOOT_JDK -> {
				List<String> properties = new ArrayList<>(List.of("voucherify.app-id=" + APP_ID,
						"voucherify.secret-key=" + SECRET_KEY, "voucherify.base-url=" + baseUrl,
						"voucherify.read-timeout=" + settings.readTimeout.toMillis() + "ms",
						"voucherify.retry.enabled=" + settings.retries,
						"voucherify.retry.max-total-time=" + settings.maxTotalTime.toMillis() + "ms",
						"voucherify.max-response-size=" + settings.maxResponseSize.toBytes() + "B",
						"voucherify.max-connections=" + settings.maxConnections));
				if (this == BOOT_JDK) {
					properties.add("spring.http.clients.imperative.factory=jdk");
				}
				properties.addAll(settings.bootProperties);
				new ApplicationContextRunner()
					.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
							ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
							VoucherifyAutoConfiguration.class))
					.withPropertyValues(properties.toArray(String[]::new))
					.run((context) -> {
						if (context.getStartupFailure() != null) {
							throw new IllegalStateException(context.getStartupFailure());
						}
						test.accept(context.getBean(VouchersOperations.class));
					});
			}
		}
	}

	/**
	 * What the tests vary: the call's total time, the read timeout, retries, the memory
	 * limit and, for the auto-configured client, Boot's own properties.
	 */
	static final class Settings {

		private Duration maxTotalTime = Duration.ofSeconds(10);

		private Duration readTimeout = Duration.ofSeconds(30);

		private boolean retries = true;

		private DataSize maxResponseSize = VouchersTemplate.DEFAULT_MAX_RESPONSE_SIZE;

		private int maxConnections = VouchersTemplate.DEFAULT_MAX_CONNECTIONS;

		private final List<String> bootProperties = new ArrayList<>();

		static Settings defaults() {
			return new Settings();
		}

		Settings maxTotalTime(Duration maxTotalTime) {
			this.maxTotalTime = maxTotalTime;
			return this;
		}

		Settings readTimeout(Duration readTimeout) {
			this.readTimeout = readTimeout;
			return this;
		}

		Settings retries(boolean retries) {
			this.retries = retries;
			return this;
		}

		Settings maxResponseSize(DataSize maxResponseSize) {
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		Settings maxConnections(int maxConnections) {
			this.maxConnections = maxConnections;
			return this;
		}

		/** A property of the application, ignored by the hand-built client. */
		Settings bootProperty(String property) {
			this.bootProperties.add(property);
			return this;
		}

		VoucherifyRetrySettings retrySettings() {
			VoucherifyRetrySettings defaults = this.retries ? VoucherifyRetrySettings.defaults()
					: VoucherifyRetrySettings.disabled();
			return defaults.withMaxTotalTime(this.maxTotalTime);
		}

	}

}
