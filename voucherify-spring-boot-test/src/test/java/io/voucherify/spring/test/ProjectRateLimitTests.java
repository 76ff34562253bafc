package io.voucherify.spring.test;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link ProjectRateLimit} on its own, for what would take thousands of HTTP calls.
 */
class ProjectRateLimitTests {

	private static final Instant START = Instant.parse("2024-05-01T10:00:00Z");

	@Test
	void theStatisticsKeepTheThousandMostRecentWindows() {
		MutableClock clock = new MutableClock(START);
		ProjectRateLimit rateLimit = ProjectRateLimit.enforcing(1, Duration.ofMillis(1), clock);
		for (int i = 0; i < 1005; i++) {
			rateLimit.call();
			clock.advance(Duration.ofMillis(1));
		}

		RateLimitStats stats = rateLimit.stats();

		assertThat(stats.acceptedCalls()).isEqualTo(1005);
		assertThat(stats.acceptedPerWindow()).hasSize(1000);
		assertThat(stats.acceptedPerWindow().firstKey()).isEqualTo(START.plusMillis(5));
		assertThat(stats.acceptedPerWindow().lastKey()).isEqualTo(START.plusMillis(1004));
	}

	@Test
	void theStatisticsAreASnapshot() {
		ProjectRateLimit rateLimit = ProjectRateLimit.enforcing(10, Duration.ofMinutes(1), new MutableClock(START));
		rateLimit.call();

		RateLimitStats stats = rateLimit.stats();
		rateLimit.call();

		assertThat(stats.acceptedCalls()).isEqualTo(1);
		assertThat(stats.acceptedPerWindow()).containsEntry(START, 1);
	}

}
