package io.voucherify.spring;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import io.voucherify.spring.HostileServer.Answer;
import io.voucherify.spring.Transport.Settings;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's Apache HttpClient 5 pool, hand-built or auto-configured, as a server sees
 * it: {@code maxConnections} at once (Boot's own default of 5 would cap concurrent
 * callers), connections kept alive, and closed with the client.
 */
@Timeout(60)
class ConnectionPoolTests {

	private static final String GIFT_CARD = Examples.read("get-voucher-200-gift-card.json");

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "TEMPLATE_APACHE", "BOOT_APACHE" })
	void thePoolHoldsFiftyConnectionsByDefault(Transport transport) {
		assertThat(mostConcurrentCalls(transport, Settings.defaults(), 60)).isEqualTo(50);
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "TEMPLATE_APACHE", "BOOT_APACHE" })
	void maxConnectionsSizesThePool(Transport transport) {
		assertThat(mostConcurrentCalls(transport, Settings.defaults().maxConnections(3), 8)).isEqualTo(3);
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "TEMPLATE_APACHE", "BOOT_APACHE" })
	void closingTheClientClosesThePooledConnections(Transport transport) throws InterruptedException {
		CountDownLatch closedByClient = new CountDownLatch(1);
		try (HostileServer server = HostileServer.start(Answer.keepAlive(GIFT_CARD, closedByClient))) {
			transport.run(server.baseUrl(), Settings.defaults(), (vouchers) -> {
				vouchers.getVoucher("GIFT-1");
				assertThat(await(closedByClient, Duration.ofMillis(200))).as("kept alive in the pool").isFalse();
			});

			assertThat(await(closedByClient, Duration.ofSeconds(10))).as("closed with the client").isTrue();
		}
	}

	/** How many of {@code calls} simultaneous slow calls the server saw at once. */
	private static int mostConcurrentCalls(Transport transport, Settings settings, int calls) {
		AtomicInteger answered = new AtomicInteger();
		try (HostileServer server = HostileServer.start(Answer.slowly(Duration.ofMillis(500), GIFT_CARD))) {
			transport.run(server.baseUrl(), settings, (vouchers) -> {
				ExecutorService callers = Executors.newFixedThreadPool(calls);
				for (int i = 0; i < calls; i++) {
					callers.execute(() -> {
						vouchers.getVoucher("GIFT-1");
						answered.incrementAndGet();
					});
				}
				callers.shutdown();
				assertThat(await(callers)).isTrue();
			});
			assertThat(answered).hasValue(calls);
			return server.mostConcurrentExchanges();
		}
	}

	private static boolean await(CountDownLatch latch, Duration timeout) {
		try {
			return latch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private static boolean await(ExecutorService executor) {
		try {
			return executor.awaitTermination(30, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

}
