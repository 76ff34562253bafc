package io.voucherify.samples.giftcards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import io.voucherify.spring.test.RateLimitStats;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import redis.embedded.RedisServer;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two instances of the service with the {@code fleet} profile, as the README's "Two
 * instances, one rate limit" runs them by hand: the first embeds the rate-limited
 * emulator, the second uses it, and both take their permits from one budget in a real
 * Redis server (from the embedded-redis jar) started here. Windows of 1000 days, so that
 * none ends while the test runs.
 */
@ExtendWith(OutputCaptureExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstancesOneBudgetTests {

	private static final int LIMIT = 10;

	private static RedisServer redis;

	private static int redisPort;

	private static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startRedisAndTwoInstances() throws IOException {
		redisPort = freePort();
		redis = RedisServer.newRedisServer()
			.bind("127.0.0.1")
			.port(redisPort)
			.setting("save \"\"")
			.setting("appendonly no")
			.build();
		redis.start();
		VoucherifyEmulator emulator = start("--demo.emulator.port=0").getBean(VoucherifyEmulator.class);
		start("--voucherify.app-id=" + emulator.appId(), "--voucherify.secret-key=" + emulator.secretKey(),
				"--voucherify.base-url=" + emulator.baseUrl());
	}

	@AfterAll
	static void stopEverything() throws IOException {
		instances.forEach(ConfigurableApplicationContext::close);
		if (redis != null) {
			redis.stop();
		}
	}

	@Test
	@Order(1)
	void theInstancesShareTheEmulatorsLimitAndNeverMeetA429() {
		for (ConfigurableApplicationContext instance : instances) {
			LettuceCallBudgetStore store = instance.getBean(LettuceCallBudgetStore.class);
			await().atMost(Duration.ofSeconds(10)).until(() -> store.proxyManager() != null);
		}
		List<RestClient> clients = instances.stream().map(TwoInstancesOneBudgetTests::client).toList();

		int granted = 0;
		int denied = 0;
		for (int i = 0; i < LIMIT; i++) {
			for (RestClient client : clients) {
				int status = client.get()
					.uri("/cards/GIFT-DEMO-0001")
					.retrieve()
					.toBodilessEntity()
					.getStatusCode()
					.value();
				if (status == 200) {
					granted++;
				}
				else if (status == 503) {
					denied++;
				}
			}
		}

		assertThat(granted).isEqualTo(LIMIT);
		assertThat(denied).isEqualTo(LIMIT);
		RateLimitStats stats = instances.get(0).getBean(VoucherifyEmulator.class).rateLimitStats();
		assertThat(stats.acceptedCalls()).isEqualTo(LIMIT);
		assertThat(stats.rejectedCalls()).isZero();
		for (ConfigurableApplicationContext instance : instances) {
			assertThat(instance.getBean(VoucherifyCallBudget.class).describe()).containsEntry("store", "redis")
				.containsEntry("storeStatus", "UP");
		}
		try (RedisClient client = RedisClient.create(RedisURI.create("127.0.0.1", redisPort));
				StatefulRedisConnection<String, String> connection = client.connect()) {
			// SCAN, not KEYS, whose signature differs between Lettuce 6 and 7 (Boot 4.1).
			assertThat(ScanIterator.scan(connection.sync()).stream().toList()).isNotEmpty()
				.allSatisfy((key) -> assertThat(key).startsWith("voucherify:budget:" + emulatorAppId() + ":"));
		}
	}

	@Test
	@Order(2)
	void anInstanceStopsWithoutWarnings(CapturedOutput output) {
		instances.remove(1).close();

		// Boot's Lettuce factory shut its client down first: the budget's store leaves
		// the connection it closed alone.
		assertThat(output).contains("Graceful shutdown complete").doesNotContain("WARN");
	}

	private static String emulatorAppId() {
		return instances.get(0).getBean(VoucherifyEmulator.class).appId();
	}

	private static ConfigurableApplicationContext start(String... arguments) {
		List<String> all = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.data.redis.host=127.0.0.1", "--spring.data.redis.port=" + redisPort,
				"--demo.emulator.rate-limit.calls=" + LIMIT, "--demo.emulator.rate-limit.period=1000d",
				"--voucherify.rate-limit.limit=" + LIMIT, "--voucherify.rate-limit.period=1000d"));
		all.addAll(List.of(arguments));
		ConfigurableApplicationContext instance = new SpringApplicationBuilder(GiftCardServiceApplication.class)
			.profiles("fleet")
			.run(all.toArray(String[]::new));
		instances.add(instance);
		return instance;
	}

	private static RestClient client(ConfigurableApplicationContext instance) {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		// The JDK's client: Apache HttpClient's would wait out the denial's Retry-After
		// and try again.
		return RestClient.builder()
			.baseUrl("http://127.0.0.1:" + port)
			.requestFactory(new JdkClientHttpRequestFactory())
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// Keep error responses as values: the test counts them.
			})
			.build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
