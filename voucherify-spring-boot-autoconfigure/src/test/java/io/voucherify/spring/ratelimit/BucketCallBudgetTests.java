package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

import io.github.bucket4j.TimeMeter;
import io.voucherify.spring.VoucherifyOperation;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A budget in one instance, on a clock the tests move: permits a window, denials with the
 * time to come back, the bulk share, and what it learns from Voucherify's answers.
 */
class BucketCallBudgetTests {

	private static final VoucherifyOperation GET = VoucherifyOperation.GET_VOUCHER;

	private static final Duration NO_WAIT = Duration.ZERO;

	/** 10 s into a minute window that starts at a multiple of a minute. */
	private final ManualTime time = new ManualTime(Instant.parse("2026-12-02T08:00:10Z"));

	@Test
	void givesTheLimitInOneWindowThenDeniesUntilTheNextWindow() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(3, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		for (int i = 0; i < 3; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10)));
		assertThat(denied).isInstanceOf(VoucherifyRateLimitException.class);
		assertThat(denied.getRetryAfter()).isEqualTo(Duration.ofSeconds(50));
		assertThat(denied.getMessage()).startsWith("get_voucher was not sent: the call budget of 3 calls per PT1M")
			.contains("within 0 ms (voucherify.rate-limit.max-wait)");
		this.time.advance(Duration.ofSeconds(50));
		assertThatNoException().isThrownBy(() -> budget.acquire(GET, Duration.ofSeconds(10)));
	}

	@Test
	void aDenialNamesTheCallsTimeWhenThatEndsTheWaitFirst() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(1, Duration.ofMinutes(1)));
		budget.acquire(GET, Duration.ofSeconds(10));
		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofMillis(20)));
		assertThat(denied.getMessage()).contains("within 20 ms (the call's time left)");
	}

	@Test
	void waitsForTheNextWindowWithinTheWait() {
		BucketCallBudget budget = BucketCallBudget.local(CallBudgetSettings.of(1, Duration.ofMillis(200)));
		budget.acquire(GET, Duration.ofSeconds(10));
		long start = System.nanoTime();
		budget.acquire(GET, Duration.ofSeconds(10));
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThanOrEqualTo(Duration.ofMillis(400));
	}

	@Test
	void theBulkShareIsKeptForBackgroundJobs() {
		BucketCallBudget budget = budget(
				CallBudgetSettings.of(10, Duration.ofMinutes(1)).withBulkShare(0.2).withMaxWait(NO_WAIT));
		for (int i = 0; i < 8; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(VoucherifyOperation.UPDATE_VOUCHER_BALANCE, Duration.ofSeconds(10))))
			.isNotNull();
		budget.acquire(VoucherifyOperation.IMPORT_VOUCHERS_USING_CSV, Duration.ofSeconds(10));
		budget.acquire(VoucherifyOperation.GET_ASYNC_ACTION, Duration.ofSeconds(10));
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(VoucherifyOperation.GET_EXPORT, Duration.ofSeconds(10))))
			.isNotNull();
	}

	@Test
	void aLowerLimitFromVoucherifyLowersTheBudget() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(100, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.learn(GET, 200, headers("X-Rate-Limit-Limit", "5"));
		assertThat(budget.describe()).containsEntry("limit", 5L).containsEntry("configuredLimit", 100);
		for (int i = 0; i < 5; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10))))
			.isNotNull();
		this.time.advance(Duration.ofSeconds(50));
		for (int i = 0; i < 5; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10))))
			.isNotNull();
	}

	@Test
	void aHigherLimitFromVoucherifyLeavesTheBudgetAsSet() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)));
		budget.learn(GET, 200, headers("X-Rate-Limit-Limit", "2000"));
		assertThat(budget.describe()).containsEntry("limit", 10L).doesNotContainKey("configuredLimit");
	}

	@Test
	void fewerCallsRemainingAtVoucherifyTakesTheDifferenceOut() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.acquire(GET, Duration.ofSeconds(10));
		// Another application used the project: 2 calls left in this window, not 9.
		budget.learn(GET, 200, headers("X-Rate-Limit-Remaining", "2", "X-Rate-Limit-Retry", epochSecond("08:01:00")));
		budget.acquire(GET, Duration.ofSeconds(10));
		budget.acquire(GET, Duration.ofSeconds(10));
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10))))
			.isNotNull();
	}

	@Test
	void theRemainingCountOfAnEndedWindowIsIgnored() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.acquire(GET, Duration.ofSeconds(10));
		// An answer that crossed the window's end: it speaks of the window before.
		budget.learn(GET, 200, headers("X-Rate-Limit-Remaining", "0", "X-Rate-Limit-Retry", epochSecond("08:00:00")));
		for (int i = 0; i < 9; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
	}

	@Test
	void a429HoldsEveryCallUntilVoucherifysRetryTime() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.learn(GET, 429, headers("X-Rate-Limit-Retry", epochSecond("08:02:00")));
		assertThat(budget.describe()).containsEntry("pausedUntil", "2026-12-02T08:02:00Z");
		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10)));
		assertThat(denied.getRetryAfter()).isEqualTo(Duration.ofSeconds(110));
		this.time.advance(Duration.ofSeconds(50));
		assertThat(catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10))))
			.isNotNull();
		this.time.advance(Duration.ofSeconds(60));
		assertThatNoException().isThrownBy(() -> budget.acquire(GET, Duration.ofSeconds(10)));
	}

	@Test
	void a429WithRetryAfterHoldsCallsForThatLong() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.learn(GET, 429, headers("Retry-After", "20"));
		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, Duration.ofSeconds(10)));
		assertThat(denied.getRetryAfter()).isEqualTo(Duration.ofSeconds(50));
	}

	@Test
	void aRetryAfterRoundedUpToTheSecondHoldsCallsOnlyToTheWindowsEnd() {
		this.time.advance(Duration.ofMillis(300));
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		// 49.7 s to the window's end, sent as 50.
		budget.learn(GET, 429, headers("Retry-After", "50"));
		this.time.advance(Duration.ofMillis(49_700));
		assertThatNoException().isThrownBy(() -> budget.acquire(GET, Duration.ofSeconds(10)));
	}

	@Test
	void repeated429sHoldTheLaterWindowsOnce() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		for (int i = 0; i < 3; i++) {
			budget.learn(GET, 429, headers("X-Rate-Limit-Retry", epochSecond("08:02:00")));
		}
		this.time.advance(Duration.ofSeconds(110));
		for (int i = 0; i < 10; i++) {
			budget.acquire(GET, Duration.ofSeconds(10));
		}
	}

	@Test
	void a429OfAnEndedWindowDoesNotPauseTheNewOne() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(10, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.learn(GET, 429, headers("X-Rate-Limit-Retry", epochSecond("08:00:00")));
		assertThatNoException().isThrownBy(() -> budget.acquire(GET, Duration.ofSeconds(10)));
		assertThat(budget.describe()).doesNotContainKey("pausedUntil");
	}

	@Test
	void unreadableHeadersTeachNothing() {
		BucketCallBudget budget = budget(CallBudgetSettings.of(2, Duration.ofMinutes(1)).withMaxWait(NO_WAIT));
		budget.learn(GET, 200, headers("X-Rate-Limit-Limit", "many", "X-Rate-Limit-Remaining", "-1"));
		budget.acquire(GET, Duration.ofSeconds(10));
		budget.acquire(GET, Duration.ofSeconds(10));
		assertThat(budget.describe()).containsEntry("limit", 2L);
	}

	@Test
	void describesItselfForTheHealthDetails() {
		BucketCallBudget budget = budget(
				CallBudgetSettings.of(100, Duration.ofMinutes(1)).withBulkShare(0.2).withMaxWait(NO_WAIT));
		budget.acquire(GET, Duration.ofSeconds(10));
		assertThat(budget.describe()).containsEntry("limit", 100L)
			.containsEntry("period", "PT1M")
			.containsEntry("bulkShare", 0.2)
			.containsEntry("maxWait", "PT0S")
			.containsEntry("store", "none (one instance)")
			.containsEntry("permits", 1L)
			.containsEntry("denials", 0L);
	}

	private BucketCallBudget budget(CallBudgetSettings settings) {
		return BucketCallBudget.local(settings, this.time);
	}

	private static HttpHeaders headers(String... namesAndValues) {
		HttpHeaders headers = new HttpHeaders();
		for (int i = 0; i < namesAndValues.length; i += 2) {
			headers.add(namesAndValues[i], namesAndValues[i + 1]);
		}
		return headers;
	}

	private static String epochSecond(String time) {
		return Long.toString(Instant.parse("2026-12-02T" + time + "Z").getEpochSecond());
	}

	/** A wall clock that moves only when told. */
	static final class ManualTime implements TimeMeter {

		private volatile long nanos;

		ManualTime(Instant start) {
			this.nanos = TimeUnit.MILLISECONDS.toNanos(start.toEpochMilli());
		}

		void advance(Duration duration) {
			this.nanos += duration.toNanos();
		}

		@Override
		public long currentTimeNanos() {
			return this.nanos;
		}

		@Override
		public boolean isWallClockBased() {
			return true;
		}

	}

}
