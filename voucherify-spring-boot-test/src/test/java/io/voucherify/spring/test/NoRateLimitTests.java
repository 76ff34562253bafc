package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emulator without a configured rate limit, on a clock the tests move: the headers
 * show 2000 calls a minute, and no call is ever rejected.
 */
class NoRateLimitTests {

	private static final Instant MINUTE = Instant.parse("2024-05-01T10:00:00Z");

	private final MutableClock clock = new MutableClock(MINUTE.plusSeconds(30));

	@RegisterExtension
	final VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
			VoucherifyEmulator.builder().clock(this.clock));

	@Test
	void answersShowTheLimitAndTheRemainingCallsOnly() {
		HttpResponse<String> response = call();

		assertThat(RateLimitTests.rateLimitHeaders(response))
			.containsExactlyInAnyOrderEntriesOf(Map.of("X-Rate-Limit-Limit", "2000", "X-Rate-Limit-Remaining", "1999"));
	}

	@Test
	void noCallIsRejectedBeyondTwoThousandAMinute() throws Exception {
		List<HttpResponse<String>> responses = RateLimitConcurrencyTests.callConcurrently(this.voucherify.emulator(), 8,
				255);

		assertThat(responses).extracting(HttpResponse::statusCode).containsOnly(404);
		assertThat(responses).extracting((response) -> RateLimitTests.header(response, "X-Rate-Limit-Remaining"))
			.contains("0");
		assertThat(this.voucherify.emulator().rateLimitStats())
			.isEqualTo(new RateLimitStats(2040, 0, new TreeMap<>(Map.of(MINUTE, 2040))));
	}

	@Test
	void aNewMinuteRestartsTheRemainingCalls() {
		call();
		call();

		this.clock.advance(Duration.ofSeconds(30));
		HttpResponse<String> response = call();

		assertThat(RateLimitTests.header(response, "X-Rate-Limit-Remaining")).isEqualTo("1999");
	}

	private HttpResponse<String> call() {
		return TestClients.raw(this.voucherify.emulator(), "GET", "/v1/vouchers/NO-SUCH-CODE", null);
	}

}
