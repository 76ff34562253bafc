package io.voucherify.spring;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.apache.hc.client5.http.classic.ExecChainHandler;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.HttpClientBuilder;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.util.Timeout;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.ClassUtils;
import org.springframework.web.client.RestClient;

/**
 * How the Voucherify client sets up the HTTP clients it runs on, whether a
 * {@link VouchersTemplate} builds its own or Spring Boot builds them:
 * <ul>
 * <li>no redirects followed: Voucherify's API does not redirect its calls, and a redirect
 * would take the secret key to another host;</li>
 * <li>no automatic retries: the client's own retries decide what may be sent twice;</li>
 * <li>no cookies: Voucherify sets none;</li>
 * <li>on Apache HttpClient 5, a pool of {@code maxConnections} and the hook that lets the
 * client cancel an exchange at its deadline;</li>
 * <li>on the JDK client, HTTP/1.1: its cleartext HTTP/2 upgrade breaks streamed request
 * bodies (the CSV upload) on some plain-http servers.</li>
 * </ul>
 *
 * @since 0.1.0
 */
public final class VoucherifyHttpClients {

	private VoucherifyHttpClients() {
	}

	/**
	 * Whether Apache HttpClient 5, the client's preferred transport, is present.
	 * @return {@code true} if it can be used
	 */
	public static boolean isApacheHttpClientPresent() {
		return ClassUtils.isPresent("org.apache.hc.client5.http.impl.classic.HttpClients",
				VoucherifyHttpClients.class.getClassLoader());
	}

	/**
	 * Apply the policy to an Apache HttpClient 5 builder.
	 * @param client the builder
	 */
	public static void configure(HttpClientBuilder client) {
		Apache.configure(client);
	}

	/**
	 * Size an Apache HttpClient 5 connection pool.
	 * @param pool the pool's builder
	 * @param maxConnections the pool size, per route and in all
	 */
	public static void configure(PoolingHttpClientConnectionManagerBuilder pool, int maxConnections) {
		pool.setMaxConnTotal(maxConnections).setMaxConnPerRoute(maxConnections);
	}

	/**
	 * Apply the policy to a JDK {@code HttpClient} builder.
	 * @param client the builder
	 */
	public static void configure(HttpClient.Builder client) {
		client.version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER);
	}

	/**
	 * The transport of a template that builds its own: Apache HttpClient 5 when present,
	 * else the JDK client, built on the first call.
	 */
	static VoucherifyClientHttpRequestFactory defaultTransport(Duration connectTimeout, Duration readTimeout,
			int maxConnections) {
		if (isApacheHttpClientPresent()) {
			return new VoucherifyClientHttpRequestFactory(
					() -> Apache.requestFactory(connectTimeout, readTimeout, maxConnections));
		}
		return new VoucherifyClientHttpRequestFactory(() -> {
			HttpClient.Builder client = HttpClient.newBuilder().connectTimeout(connectTimeout);
			configure(client);
			JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(client.build());
			factory.setReadTimeout(readTimeout);
			return factory;
		});
	}

	/**
	 * A copy of a builder that shares nothing with it: {@code clone()} shares the lists
	 * of default header and cookie values.
	 */
	static RestClient.Builder independentCopy(RestClient.Builder builder) {
		RestClient.Builder copy = builder.clone();
		copy.defaultHeaders((headers) -> {
			for (String name : List.copyOf(headers.headerNames())) {
				headers.put(name, new ArrayList<>(headers.getOrEmpty(name)));
			}
		});
		copy.defaultCookies((cookies) -> cookies.replaceAll((name, values) -> new ArrayList<>(values)));
		return copy;
	}

	/** Apart, so that httpclient5's classes load only when it is present. */
	private static final class Apache {

		/**
		 * Registers how to cancel each exchange with the call's guard: Apache's blocking
		 * socket reads ignore interrupts; cancelling its request closes the connection.
		 */
		private static final ExecChainHandler CANCEL_HOOK = (request, scope, chain) -> {
			if (scope.originalRequest instanceof Cancellable cancellable) {
				ExchangeGuard.cancelCurrentWith(cancellable::cancel);
			}
			return chain.proceed(request, scope);
		};

		static void configure(HttpClientBuilder client) {
			client.disableAutomaticRetries()
				.disableRedirectHandling()
				.disableCookieManagement()
				.addExecInterceptorFirst("voucherify-cancel", CANCEL_HOOK);
		}

		static ClientHttpRequestFactory requestFactory(Duration connectTimeout, Duration readTimeout,
				int maxConnections) {
			PoolingHttpClientConnectionManagerBuilder pool = PoolingHttpClientConnectionManagerBuilder.create()
				.setDefaultConnectionConfig(
						ConnectionConfig.custom().setConnectTimeout(Timeout.of(connectTimeout)).build());
			VoucherifyHttpClients.configure(pool, maxConnections);
			HttpClientBuilder client = HttpClients.custom().setConnectionManager(pool.build());
			configure(client);
			HttpComponentsClientHttpRequestFactory factory = new HttpComponentsClientHttpRequestFactory(client.build());
			factory.setReadTimeout(readTimeout);
			return factory;
		}

	}

}
