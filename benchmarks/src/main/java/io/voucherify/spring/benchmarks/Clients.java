package io.voucherify.spring.benchmarks;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voucherify.client.VoucherifyClient;
import io.voucherify.spring.VouchersTemplate;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;

import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * Every client the benchmarks compare, built the way its users build it.
 */
public final class Clients {

	/** Connections of the proposed pool (and of the hand-written Apache client). */
	public static final int POOL_SIZE = 50;

	static final String APP_ID = "bench-app";

	static final String SECRET_KEY = "bench-secret";

	private static final String OBSERVATION_AUTO_CONFIGURATION = "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration";

	private static final String VOUCHERIFY_AUTO_CONFIGURATIONS = "io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration,"
			+ "io.voucherify.spring.autoconfigure.VoucherifyHealthContributorAutoConfiguration,"
			+ "io.voucherify.spring.autoconfigure.VoucherifyMetricsAutoConfiguration,"
			+ "io.voucherify.spring.autoconfigure.VoucherifyActuatorAutoConfiguration";

	private Clients() {
	}

	/** How the starter's transport is chosen in a context. */
	public enum StarterTransport {

		/**
		 * The starter as it comes: it brings httpclient5, so {@code detect()} picks
		 * Apache HttpClient 5, which the starter sizes
		 * ({@code voucherify.max-connections}, 50).
		 */
		STARTER(null),

		/**
		 * {@code spring.http.clients.imperative.factory=jdk}: the JDK {@code HttpClient},
		 * what {@code detect()} picks when httpclient5 is excluded from the starter.
		 */
		JDK("jdk"),

		/** No Voucherify auto-configuration at all: the start-up baseline. */
		NONE(null);

		private final String factory;

		StarterTransport(String factory) {
			this.factory = factory;
		}

	}

	/**
	 * Start the benchmark application with the starter's auto-configuration.
	 * @param baseUrl the server
	 * @param transport how the transport is chosen
	 * @param observations whether an {@code ObservationRegistry} (with the meter registry
	 * behind it) exists, as with the actuator; without it the client observes nothing
	 * @return the running context
	 */
	public static ConfigurableApplicationContext starterContext(String baseUrl, StarterTransport transport,
			boolean observations) {
		return starterContext(baseUrl, transport, observations, (builder) -> {
		});
	}

	/**
	 * Start the benchmark application with the starter's auto-configuration.
	 * @param baseUrl the server
	 * @param transport how the transport is chosen
	 * @param observations whether an {@code ObservationRegistry} exists
	 * @param customizer a last change to the application builder
	 * @return the running context
	 */
	public static ConfigurableApplicationContext starterContext(String baseUrl, StarterTransport transport,
			boolean observations, java.util.function.Consumer<SpringApplicationBuilder> customizer) {
		List<String> properties = new ArrayList<>(List.of("voucherify.app-id=" + APP_ID,
				"voucherify.secret-key=" + SECRET_KEY, "voucherify.base-url=" + baseUrl, "logging.level.root=WARN",
				"spring.main.log-startup-info=false"));
		if (transport.factory != null) {
			properties.add("spring.http.clients.imperative.factory=" + transport.factory);
		}
		List<String> excludes = new ArrayList<>();
		if (!observations) {
			excludes.add(OBSERVATION_AUTO_CONFIGURATION);
		}
		if (transport == StarterTransport.NONE) {
			excludes.add(VOUCHERIFY_AUTO_CONFIGURATIONS);
		}
		if (!excludes.isEmpty()) {
			properties.add("spring.autoconfigure.exclude=" + String.join(",", excludes));
		}
		SpringApplicationBuilder builder = new SpringApplicationBuilder(BenchmarkApplication.class)
			.web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.properties(properties.toArray(String[]::new));
		customizer.accept(builder);
		return builder.run();
	}

	/**
	 * A hand-written {@code RestClient} on a request factory, sending the same headers as
	 * the starter.
	 */
	public static RestClient restClient(String baseUrl, ClientHttpRequestFactory requestFactory) {
		return restClient(RestClient.builder(), baseUrl, requestFactory);
	}

	/**
	 * A hand-written {@code RestClient} from a given builder (e.g. Boot's) on a request
	 * factory, sending the same headers as the starter.
	 */
	public static RestClient restClient(RestClient.Builder builder, String baseUrl,
			ClientHttpRequestFactory requestFactory) {
		return builder.requestFactory(requestFactory).baseUrl(baseUrl).defaultHeaders((headers) -> {
			headers.set("X-App-Id", APP_ID);
			headers.set("X-App-Token", SECRET_KEY);
			headers.set("X-Voucherify-Channel", VouchersTemplate.DEFAULT_CHANNEL);
			headers.set("X-Voucherify-API-Version", VouchersTemplate.DEFAULT_API_VERSION);
			headers.set(HttpHeaders.USER_AGENT, "hand-written");
			headers.setAccept(List.of(MediaType.APPLICATION_JSON));
		}).build();
	}

	/** The JDK client as the starter configures it: HTTP/1.1. */
	public static HttpClient jdkHttpClient() {
		return HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
	}

	/** Spring's JDK request factory, with the starter's default read timeout. */
	public static JdkClientHttpRequestFactory jdkRequestFactory() {
		JdkClientHttpRequestFactory factory = new JdkClientHttpRequestFactory(jdkHttpClient());
		factory.setReadTimeout(VouchersTemplate.DEFAULT_READ_TIMEOUT);
		return factory;
	}

	/**
	 * Apache HttpClient 5 with a pool of {@link #POOL_SIZE} and the starter's timeouts.
	 */
	public static CloseableHttpClient apacheHttpClient() {
		PoolingHttpClientConnectionManager pool = PoolingHttpClientConnectionManagerBuilder.create()
			.setMaxConnPerRoute(POOL_SIZE)
			.setMaxConnTotal(POOL_SIZE)
			.setDefaultConnectionConfig(ConnectionConfig.custom()
				.setConnectTimeout(5, java.util.concurrent.TimeUnit.SECONDS)
				.setSocketTimeout(30, java.util.concurrent.TimeUnit.SECONDS)
				.build())
			.build();
		return HttpClients.custom().setConnectionManager(pool).build();
	}

	public static HttpComponentsClientHttpRequestFactory apacheRequestFactory() {
		return new HttpComponentsClientHttpRequestFactory(apacheHttpClient());
	}

	/** The official SDK 8.0.0, pointed at the local server over plain HTTP. */
	public static VoucherifyClient sdk(String baseUrl) {
		String hostAndPort = baseUrl.substring("http://".length());
		return new VoucherifyClient.Builder().setAppId(APP_ID)
			.setClientSecretKey(SECRET_KEY)
			.setEndpoint(hostAndPort)
			.withoutSSL()
			.build();
	}

	/** The transport a case configures, for the report. */
	public static String describeTransport(StarterTransport transport) {
		return switch (transport) {
			case STARTER -> "Apache HttpClient 5, pool of " + POOL_SIZE;
			case JDK -> "JDK HttpClient";
			case NONE -> "none";
		};
	}

	/** The observations a context recorded, to prove observations are on or off. */
	public static String describeObservations(ConfigurableApplicationContext context) {
		MeterRegistry meters = context.getBeanProvider(MeterRegistry.class).getIfAvailable();
		if (meters == null) {
			return "no meter registry";
		}
		StringBuilder description = new StringBuilder();
		for (String name : List.of("voucherify.client.requests", "http.client.requests")) {
			long count = meters.find(name).timers().stream().mapToLong(Timer::count).sum();
			description.append(name).append('=').append(count).append(' ');
		}
		return description.toString().trim();
	}

}
