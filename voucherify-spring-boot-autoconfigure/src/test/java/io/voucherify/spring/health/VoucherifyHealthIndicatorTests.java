package io.voucherify.spring.health;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.VouchersTemplateBuilder;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.model.Voucher;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Tests for {@link VoucherifyHealthIndicator} against WireMock: each state of the probe,
 * what the details show and hide, the cache that spares the API quota, single-flight
 * probing, and real traffic as evidence.
 */
class VoucherifyHealthIndicatorTests {

	private static final String APP_ID = "test-app-id";

	private static final String SECRET_KEY = "test-secret-key-7d3b19";

	private static final Duration TTL = Duration.ofMinutes(5);

	/** Generous enough for a loaded machine, far below any test's budget. */
	private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(2);

	/** A GET of one voucher code: the probe uses only the SDK's operations. */
	private static final String PROBE_URL = "/v1/vouchers/[^/?]+";

	private static final String VOUCHERS_PREFIX = "/v1/vouchers/";

	private static final String APP_VOUCHER_PATH = "/v1/vouchers/GIFT-1";

	/**
	 * Plain-text HTTP/2 is off, as in the other WireMock tests (wiremock/wiremock#2637).
	 */
	@RegisterExtension
	static WireMockExtension wireMock = TestClients.wireMock();

	private final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T09:00:00Z"));

	private final VoucherifyApiActivity activity = new VoucherifyApiActivity(this.clock);

	// Probe states

	@Test
	void probeAnsweredNotFoundIsUpWithDetails() {
		stubProbe(notFoundJson());
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("baseUrl", wireMock.baseUrl())
			.containsEntry("lastStatus", 404)
			.containsEntry("checkedAt", this.clock.instant().toString())
			.containsEntry("source", "probe");
		assertThat(health.getDetails().get("latencyMs")).isInstanceOf(Long.class);
		assertThat((Long) health.getDetails().get("latencyMs")).isGreaterThanOrEqualTo(0L);
	}

	@Test
	void theDetailsShowTheCallBudgetAsItIsNow() {
		stubProbe(notFoundJson());
		BucketCallBudget budget = BucketCallBudget
			.local(CallBudgetSettings.of(100, Duration.ofMinutes(1)).withMaxWait(Duration.ZERO));
		VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl()).callBudget(budget).build();
		VoucherifyHealthIndicator indicator = new VoucherifyHealthIndicator(vouchers, PROBE_TIMEOUT, wireMock.baseUrl(),
				TTL, this.clock);

		Health first = indicator.health();
		Health cached = indicator.health();

		assertThat(first.getStatus()).isEqualTo(Status.UP);
		assertThat(first.getDetails().get("budget")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("limit", 100L)
			.containsEntry("store", "none (one instance)")
			.containsEntry("permits", 1L);
		// The probe's answer is cached; the budget's figures are not.
		assertThat(cached.getDetails().get("budget")).asInstanceOf(InstanceOfAssertFactories.MAP)
			.containsEntry("permits", 1L);
		assertThat(allRequests()).hasSize(1);
	}

	@Test
	void withoutABudgetTheDetailsHaveNone() {
		stubProbe(notFoundJson());
		assertThat(indicator().health().getDetails()).doesNotContainKey("budget");
	}

	@Test
	void probeRunsOnTheApplicationsClient() {
		stubProbe(notFoundJson());
		VouchersTemplate vouchers = client(wireMock.baseUrl(), PROBE_TIMEOUT,
				(builder) -> builder.defaultHeader("X-Application", "shop"));

		new VoucherifyHealthIndicator(vouchers, PROBE_TIMEOUT, wireMock.baseUrl(), TTL, this.clock).health();

		assertThat(allRequests()).singleElement()
			.satisfies((request) -> assertThat(request.getHeader("X-Application")).isEqualTo("shop"));
	}

	@Test
	void probeSeesVoucherifysOwnErrorsWhateverTheApplicationsErrorHandler() {
		stubProbe(notFoundJson());
		VouchersTemplate vouchers = VouchersTemplate.builder()
			.appId(APP_ID)
			.secretKey(SECRET_KEY)
			.baseUrl(wireMock.baseUrl())
			.activity(this.activity)
			.errorHandler((request, response) -> new IllegalStateException("the application's own exception"))
			.build();

		Health health = new VoucherifyHealthIndicator(vouchers, PROBE_TIMEOUT, wireMock.baseUrl(), TTL, this.clock)
			.health();

		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("lastStatus", 404);
	}

	@Test
	void probeEndsWithinItsOwnTimeoutWhateverTheApplicationsTimeouts() {
		stubProbe(notFoundJson().withFixedDelay(5_000));
		VouchersTemplate vouchers = client(wireMock.baseUrl(), Duration.ofSeconds(30));
		long start = System.nanoTime();

		Health health = new VoucherifyHealthIndicator(vouchers, Duration.ofMillis(300), wireMock.baseUrl(), TTL,
				this.clock)
			.health();

		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "timeout");
	}

	@Test
	void probeIsOneGetOfAVoucherCode() {
		stubProbe(notFoundJson());
		indicator().health();
		List<LoggedRequest> requests = allRequests();
		assertThat(requests).hasSize(1);
		assertThat(requests.get(0).getMethod().getName()).isEqualTo("GET");
		assertThat(requests.get(0).getUrl()).matches(PROBE_URL);
	}

	@ParameterizedTest
	@ValueSource(ints = { 401, 403 })
	void probeWithRejectedCredentialsIsDown(int status) {
		stubProbe(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-401-unauthorized.json")));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "credentials rejected")
			.containsEntry("lastStatus", status)
			.containsEntry("source", "probe");
	}

	@ParameterizedTest
	@ValueSource(ints = { 500, 502, 503 })
	void probeAnsweredWithServerErrorIsDown(int status) {
		stubProbe(aResponse().withStatus(status));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("lastStatus", status);
		assertThat((String) health.getDetails().get("error")).startsWith("server error");
	}

	@Test
	void probeSlowerThanItsTimeoutIsDown() {
		stubProbe(notFoundJson().withFixedDelay(1500));
		VoucherifyHealthIndicator indicator = indicator(wireMock.baseUrl(), Duration.ofMillis(250));
		long start = System.nanoTime();
		Health health = indicator.health();
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "timeout").containsEntry("lastStatus", "none");
		assertThat(elapsed).isLessThan(Duration.ofMillis(1500));
	}

	@Test
	void probeWithConnectionRefusedIsDown() throws IOException {
		String closedPortUrl = "http://localhost:" + closedPort();
		Health health = indicator(closedPortUrl, PROBE_TIMEOUT).health();
		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "connection failed")
			.containsEntry("lastStatus", "none")
			.containsEntry("baseUrl", closedPortUrl);
	}

	@Test
	void probeThrottledIsUpAndSaysRateLimitedWithRetryAfter() {
		stubProbe(tooManyRequests().withHeader("Retry-After", "30"));
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("rateLimited", true)
			.containsEntry("retryAfter", Duration.ofSeconds(30).toString())
			.containsEntry("lastStatus", 429);
	}

	@Test
	void probeThrottledWithoutRetryAfterIsUpWithoutRetryAfterDetail() {
		stubProbe(tooManyRequests());
		Health health = indicator().health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("rateLimited", true).doesNotContainKey("retryAfter");
	}

	@Test
	void detailsShowRateLimitRemainingFromResponseHeader() {
		stubProbe(notFoundJson().withHeader("X-Rate-Limit-Limit", "100").withHeader("X-Rate-Limit-Remaining", "57"));
		Health health = indicator().health();
		assertThat(health.getDetails()).containsEntry("rateLimitRemaining", 57L);
	}

	@Test
	void detailsOmitRateLimitRemainingWhenNoResponseCarriedIt() {
		stubProbe(notFoundJson());
		Health health = indicator().health();
		assertThat(health.getDetails()).doesNotContainKey("rateLimitRemaining");
	}

	@ParameterizedTest
	@ValueSource(ints = { 404, 401, 429, 503 })
	void healthNeverShowsSecretKeyOrProbedCode(int status) {
		stubProbe(aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\":" + status + ",\"message\":\"x\"}"));
		Health health = indicator().health();
		String probedCode = allRequests().get(0).getUrl().substring(VOUCHERS_PREFIX.length());
		assertThat(probedCode).isNotBlank();
		assertThat(health.toString()).doesNotContain(SECRET_KEY).doesNotContain(probedCode);
		for (Object value : health.getDetails().values()) {
			assertThat(String.valueOf(value)).doesNotContain(SECRET_KEY).doesNotContain(probedCode);
		}
	}

	// Cache

	@Test
	void secondHealthCheckWithinTtlMakesNoRequest() {
		stubProbe(notFoundJson());
		VoucherifyHealthIndicator indicator = indicator();
		indicator.health();
		this.clock.advance(TTL.minusSeconds(1));
		Health second = indicator.health();
		assertThat(second.getStatus()).isEqualTo(Status.UP);
		assertThat(allRequests()).hasSize(1);
	}

	@Test
	void healthCheckAfterTtlProbesAgain() {
		stubProbe(notFoundJson());
		VoucherifyHealthIndicator indicator = indicator();
		indicator.health();
		this.clock.advance(TTL.plusSeconds(1));
		Health second = indicator.health();
		assertThat(second.getStatus()).isEqualTo(Status.UP);
		assertThat(second.getDetails()).containsEntry("source", "probe")
			.containsEntry("checkedAt", this.clock.instant().toString());
		assertThat(allRequests()).hasSize(2);
	}

	@Test
	void downResultIsCachedForTtl() {
		stubProbe(aResponse().withStatus(503));
		VoucherifyHealthIndicator indicator = indicator();
		indicator.health();
		this.clock.advance(TTL.minusSeconds(1));
		Health second = indicator.health();
		assertThat(second.getStatus()).isEqualTo(Status.DOWN);
		assertThat(allRequests()).hasSize(1);
	}

	@Test
	void recoveryIsSeenAtTheFirstProbeAfterTtl() {
		stubProbe(aResponse().withStatus(503));
		VoucherifyHealthIndicator indicator = indicator();
		assertThat(indicator.health().getStatus()).isEqualTo(Status.DOWN);
		stubProbe(notFoundJson());
		this.clock.advance(TTL.plusSeconds(1));
		assertThat(indicator.health().getStatus()).isEqualTo(Status.UP);
		assertThat(allRequests()).hasSize(2);
	}

	@Test
	void concurrentHealthChecksWithinTtlMakeAtMostOneProbe() throws Exception {
		stubProbe(notFoundJson().withFixedDelay(300));
		AtomicBoolean testOver = new AtomicBoolean();
		VoucherifyHealthIndicator indicator = new VoucherifyHealthIndicator(
				client(wireMock.baseUrl(), PROBE_TIMEOUT, failingFastOnceOver(testOver)), PROBE_TIMEOUT,
				wireMock.baseUrl(), TTL, this.clock);
		ExecutorService executor = Executors.newFixedThreadPool(32);
		List<Health> healths = new ArrayList<>();
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Health>> results = new ArrayList<>();
			for (int i = 0; i < 100; i++) {
				results.add(executor.submit(() -> {
					start.await();
					return indicator.health();
				}));
			}
			start.countDown();
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
			for (Future<Health> result : results) {
				healths.add(result.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
			}
		}
		catch (TimeoutException ex) {
			// Reported by the assertions below.
		}
		finally {
			// Health checks still queued behind the probe lock fail fast instead of
			// probing into the next test.
			testOver.set(true);
			executor.shutdownNow();
			executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		assertThat(allRequests()).hasSizeLessThanOrEqualTo(1);
		assertThat(healths).as("health results within 5s").hasSize(100);
		assertThat(healths).allSatisfy((health) -> assertThat(health.getStatus()).isEqualTo(Status.UP));
	}

	// Real traffic as evidence

	@Test
	void successfulRealCallSuppressesProbe() {
		stubProbe(notFoundJson());
		wireMock.stubFor(
				get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		VoucherifyHealthIndicator indicator = indicator();
		Voucher voucher = appClient().getVoucher("GIFT-1");
		assertThat(voucher).isNotNull();
		this.clock.advance(Duration.ofMinutes(1));
		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("source", "traffic").containsEntry("lastStatus", 200);
		assertThat(allRequests()).singleElement()
			.satisfies((request) -> assertThat(request.getUrl()).isEqualTo(APP_VOUCHER_PATH));
	}

	@Test
	void rejectedRealCallIsNotEvidence() {
		stubProbe(notFoundJson());
		wireMock.stubFor(get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-401-unauthorized.json"))));
		VoucherifyHealthIndicator indicator = indicator();
		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(() -> appClient().getVoucher("GIFT-1"));
		Health health = indicator.health();
		assertThat(health.getDetails()).containsEntry("source", "probe");
		assertThat(allRequests()).hasSize(2);
		assertThat(probeRequests()).hasSize(1);
	}

	@Test
	void rejectedRealCallAfterASuccessfulOneTriggersAProbe() {
		stubProbe(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-401-unauthorized.json")));
		VoucherifyHealthIndicator indicator = indicator();
		wireMock.stubFor(
				get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		appClient().getVoucher("GIFT-1");
		this.clock.advance(Duration.ofSeconds(10));
		wireMock.stubFor(get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(aResponse().withStatus(401)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-401-unauthorized.json"))));
		assertThatExceptionOfType(VoucherifyAuthenticationException.class)
			.isThrownBy(() -> appClient().getVoucher("GIFT-1"));
		this.clock.advance(Duration.ofSeconds(10));

		Health health = indicator.health();

		assertThat(health.getStatus()).isEqualTo(Status.DOWN);
		assertThat(health.getDetails()).containsEntry("error", "credentials rejected");
		assertThat(probeRequests()).hasSize(1);
	}

	@Test
	void serverErrorOfRealCallIsNotEvidence() {
		stubProbe(notFoundJson());
		wireMock.stubFor(get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(aResponse().withStatus(503)));
		VoucherifyHealthIndicator indicator = indicator();
		assertThatExceptionOfType(VoucherifyServerException.class).isThrownBy(() -> appClient().getVoucher("GIFT-1"));
		Health health = indicator.health();
		assertThat(health.getDetails()).containsEntry("source", "probe");
		assertThat(probeRequests()).hasSize(1);
	}

	@Test
	void realCallOlderThanTtlIsNotEvidence() {
		stubProbe(notFoundJson());
		wireMock.stubFor(
				get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		VoucherifyHealthIndicator indicator = indicator();
		appClient().getVoucher("GIFT-1");
		this.clock.advance(TTL.plusSeconds(1));
		Health health = indicator.health();
		assertThat(health.getStatus()).isEqualTo(Status.UP);
		assertThat(health.getDetails()).containsEntry("source", "probe");
		assertThat(probeRequests()).hasSize(1);
	}

	// Helpers

	private VoucherifyHealthIndicator indicator() {
		return indicator(wireMock.baseUrl(), PROBE_TIMEOUT);
	}

	private VoucherifyHealthIndicator indicator(String baseUrl, Duration probeTimeout) {
		return new VoucherifyHealthIndicator(client(baseUrl, probeTimeout), probeTimeout, baseUrl, TTL, this.clock);
	}

	/**
	 * The application's own client: a separate template sharing the activity record. Like
	 * the probe it makes one request a call, so request counts stay exact.
	 */
	private VouchersOperations appClient() {
		return client(wireMock.baseUrl(), PROBE_TIMEOUT);
	}

	private VouchersTemplate client(String baseUrl, Duration timeout, VoucherifyRestClientCustomizer... customizers) {
		VouchersTemplateBuilder builder = VouchersTemplate.builder()
			.appId(APP_ID)
			.secretKey(SECRET_KEY)
			.baseUrl(baseUrl)
			.activity(this.activity)
			.retry(VoucherifyRetrySettings.disabled())
			.timeouts(timeout, timeout, timeout);
		for (VoucherifyRestClientCustomizer customizer : customizers) {
			builder.customizer(customizer);
		}
		return builder.build();
	}

	/** Fails every request with an I/O error once {@code over} is set. */
	private static VoucherifyRestClientCustomizer failingFastOnceOver(AtomicBoolean over) {
		return (builder) -> builder.requestInterceptor((request, body, execution) -> {
			if (over.get()) {
				throw new IOException("test is over");
			}
			return execution.execute(request, body);
		});
	}

	private static void stubProbe(ResponseDefinitionBuilder response) {
		wireMock.stubFor(get(urlMatching(PROBE_URL)).willReturn(response));
	}

	private static ResponseDefinitionBuilder notFoundJson() {
		return aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-404-voucher-not-found.json"));
	}

	private static ResponseDefinitionBuilder tooManyRequests() {
		return aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-429-rate-limited.json"));
	}

	private static List<LoggedRequest> allRequests() {
		return wireMock.findAll(anyRequestedFor(anyUrl()));
	}

	/** Requests other than the application's own call. */
	private static List<LoggedRequest> probeRequests() {
		return allRequests().stream().filter((request) -> !APP_VOUCHER_PATH.equals(request.getUrl())).toList();
	}

	private static int closedPort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/** A clock that stands still until a test moves it. */
	static final class MutableClock extends Clock {

		private final AtomicReference<Instant> now;

		MutableClock(Instant start) {
			this.now = new AtomicReference<>(start);
		}

		void advance(Duration duration) {
			this.now.updateAndGet((instant) -> instant.plus(duration));
		}

		@Override
		public Instant instant() {
			return this.now.get();
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			throw new UnsupportedOperationException();
		}

	}

}
