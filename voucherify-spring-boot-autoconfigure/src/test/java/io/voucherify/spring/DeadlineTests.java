package io.voucherify.spring;

import java.time.Duration;

import io.voucherify.spring.HostileServer.Answer;
import io.voucherify.spring.Transport.Settings;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Every call ends within {@code voucherify.retry.max-total-time}, whatever the server
 * does: the read timeout (30 s here) never decides. A call the deadline stops ends in a
 * {@link VoucherifyTransportException} that is a timeout and says the total time ran out.
 */
@Timeout(60)
class DeadlineTests {

	private static final Duration TOTAL = Duration.ofMillis(1500);

	/** The deadline plus what a loaded build machine may add. */
	private static final Duration LATEST = TOTAL.plusSeconds(2);

	/** A read timeout far beyond the total time: the total time must decide. */
	private static Settings settings() {
		return Settings.defaults().maxTotalTime(TOTAL).readTimeout(Duration.ofSeconds(30));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aServerThatNeverAnswersIsLeftAtTheDeadline(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.never())) {
			transport.run(server.baseUrl(), settings(),
					(vouchers) -> assertThat(timeToRunOut(vouchers)).isBetween(TOTAL.minusMillis(100), LATEST));
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aBodyDrippedWithinTheReadTimeoutIsLeftAtTheDeadline(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.drip(200, 1000, Duration.ofMillis(100)))) {
			transport.run(server.baseUrl(), settings(),
					(vouchers) -> assertThat(timeToRunOut(vouchers)).isLessThan(LATEST));
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anErrorBodyDrippedForeverIsLeftAtTheDeadline(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.drip(500, 100_000, Duration.ofMillis(100)))) {
			transport.run(server.baseUrl(), settings(),
					(vouchers) -> assertThat(timeToRunOut(vouchers)).isLessThan(LATEST));
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void anEndlessErrorBodyIsReadToItsCapAndItsConnectionDiscarded(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.endless(500))) {
			transport.run(server.baseUrl(), settings().retries(false), (vouchers) -> {
				long start = System.nanoTime();
				VoucherifyServerException failure = catchThrowableOfType(VoucherifyServerException.class,
						() -> vouchers.getVoucher("GIFT-1"));

				assertThat(elapsedSince(start)).isLessThan(TOTAL);
				assertThat(failure.getResponseBody()).hasSize(64 * 1024);
			});
			// Drained, it would have taken the whole 1.5 s at loopback speed: gigabytes.
			assertThat(server.bytesWritten()).isLessThan(64L * 1024 * 1024);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aBalanceChangeStoppedByTheDeadlineIsNeverSentAgain(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.never())) {
			transport.run(server.baseUrl(), settings(), (vouchers) -> {
				long start = System.nanoTime();
				Throwable failure = catchThrowable(
						() -> vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1000)));

				assertThat(elapsedSince(start)).isLessThan(LATEST);
				assertThat(failure).isInstanceOfSatisfying(VoucherifyTransportException.class, this::assertRanOut);
			});
			assertThat(server.requests()).singleElement()
				.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void retriesShareTheCallsTotalTime(Transport transport) {
		// Each attempt would wait 1 s for a read; three of them, and the waits between,
		// would take over 3 s.
		try (HostileServer server = HostileServer.start(Answer.never())) {
			transport.run(server.baseUrl(), Settings.defaults().maxTotalTime(TOTAL).readTimeout(Duration.ofSeconds(1)),
					(vouchers) -> {
						long start = System.nanoTime();
						Throwable failure = catchThrowable(() -> vouchers.getVoucher("GIFT-1"));

						assertThat(elapsedSince(start)).isLessThan(LATEST);
						assertThat(failure).isInstanceOfSatisfying(VoucherifyTransportException.class,
								(transportFailure) -> assertThat(transportFailure.isTimeout()).isTrue());
					});
			assertThat(server.requests()).hasSizeBetween(1, 2);
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aDeadlineLeavesTheCallingThreadUninterrupted(Transport transport) {
		try (HostileServer server = HostileServer.start(Answer.never())) {
			transport.run(server.baseUrl(), settings(), (vouchers) -> {
				catchThrowable(() -> vouchers.getVoucher("GIFT-1"));

				assertThat(Thread.currentThread().isInterrupted()).isFalse();
			});
		}
	}

	/**
	 * Call {@code getVoucher}, which the call's total time must end.
	 * @return how long the call took
	 */
	private Duration timeToRunOut(VouchersOperations vouchers) {
		long start = System.nanoTime();
		VoucherifyTransportException failure = catchThrowableOfType(VoucherifyTransportException.class,
				() -> vouchers.getVoucher("GIFT-1"));
		Duration elapsed = elapsedSince(start);
		assertRanOut(failure);
		return elapsed;
	}

	private void assertRanOut(VoucherifyTransportException failure) {
		assertThat(failure.isTimeout()).isTrue();
		assertThat(failure).hasMessageContaining("total time of 1500 ms ran out");
	}

	private static Duration elapsedSince(long start) {
		return Duration.ofNanos(System.nanoTime() - start);
	}

}
