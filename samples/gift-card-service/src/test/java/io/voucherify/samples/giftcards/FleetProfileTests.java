package io.voucherify.samples.giftcards;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Map;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.autoconfigure.VoucherifyProperties;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The {@code fleet} profile: the call budget on, of the emulator's limit, kept in Redis
 * for two instances. No Redis runs here: the service starts all the same (the store
 * connects in the background) and keeps to its share of the limit.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "demo.emulator.port=0", "server.address=127.0.0.1" })
@ActiveProfiles("fleet")
class FleetProfileTests {

	private static final ParameterizedTypeReference<Map<String, Object>> JSON = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	private int port;

	@Autowired
	private ApplicationContext context;

	private RestClient http;

	/** A loopback port nothing listens on: Redis is down. */
	@DynamicPropertySource
	static void noRedis(DynamicPropertyRegistry registry) {
		registry.add("spring.data.redis.host", () -> "127.0.0.1");
		registry.add("spring.data.redis.port", FleetProfileTests::closedPort);
	}

	@BeforeEach
	void createClient() {
		this.http = RestClient.builder()
			.baseUrl("http://127.0.0.1:" + this.port)
			.defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {
				// Keep error responses as values: the tests assert on them.
			})
			.build();
	}

	@Test
	void theProfileSharesABudgetOfTheEmulatorsLimitBetweenTwoInstancesThroughRedis() {
		VoucherifyProperties.RateLimit rateLimit = this.context.getBean(VoucherifyProperties.class).getRateLimit();

		assertThat(rateLimit.isEnabled()).isTrue();
		assertThat(rateLimit.getLimit()).isEqualTo(50);
		assertThat(rateLimit.getPeriod()).isEqualTo(Duration.ofSeconds(10));
		assertThat(rateLimit.getInstances()).isEqualTo(2);
		assertThat(rateLimit.getMaxWait()).isEqualTo(Duration.ofSeconds(5));
		assertThat(rateLimit.getStore()).isEqualTo(VoucherifyProperties.RateLimit.Store.REDIS);
		assertThat(this.context.getBean(VoucherifyCallBudget.class)).isInstanceOf(BucketCallBudget.class);
		assertThat(this.context.getBeanProvider(LettuceCallBudgetStore.class).getIfAvailable()).isNotNull();
		assertThat(this.context.getEnvironment().getProperty("demo.emulator.rate-limit.calls")).isEqualTo("50");
		assertThat(this.context.getEnvironment().getProperty("demo.emulator.rate-limit.period")).isEqualTo("10s");
	}

	@Test
	@SuppressWarnings("unchecked")
	void withoutRedisTheServiceWorksOnItsShareAndStaysUp() {
		// A call meets the store's failure once the connection attempt has failed;
		// before, the store is still connecting. Either way the call is made.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(get("/cards/GIFT-DEMO-0001").getStatusCode().value()).isEqualTo(200);
			ResponseEntity<Map<String, Object>> health = get("/actuator/health");
			assertThat(health.getStatusCode().value()).isEqualTo(200);
			assertThat(health.getBody()).containsEntry("status", "UP");
			Map<String, Object> components = (Map<String, Object>) health.getBody().get("components");
			assertThat(components).doesNotContainKey("redis");
			Map<String, Object> voucherify = (Map<String, Object>) components.get("voucherify");
			Map<String, Object> details = (Map<String, Object>) voucherify.get("details");
			assertThat((Map<String, Object>) details.get("budget")).containsEntry("limit", 50)
				.containsEntry("store", "redis")
				.containsEntry("storeStatus", "DOWN")
				.containsEntry("localShare", 25)
				.containsKey("storeProblem");
		});
	}

	private ResponseEntity<Map<String, Object>> get(String path) {
		return this.http.get().uri(path).retrieve().toEntity(JSON);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
