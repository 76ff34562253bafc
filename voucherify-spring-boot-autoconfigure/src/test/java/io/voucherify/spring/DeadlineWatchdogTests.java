package io.voucherify.spring;

import java.time.Duration;

import io.voucherify.spring.HostileServer.Answer;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The thread that ends calls at their deadline runs only while calls are in flight:
 * nothing of the client outlives an application that stopped calling (a servlet container
 * would report the thread as a leak), and the next call starts it again.
 */
@Timeout(30)
class DeadlineWatchdogTests {

	private static final String WATCHDOG = "voucherify-deadline";

	@Test
	void theWatchdogStopsOnceNoCallIsInFlightAndTheNextCallIsStillHeldToItsDeadline() throws Exception {
		try (HostileServer server = HostileServer.start(Answer.never());
				VouchersTemplate vouchers = TestClients.builder(server.baseUrl())
					.retry(VoucherifyRetrySettings.disabled().withMaxTotalTime(Duration.ofMillis(300)))
					.build()) {
			assertThat(ranOut(vouchers)).isTrue();
			awaitNoWatchdog();

			long start = System.nanoTime();
			assertThat(ranOut(vouchers)).isTrue();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
			assertThat(watchdogRunning()).isTrue();
		}
	}

	private static boolean ranOut(VouchersOperations vouchers) {
		VoucherifyTransportException failure = catchThrowableOfType(VoucherifyTransportException.class,
				() -> vouchers.getVoucher("GIFT-1"));
		return failure.isTimeout() && failure.getMessage().contains("total time of 300 ms ran out");
	}

	private static void awaitNoWatchdog() throws InterruptedException {
		long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
		while (watchdogRunning()) {
			assertThat(System.nanoTime() - deadline).as("the watchdog still runs 10 s after the last call")
				.isNegative();
			Thread.sleep(50);
		}
	}

	private static boolean watchdogRunning() {
		return Thread.getAllStackTraces().keySet().stream().anyMatch((thread) -> WATCHDOG.equals(thread.getName()));
	}

}
