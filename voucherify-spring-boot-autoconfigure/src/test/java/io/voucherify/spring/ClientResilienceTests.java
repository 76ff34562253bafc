package io.voucherify.spring;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sun.management.UnixOperatingSystemMXBean;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client survives a long run of failures without leaking connections or threads, and
 * one template serves many threads at once. WireMock keeps no request journal, so
 * thousands of calls cost it no memory.
 */
class ClientResilienceTests {

	private static final String GOOD_CODE = "GIFT-CARD-xwc6X7Tk";

	private static final int FAILING_CALLS = 1_000;

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort().disableRequestJournal().containerThreads(64))
		.build();

	/** One attempt a call, so each failing call is exactly one failed request. */
	private final VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl())
		.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30))
		.retry(VoucherifyRetrySettings.disabled())
		.build();

	/** WireMock's extension resets the stubs before each test. */
	@BeforeEach
	void stubs() {
		wireMock.stubFor(
				get("/v1/vouchers/" + GOOD_CODE).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		wireMock.stubFor(get("/v1/vouchers/RESET").willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
		wireMock.stubFor(get("/v1/vouchers/BROKEN").willReturn(aResponse().withStatus(500)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body>Internal Server Error</body></html>")));
		wireMock.stubFor(get("/v1/vouchers/MISSING").willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-404-voucher-not-found.json"))));
	}

	@Test
	@Timeout(120)
	void aGoodCallSucceedsAfterAThousandConsecutiveFailures() {
		assertThat(failRepeatedly()).isEqualTo(Map.of(VoucherifyTransportException.class, 334,
				VoucherifyServerException.class, 333, VoucherifyNotFoundException.class, 333));

		assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));
	}

	@Test
	@Timeout(120)
	void aThousandConsecutiveFailuresLeakNoThreads() {
		assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));
		int before = ManagementFactory.getThreadMXBean().getThreadCount();

		failRepeatedly();
		assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));

		assertThat(ManagementFactory.getThreadMXBean().getThreadCount()).isLessThanOrEqualTo(before + 10);
	}

	@Test
	@Timeout(120)
	void aThousandConsecutiveFailuresLeakNoConnections() {
		OperatingSystemMXBean os = ManagementFactory.getOperatingSystemMXBean();
		assertThat(os).isInstanceOf(UnixOperatingSystemMXBean.class);
		UnixOperatingSystemMXBean unix = (UnixOperatingSystemMXBean) os;
		assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));
		long before = unix.getOpenFileDescriptorCount();

		failRepeatedly();
		assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));

		// A leaked connection holds two descriptors here: the client's socket and
		// WireMock's.
		assertThat(unix.getOpenFileDescriptorCount()).isLessThanOrEqualTo(before + 20);
	}

	@Test
	@Timeout(120)
	void thirtyTwoThreadsSharingOneTemplateMakeTenThousandCallsWithoutError() throws Exception {
		int total = 10_000;
		AtomicInteger started = new AtomicInteger();
		AtomicInteger succeeded = new AtomicInteger();
		Queue<Throwable> errors = new ConcurrentLinkedQueue<>();
		ExecutorService executor = Executors.newFixedThreadPool(32);
		long start = System.nanoTime();
		try {
			List<Future<?>> workers = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				workers.add(executor.submit(() -> {
					while (started.getAndIncrement() < total) {
						try {
							assertGoodVoucher(this.vouchers.getVoucher(GOOD_CODE));
							succeeded.incrementAndGet();
						}
						catch (Throwable ex) {
							errors.add(ex);
						}
					}
				}));
			}
			for (Future<?> worker : workers) {
				worker.get(110, TimeUnit.SECONDS);
			}
		}
		finally {
			executor.shutdownNow();
		}
		Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
		assertThat(errors).isEmpty();
		assertThat(succeeded).hasValue(total);
		assertThat(elapsed).isLessThan(Duration.ofSeconds(120));
	}

	/**
	 * Make {@link #FAILING_CALLS} calls that fail by turns with a connection reset, a 500
	 * and a 404, and check that each fails with a Voucherify exception.
	 * @return how many failures of each exception type
	 */
	private Map<Class<?>, Integer> failRepeatedly() {
		String[] codes = { "RESET", "BROKEN", "MISSING" };
		Map<Class<?>, Integer> failures = new HashMap<>();
		for (int i = 0; i < FAILING_CALLS; i++) {
			String code = codes[i % codes.length];
			Throwable failure = catchThrowable(() -> this.vouchers.getVoucher(code));
			assertThat(failure).as("call %d to %s", i, code).isInstanceOf(VoucherifyException.class);
			failures.merge(failure.getClass(), 1, Integer::sum);
		}
		return failures;
	}

	private static void assertGoodVoucher(Voucher voucher) {
		assertThat(voucher.code()).isEqualTo(GOOD_CODE);
		assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		assertThat(voucher.gift()).isNotNull();
		assertThat(voucher.gift().balance()).isEqualTo(44700L);
	}

}
