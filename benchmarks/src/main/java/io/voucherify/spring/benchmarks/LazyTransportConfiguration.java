package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.util.function.Supplier;

import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VoucherifyClientHttpRequestFactory;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.autoconfigure.VoucherifyProperties;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.JdkClientHttpRequestFactoryBuilder;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The start-up fix measured in place of the starter's own template bean (which backs off
 * when a {@code VouchersOperations} bean exists): the same steps as
 * {@code VoucherifyAutoConfiguration.templateBuilder}, except that the two request
 * factories (and so the HTTP clients and their TLS set-up) are built on the first call
 * instead of at start-up.
 */
@Configuration(proxyBeanMethods = false)
public class LazyTransportConfiguration {

	@Bean
	VouchersTemplate vouchersTemplate(VoucherifyProperties properties, VoucherifyErrorHandler errorHandler,
			VoucherifyApiActivity activity, ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<ObservationRegistry> observationRegistry) {
		HttpClientSettings settings = httpClientSettings.getIfAvailable(HttpClientSettings::defaults);
		ClientHttpRequestFactoryBuilder<?> builder = requestFactoryBuilder
			.getIfAvailable(ClientHttpRequestFactoryBuilder::detect);
		if (builder instanceof JdkClientHttpRequestFactoryBuilder jdk) {
			builder = jdk.withHttpClientCustomizer((client) -> client.version(HttpClient.Version.HTTP_1_1));
		}
		ClientHttpRequestFactoryBuilder<?> factoryBuilder = builder;
		ClientHttpRequestFactory standard = new LazyClientHttpRequestFactory(() -> factoryBuilder
			.build(settings.withTimeouts(properties.getConnectTimeout(), properties.getReadTimeout())));
		ClientHttpRequestFactory bulk = new LazyClientHttpRequestFactory(() -> factoryBuilder
			.build(settings.withTimeouts(properties.getConnectTimeout(), properties.getBulkReadTimeout())));
		RestClient.Builder restClientBuilder = RestClient.builder()
			.requestFactory(new VoucherifyClientHttpRequestFactory(standard, bulk));
		restClientCustomizers.orderedStream().forEach((customizer) -> customizer.customize(restClientBuilder));
		return VouchersTemplate.builder()
			.appId(properties.getAppId())
			.secretKey(properties.getSecretKey())
			.baseUrl(properties.getBaseUrl())
			.apiVersion(properties.getApiVersion())
			.channel(properties.getChannel())
			.restClientBuilder(restClientBuilder)
			.errorHandler(errorHandler)
			.activity(activity)
			.retry(VoucherifyRetrySettings.defaults())
			.observationRegistry(observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP))
			.build();
	}

	/** Builds its delegate on the first request. */
	static final class LazyClientHttpRequestFactory implements ClientHttpRequestFactory {

		private final SingletonSupplier<ClientHttpRequestFactory> delegate;

		LazyClientHttpRequestFactory(Supplier<ClientHttpRequestFactory> delegate) {
			this.delegate = SingletonSupplier.of(delegate);
		}

		@Override
		public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
			return this.delegate.obtain().createRequest(uri, httpMethod);
		}

	}

}
