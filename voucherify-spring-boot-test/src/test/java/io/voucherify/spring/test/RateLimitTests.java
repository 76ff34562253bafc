package io.voucherify.spring.test;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.voucherify.spring.exception.VoucherifyRateLimitException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * A project rate limit of 3 calls per 10 s, on a clock the tests move: each test has its
 * own emulator and clock, starting 2.5 s into the window 10:00:00 - 10:00:10.
 */
class RateLimitTests {

	static final List<String> RATE_LIMIT_HEADERS = List.of("X-Rate-Limit-Limit", "X-Rate-Limit-Remaining",
			"X-Rate-Limit-Retry", "Retry-After", "X-Rate-Limit-Type");

	private static final int LIMIT = 3;

	private static final Duration PERIOD = Duration.ofSeconds(10);

	private static final Instant WINDOW_START = Instant.parse("2024-05-01T10:00:00Z");

	private static final Instant WINDOW_END = WINDOW_START.plus(PERIOD);

	private final MutableClock clock = new MutableClock(WINDOW_START.plusMillis(2500));

	@RegisterExtension
	final VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().rateLimit(LIMIT, PERIOD).clock(this.clock));

	@Test
	void acceptedCallsCountDownTheRemainingCallsOfTheWindow() {
		List<HttpResponse<String>> responses = List.of(call(), call(), call());

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(404);
		assertThat(responses).extracting((response) -> header(response, "X-Rate-Limit-Remaining"))
			.containsExactly("2", "1", "0");
		assertThat(responses).allSatisfy((response) -> {
			assertThat(header(response, "X-Rate-Limit-Limit")).isEqualTo("3");
			assertThat(header(response, "X-Rate-Limit-Retry")).isEqualTo(epochSeconds(WINDOW_END));
			assertThat(header(response, "X-Rate-Limit-Type")).isEqualTo("api_calls");
			assertThat(response.headers().firstValue("Retry-After")).isEmpty();
		});
	}

	@Test
	void aCallBeyondTheLimitIsRejectedWithVoucherifysMessage() throws IOException {
		useUpTheWindow();

		HttpResponse<String> response = call();

		JsonNode body = Json.parse(response.body());
		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(header(response, "Content-Type")).isEqualTo("application/json; charset=utf-8");
		assertThat(Json.without(body, "key", "request_id"))
			.isEqualTo(Json.read(Specification.examples().resolve("error-429-rate-limited.json")));
		assertThat(body.get("key").asString()).isEqualTo("too_many_requests");
		assertThat(body.get("request_id").asString()).matches("v-[0-9a-f]{18}");
	}

	@Test
	void aRejectedCallCarriesTheRateLimitHeadersOfTheWindow() {
		useUpTheWindow();

		HttpResponse<String> response = call();

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(rateLimitHeaders(response)).containsExactlyInAnyOrderEntriesOf(
				Map.of("X-Rate-Limit-Limit", "3", "X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Retry",
						epochSeconds(WINDOW_END), "Retry-After", "8", "X-Rate-Limit-Type", "api_calls"));
	}

	@Test
	void aRejectedCallDoesNotRunTheOperation() {
		this.voucherify.emulator().createGiftCard("GIFT-1", 5000);
		useUpTheWindow();

		HttpResponse<String> response = TestClients.raw(this.voucherify.emulator(), "POST",
				"/v1/vouchers/GIFT-1/balance", "{\"amount\":-1000}");

		assertThat(response.statusCode()).isEqualTo(429);
		assertThat(this.voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(5000L);
		assertThat(this.voucherify.emulator().transactions("GIFT-1")).isEmpty();
	}

	@Test
	void rejectedCallsDoNotCount() {
		useUpTheWindow();
		for (int i = 0; i < 5; i++) {
			call();
		}

		this.clock.advance(PERIOD);
		HttpResponse<String> nextWindow = call();

		assertThat(header(nextWindow, "X-Rate-Limit-Remaining")).isEqualTo("2");
		assertThat(this.voucherify.emulator().rateLimitStats().acceptedPerWindow())
			.containsExactly(Map.entry(WINDOW_START, 3), Map.entry(WINDOW_END, 1));
		assertThat(this.voucherify.emulator().rateLimitStats().rejectedCalls()).isEqualTo(5);
	}

	@Test
	void theNextWindowAcceptsCallsAgainWithAllItsCalls() {
		useUpTheWindow();

		this.clock.advance(Duration.ofMillis(7500));
		HttpResponse<String> response = call();

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "X-Rate-Limit-Remaining")).isEqualTo("2");
		assertThat(header(response, "X-Rate-Limit-Retry")).isEqualTo(epochSeconds(WINDOW_END.plus(PERIOD)));
	}

	@Test
	void aWindowEndsAtAMultipleOfThePeriodNotAPeriodAfterItsFirstCall() {
		this.clock.advance(Duration.ofMillis(7499));
		useUpTheWindow();

		this.clock.advance(Duration.ofMillis(1));
		HttpResponse<String> response = call();

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "X-Rate-Limit-Remaining")).isEqualTo("2");
	}

	@Test
	void theLastMillisecondOfAWindowAsksToRetryInOneSecond() {
		this.clock.advance(Duration.ofMillis(7499));
		useUpTheWindow();

		HttpResponse<String> response = call();

		assertThat(header(response, "Retry-After")).isEqualTo("1");
		assertThat(header(response, "X-Rate-Limit-Retry")).isEqualTo(epochSeconds(WINDOW_END));
	}

	@Test
	void retryTimesAreRoundedUpToWholeSeconds() {
		MutableClock clock = new MutableClock(Instant.parse("2024-05-01T10:00:00.250Z"));
		try (VoucherifyEmulator subSecond = VoucherifyEmulator.builder()
			.rateLimit(1, Duration.ofMillis(1500))
			.clock(clock)
			.build()) {
			TestClients.raw(subSecond, "GET", "/v1/vouchers/NO-SUCH-CODE", null);

			HttpResponse<String> response = TestClients.raw(subSecond, "GET", "/v1/vouchers/NO-SUCH-CODE", null);

			// The window 10:00:00.000 - 10:00:01.500 (1500 ms from the epoch's multiple).
			assertThat(response.statusCode()).isEqualTo(429);
			assertThat(header(response, "X-Rate-Limit-Retry"))
				.isEqualTo(Long.toString(Instant.parse("2024-05-01T10:00:02Z").getEpochSecond()));
			assertThat(header(response, "Retry-After")).isEqualTo("2");
		}
	}

	@Test
	void everyAnswerOfTheApiHostCounts() {
		HttpResponse<String> unauthorized = TestClients.anonymous(this.voucherify.emulator(), "GET",
				"/v1/vouchers/GIFT-1");
		HttpResponse<String> noRoute = TestClients.raw(this.voucherify.emulator(), "GET", "/v1/campaigns", null);
		HttpResponse<String> notAllowed = TestClients.raw(this.voucherify.emulator(), "PUT", "/v1/vouchers/GIFT-1",
				null);

		HttpResponse<String> rejected = TestClients.anonymous(this.voucherify.emulator(), "GET", "/v1/vouchers/GIFT-1");

		assertThat(List.of(unauthorized, noRoute, notAllowed, rejected)).extracting(HttpResponse::statusCode)
			.containsExactly(401, 404, 405, 429);
		assertThat(List.of(unauthorized, noRoute, notAllowed))
			.extracting((response) -> header(response, "X-Rate-Limit-Remaining"))
			.containsExactly("2", "1", "0");
	}

	@Test
	void theDownloadHostIsNotLimited() {
		VoucherifyEmulator emulator = this.voucherify.emulator();
		emulator.createGiftCard("GIFT-1", 5000);
		String url = Exports.url(emulator, Exports.create(emulator, "GIFT-1", null));

		List<HttpResponse<String>> downloads = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			downloads.add(TestClients.get(url));
		}
		HttpResponse<String> third = call();

		assertThat(downloads).allSatisfy((download) -> {
			assertThat(download.statusCode()).isEqualTo(200);
			assertThat(rateLimitHeaders(download))
				.containsExactlyInAnyOrderEntriesOf(Map.of("X-Rate-Limit-Limit", "3", "X-Rate-Limit-Remaining", "1"));
		});
		assertThat(third.statusCode()).isEqualTo(404);
		assertThat(header(third, "X-Rate-Limit-Remaining")).isEqualTo("0");
		assertThat(emulator.rateLimitStats().acceptedCalls()).isEqualTo(3);
	}

	@Test
	void theStatisticsCountTheAcceptedCallsOfEachWindow() {
		call();
		call();
		this.clock.advance(PERIOD);
		call();
		this.clock.advance(PERIOD.multipliedBy(2));
		useUpTheWindow();
		call();

		RateLimitStats stats = this.voucherify.emulator().rateLimitStats();

		assertThat(stats.acceptedCalls()).isEqualTo(6);
		assertThat(stats.rejectedCalls()).isEqualTo(1);
		assertThat(stats.acceptedPerWindow()).containsExactly(Map.entry(WINDOW_START, 2), Map.entry(WINDOW_END, 1),
				Map.entry(WINDOW_START.plus(PERIOD.multipliedBy(3)), 3));
	}

	@Test
	void resetGivesTheWindowItsCallsBackAndClearsTheStatistics() {
		useUpTheWindow();
		call();

		this.voucherify.emulator().reset();
		RateLimitStats afterReset = this.voucherify.emulator().rateLimitStats();
		HttpResponse<String> response = call();

		assertThat(afterReset.acceptedCalls()).isZero();
		assertThat(afterReset.rejectedCalls()).isZero();
		assertThat(afterReset.acceptedPerWindow()).isEmpty();
		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(header(response, "X-Rate-Limit-Remaining")).isEqualTo("2");
	}

	@Test
	void theClientFailsWithARateLimitExceptionCarryingTheWait() {
		try (VoucherifyEmulator hourly = VoucherifyEmulator.builder()
			.rateLimit(1, Duration.ofHours(1))
			.clock(new MutableClock(Instant.parse("2024-05-01T10:15:00Z")))
			.build()) {
			hourly.createGiftCard("GIFT-1", 5000);
			TestClients.vouchers(hourly).getVoucher("GIFT-1");

			// 45 minutes to wait: more than the client waits for, so it does not retry.
			assertThatExceptionOfType(VoucherifyRateLimitException.class)
				.isThrownBy(() -> TestClients.vouchers(hourly).getVoucher("GIFT-1"))
				.satisfies((ex) -> {
					assertThat(ex.getStatusCode().value()).isEqualTo(429);
					assertThat(ex.getKey()).isEqualTo("too_many_requests");
					assertThat(ex.getErrorMessage()).isEqualTo("Too many requests hit the API too quickly.");
					assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofMinutes(45));
				});
			assertThat(hourly.rateLimitStats().rejectedCalls()).isEqualTo(1);
		}
	}

	@Test
	void aNonPositiveNumberOfCallsIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().rateLimit(0, Duration.ofMinutes(1)))
			.withMessage("rateLimit calls must be positive, was 0");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().rateLimit(-1, Duration.ofMinutes(1)))
			.withMessage("rateLimit calls must be positive, was -1");
	}

	@Test
	void aPeriodShorterThanAMillisecondIsRefused() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().rateLimit(100, Duration.ZERO))
			.withMessage("rateLimit period must be at least 1 ms, was PT0S");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().rateLimit(100, Duration.ofSeconds(-1)))
			.withMessageContaining("rateLimit period");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VoucherifyEmulator.builder().rateLimit(100, Duration.ofNanos(999_999)))
			.withMessageContaining("rateLimit period");
	}

	private void useUpTheWindow() {
		for (int i = 0; i < LIMIT; i++) {
			HttpResponse<String> response = call();
			assertThat(response.statusCode()).as("call %d of the window", i + 1).isEqualTo(404);
		}
	}

	/** A call that is answered 404 unless rejected. */
	private HttpResponse<String> call() {
		return TestClients.raw(this.voucherify.emulator(), "GET", "/v1/vouchers/NO-SUCH-CODE", null);
	}

	static String header(HttpResponse<?> response, String name) {
		return response.headers().firstValue(name).orElseThrow(() -> new AssertionError("No " + name + " header"));
	}

	/** The rate-limit headers that the answer carries, by name. */
	static Map<String, String> rateLimitHeaders(HttpResponse<?> response) {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String name : RATE_LIMIT_HEADERS) {
			response.headers().firstValue(name).ifPresent((value) -> headers.put(name, value));
		}
		return headers;
	}

	private static String epochSeconds(Instant instant) {
		return Long.toString(instant.getEpochSecond());
	}

}
