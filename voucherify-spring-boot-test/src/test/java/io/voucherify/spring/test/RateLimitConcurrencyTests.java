package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many clients calling one emulator at once, within one window (the clock does not move):
 * the project rate limit is shared by all of them.
 */
class RateLimitConcurrencyTests {

	private static final int THREADS = 8;

	private static final int CALLS_PER_THREAD = 50;

	private static final int LIMIT = 100;

	@Test
	void concurrentClientsGetExactlyTheLimitAcceptedBetweenThem() throws Exception {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder()
			.rateLimit(LIMIT, Duration.ofHours(1))
			.clock(new MutableClock(Instant.parse("2024-05-01T10:00:00Z")))
			.build()) {
			List<HttpResponse<String>> responses = callConcurrently(emulator, THREADS, CALLS_PER_THREAD);

			assertThat(responses).filteredOn((response) -> response.statusCode() == 404).hasSize(LIMIT);
			assertThat(responses).filteredOn((response) -> response.statusCode() == 429)
				.hasSize(THREADS * CALLS_PER_THREAD - LIMIT);
		}
	}

	@Test
	void concurrentAcceptedCallsEachSeeADifferentRemainingCount() throws Exception {
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder()
			.rateLimit(LIMIT, Duration.ofHours(1))
			.clock(new MutableClock(Instant.parse("2024-05-01T10:00:00Z")))
			.build()) {
			List<HttpResponse<String>> responses = callConcurrently(emulator, THREADS, CALLS_PER_THREAD);

			assertThat(responses).filteredOn((response) -> response.statusCode() == 404)
				.extracting((response) -> Integer.parseInt(RateLimitTests.header(response, "X-Rate-Limit-Remaining")))
				.containsExactlyInAnyOrderElementsOf(IntStream.range(0, LIMIT).boxed().toList());
		}
	}

	@Test
	void theStatisticsAgreeWithTheAnswersOfConcurrentClients() throws Exception {
		Instant start = Instant.parse("2024-05-01T10:00:00Z");
		try (VoucherifyEmulator emulator = VoucherifyEmulator.builder()
			.rateLimit(LIMIT, Duration.ofHours(1))
			.clock(new MutableClock(start))
			.build()) {
			callConcurrently(emulator, THREADS, CALLS_PER_THREAD);

			RateLimitStats stats = emulator.rateLimitStats();

			assertThat(stats.acceptedCalls()).isEqualTo(LIMIT);
			assertThat(stats.rejectedCalls()).isEqualTo(THREADS * CALLS_PER_THREAD - LIMIT);
			assertThat(stats.acceptedPerWindow()).containsOnly(Map.entry(start, LIMIT));
		}
	}

	/**
	 * Call the API host ({@code GET} of a voucher that does not exist) from several
	 * threads at once.
	 * @return every answer
	 */
	static List<HttpResponse<String>> callConcurrently(VoucherifyEmulator emulator, int threads, int callsEach)
			throws Exception {
		ExecutorService executor = Executors.newFixedThreadPool(threads);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<List<HttpResponse<String>>>> futures = new ArrayList<>();
			for (int i = 0; i < threads; i++) {
				futures.add(executor.submit(() -> {
					start.await();
					List<HttpResponse<String>> responses = new ArrayList<>();
					for (int call = 0; call < callsEach; call++) {
						responses.add(TestClients.raw(emulator, "GET", "/v1/vouchers/NO-SUCH-CODE", null));
					}
					return responses;
				}));
			}
			start.countDown();
			List<HttpResponse<String>> responses = new ArrayList<>();
			for (Future<List<HttpResponse<String>>> future : futures) {
				responses.addAll(future.get(60, TimeUnit.SECONDS));
			}
			return responses;
		}
		finally {
			executor.shutdownNow();
		}
	}

}
