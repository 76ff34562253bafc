package io.voucherify.spring.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.SortedMap;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.test.RateLimitStats;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Three instances of an application, four threads each calling as fast as they can, on
 * one emulator that allows the project {@value #LIMIT} calls every 2 s: with the budget
 * shared through Redis none meets a 429 and the fleet uses at least 90% of the limit;
 * without it, 429s. With Redis stopped and started again during the drive, no call
 * outlasts its deadline and the fleet stays under the limit within the tolerance the
 * README documents.
 */
class FleetTests {

	private static final int LIMIT = 50;

	private static final Duration PERIOD = Duration.ofSeconds(2);

	private static final int INSTANCES = 3;

	private static final int THREADS = 4;

	private static final String CODE = "FLEET-GIFT-1";

	private static RedisServerProcess redis;

	private static VoucherifyEmulator emulator;

	private Fleet fleet;

	@BeforeAll
	static void start() {
		redis = RedisServerProcess.start();
		emulator = VoucherifyEmulator.builder().rateLimit(LIMIT, PERIOD).build();
	}

	@AfterAll
	static void stop() {
		emulator.close();
		redis.close();
	}

	@BeforeEach
	void giftCard() {
		emulator.reset();
		emulator.createGiftCard(CODE, 10_000);
	}

	@AfterEach
	void stopFleet() {
		if (this.fleet != null) {
			this.fleet.close();
		}
	}

	@Test
	void withTheSharedBudgetTheFleetUsesTheLimitWithoutMeetingA429() throws Exception {
		this.fleet = Fleet.start(INSTANCES, withBudget());
		warmUp();

		Fleet.Drive drive = this.fleet.drive(CODE, THREADS, Duration.ofSeconds(7));

		RateLimitStats stats = emulator.rateLimitStats();
		report("with the budget", drive, stats);
		assertThat(stats.rejectedCalls()).as("429s, drive: %s", drive).isZero();
		assertThat(drive.rateLimited).hasValue(0);
		assertThat(fullWindows(stats, drive)).as("calls accepted per full window")
			.hasSizeGreaterThanOrEqualTo(2)
			.allSatisfy((start, accepted) -> assertThat(accepted).isBetween((int) Math.ceil(LIMIT * 0.9), LIMIT));
		assertThat(this.fleet.budgets())
			.allSatisfy((budget) -> assertThat(budget.describe()).containsEntry("store", "redis")
				.containsEntry("storeStatus", "UP"));
	}

	@Test
	void withoutTheBudgetTheSameFleetMeets429s() throws Exception {
		Map<String, Object> properties = Fleet.properties(emulator, redis);
		this.fleet = Fleet.start(INSTANCES, properties);

		Fleet.Drive drive = this.fleet.drive(CODE, THREADS, Duration.ofSeconds(3));

		report("without a budget", drive, emulator.rateLimitStats());
		assertThat(emulator.rateLimitStats().rejectedCalls()).isPositive();
		assertThat(drive.rateLimited.get()).isPositive();
	}

	@Test
	void whileRedisStopsAndStartsAgainNoCallOutlastsItsDeadlineAndTheFleetStaysUnderTheLimit() throws Exception {
		Map<String, Object> properties = withBudget();
		properties.put("voucherify.retry.max-total-time", "2s");
		properties.put("voucherify.rate-limit.store-retry-interval", "500ms");
		this.fleet = Fleet.start(INSTANCES, properties);
		warmUp();
		ScheduledExecutorService outage = Executors.newSingleThreadScheduledExecutor();
		try {
			outage.schedule(redis::stop, 2500, TimeUnit.MILLISECONDS);
			outage.schedule(redis::startAgain, 5000, TimeUnit.MILLISECONDS);

			Fleet.Drive drive = this.fleet.drive(CODE, THREADS, Duration.ofSeconds(8));

			report("with the budget, Redis stopped at 2.5 s and started at 5 s", drive, emulator.rateLimitStats());
			assertThat(drive.longest()).as("longest call, drive: %s", drive).isLessThan(Duration.ofMillis(2500));
			// The tolerance: a call in flight on each thread when the store fails.
			assertThat(emulator.rateLimitStats().rejectedCalls()).as("429s, drive: %s", drive)
				.isLessThanOrEqualTo(INSTANCES * THREADS);
			assertThat(this.fleet.budgets())
				.allSatisfy((budget) -> assertThat(budget.describe()).containsEntry("storeStatus", "UP"));
		}
		finally {
			outage.shutdownNow();
		}
	}

	private static Map<String, Object> withBudget() {
		Map<String, Object> properties = Fleet.properties(emulator, redis);
		properties.put("voucherify.rate-limit.enabled", "true");
		properties.put("voucherify.rate-limit.limit", LIMIT);
		properties.put("voucherify.rate-limit.period", PERIOD.toMillis() + "ms");
		properties.put("voucherify.rate-limit.instances", INSTANCES);
		// Long enough to wait for the next window.
		properties.put("voucherify.rate-limit.max-wait", "3s");
		properties.put("voucherify.rate-limit.key", "voucherify:budget:fleet-" + UUID.randomUUID());
		return properties;
	}

	/**
	 * A first drive, so that the three contexts' first calls (class loading, JIT, new
	 * connections) are not what the test measures; the emulator's count starts again.
	 */
	private void warmUp() throws Exception {
		this.fleet.drive(CODE, THREADS, Duration.ofSeconds(2));
		// A cold start on two busy CPUs may time a store request out, as a failing store
		// would (what the outage test measures): let the fleet settle first.
		await().atMost(Duration.ofSeconds(15))
			.until(() -> this.fleet.budgets()
				.stream()
				.map(VoucherifyCallBudget::describe)
				.allMatch((budget) -> "UP".equals(budget.get("storeStatus")) && !budget.containsKey("pausedUntil")));
		emulator.reset();
		emulator.createGiftCard(CODE, 10_000);
	}

	/** The figures in the build's log. */
	private static void report(String run, Fleet.Drive drive, RateLimitStats stats) {
		System.out.println("Fleet of " + INSTANCES + "x" + THREADS + " " + run + ": " + drive + "; emulator accepted "
				+ stats.acceptedCalls() + ", rejected " + stats.rejectedCalls() + ", per full window "
				+ fullWindows(stats, drive).values() + " all " + stats.acceptedPerWindow() + " drive " + drive.start
				+ ".." + drive.end);
	}

	/** The windows that began and ended within the drive, with their accepted calls. */
	private static SortedMap<Instant, Integer> fullWindows(RateLimitStats stats, Fleet.Drive drive) {
		return stats.acceptedPerWindow().subMap(drive.start, drive.end.minus(PERIOD).plusMillis(1));
	}

}
