package io.voucherify.spring.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.voucherify.spring.VoucherifyOperation;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

/**
 * The budget kept in a real Redis server: shared by instances with the same key, each
 * instance on its local share while Redis is down or slow, and the fleet sharing again
 * when it answers, what each took alone counted.
 */
@ExtendWith(OutputCaptureExtension.class)
class RedisCallBudgetTests {

	private static final VoucherifyOperation GET = VoucherifyOperation.GET_VOUCHER;

	private static final Duration CALL_TIME = Duration.ofSeconds(10);

	private static final Duration STORE_TIMEOUT = Duration.ofMillis(200);

	private static RedisServerProcess redis;

	private final List<RedisClient> clients = new ArrayList<>();

	private final List<LettuceCallBudgetStore> stores = new ArrayList<>();

	/** A key of the test's own: a budget of one hour, so no window ends during it. */
	private final CallBudgetSettings settings = CallBudgetSettings.of(10, Duration.ofHours(1))
		.withMaxWait(Duration.ZERO)
		.withInstances(2)
		.withStoreTimings(STORE_TIMEOUT, Duration.ofMillis(300))
		.withKey("voucherify:budget:test-" + UUID.randomUUID());

	@BeforeAll
	static void startRedis() {
		redis = RedisServerProcess.start();
	}

	@AfterAll
	static void stopRedis() {
		redis.close();
	}

	@AfterEach
	void closeClients() {
		this.stores.forEach(LettuceCallBudgetStore::close);
		this.clients.forEach(RedisClient::shutdown);
		if (!isRunning()) {
			redis.startAgain();
		}
	}

	@Test
	void instancesWithTheSameKeyShareOneBudget() {
		BucketCallBudget first = instance();
		BucketCallBudget second = instance();

		int granted = 0;
		for (int i = 0; i < 6; i++) {
			granted += take(first) + take(second);
		}

		assertThat(granted).isEqualTo(10);
		assertThat(first.describe()).containsEntry("store", "redis")
			.containsEntry("storeStatus", "UP")
			.doesNotContainKey("localShare");
	}

	@Test
	void a429SeenByOneInstanceHoldsTheOthersUntilVoucherifysRetryTime() {
		BucketCallBudget first = instance();
		BucketCallBudget second = instance();
		first.acquire(GET, CALL_TIME);
		second.acquire(GET, CALL_TIME);
		HttpHeaders tooMany = new HttpHeaders();
		tooMany.set("X-Rate-Limit-Retry", Long.toString(Instant.now().plus(Duration.ofMinutes(90)).getEpochSecond()));

		first.learn(GET, 429, tooMany);

		VoucherifyCallBudgetException held = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> second.acquire(GET, CALL_TIME));
		assertThat(held.getRetryAfter()).isGreaterThan(Duration.ofMinutes(1));
		assertThat(second.describe()).containsEntry("storeStatus", "UP");
	}

	@Test
	void aDeniedCallSaysWhenTheNextWindowStarts() {
		BucketCallBudget budget = instance();
		for (int i = 0; i < 10; i++) {
			budget.acquire(GET, CALL_TIME);
		}
		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> budget.acquire(GET, CALL_TIME));
		assertThat(denied.getRetryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofHours(1));
	}

	@Test
	void whileRedisIsDownEachInstanceKeepsToItsShareAndSaysSo(CapturedOutput output) {
		BucketCallBudget budget = instance();
		budget.acquire(GET, CALL_TIME);
		redis.stop();

		long start = System.nanoTime();
		int granted = 0;
		for (int i = 0; i < 8; i++) {
			granted += take(budget);
		}

		// The first request meets the failure within the store timeout; the rest stay
		// local.
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(STORE_TIMEOUT.multipliedBy(3));
		// Its share is 5, and it took 1 of them from Redis before the outage.
		assertThat(granted).isEqualTo(4);
		assertThat(budget.describe()).containsEntry("storeStatus", "DOWN")
			.containsEntry("localShare", 5L)
			.containsKey("storeProblem");
		assertThat(output).contains("the redis store failed")
			.contains("takes from its local share of 5 calls per PT1H");
	}

	@Test
	void aStoreFailingInANewWindowLeavesTheWholeLocalShare() throws InterruptedException {
		CallBudgetSettings oneSecond = CallBudgetSettings.of(10, Duration.ofSeconds(1))
			.withMaxWait(Duration.ZERO)
			.withInstances(2)
			.withStoreTimings(STORE_TIMEOUT, Duration.ofSeconds(10))
			.withKey(this.settings.key());
		BucketCallBudget budget = instance(oneSecond);
		while (take(budget) == 1) {
			// The window's permits, to the last: the instance saw none left.
		}
		Thread.sleep(1000 - System.currentTimeMillis() % 1000 + 50);
		redis.stop();

		int granted = 0;
		for (int i = 0; i < 8; i++) {
			granted += take(budget);
		}

		// What was left of the last window says nothing of this one.
		assertThat(granted).isEqualTo(5);
	}

	@Test
	void whenRedisAnswersAgainTheFleetSharesWhatIsLeftCountingWhatEachTookAlone(CapturedOutput output) {
		BucketCallBudget budget = instance();
		BucketCallBudget other = instance();
		budget.acquire(GET, CALL_TIME);
		redis.stop();
		for (int i = 0; i < 3; i++) {
			budget.acquire(GET, CALL_TIME);
		}
		redis.startAgain();

		// The restarted Redis is empty; after the retry interval the store is tried
		// again.
		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			take(budget);
			assertThat(budget.isShared()).isTrue();
		});

		int grantedToTheOther = 0;
		for (int i = 0; i < 10; i++) {
			grantedToTheOther += take(other);
		}
		assertThat(budget.describe()).containsEntry("storeStatus", "UP");
		assertThat(output).contains("the redis store answers again");
		// 10 in the window, less every permit the first instance took since the outage
		// began: alone, then from the new Redis (the one before went with the old Redis).
		long sinceTheOutage = (Long) budget.describe().get("permits") - 1;
		assertThat(grantedToTheOther).isEqualTo(10 - sinceTheOutage);
	}

	@Test
	void aRedisThatStopsAnsweringCostsACallAtMostTheStoreTimeout() {
		BucketCallBudget budget = instance();
		budget.acquire(GET, CALL_TIME);
		try (RedisClient admin = redis.client(); StatefulRedisConnection<String, String> connection = admin.connect()) {
			// Redis holds every client's commands for 2 s, as a server that hangs would.
			connection.sync().clientPause(2000);

			long start = System.nanoTime();
			budget.acquire(GET, CALL_TIME);
			Duration took = Duration.ofNanos(System.nanoTime() - start);

			assertThat(took).isLessThan(STORE_TIMEOUT.plusMillis(300));
			assertThat(budget.describe()).containsEntry("storeStatus", "DOWN");
		}
	}

	/** One application instance: its own Redis client and store, the shared key. */
	private BucketCallBudget instance() {
		return instance(this.settings);
	}

	private BucketCallBudget instance(CallBudgetSettings settings) {
		RedisClient client = redis.client();
		this.clients.add(client);
		LettuceCallBudgetStore store = new LettuceCallBudgetStore(() -> client, STORE_TIMEOUT);
		this.stores.add(store);
		BucketCallBudget budget = BucketCallBudget.shared(settings, store);
		await().atMost(Duration.ofSeconds(10)).until(() -> store.proxyManager() != null);
		return budget;
	}

	private static int take(BucketCallBudget budget) {
		try {
			budget.acquire(GET, CALL_TIME);
			return 1;
		}
		catch (VoucherifyCallBudgetException ex) {
			return 0;
		}
	}

	private static boolean isRunning() {
		try (RedisClient client = redis.client()) {
			client.connect().close();
			return true;
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

}
