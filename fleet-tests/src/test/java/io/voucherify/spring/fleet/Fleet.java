package io.voucherify.spring.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.ratelimit.CallBudgetStore;
import io.voucherify.spring.test.VoucherifyEmulator;

import org.springframework.boot.Banner;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static org.awaitility.Awaitility.await;

/**
 * Several instances of one application, each its own Spring context with the
 * auto-configured client, on one emulator and one Redis: they drive calls as fast as
 * their threads can and count what happened to each.
 */
final class Fleet implements AutoCloseable {

	private final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	private Fleet() {
	}

	/**
	 * Start the instances.
	 * @param size how many instances
	 * @param properties every instance's properties
	 */
	static Fleet start(int size, Map<String, Object> properties) {
		Fleet fleet = new Fleet();
		for (int i = 0; i < size; i++) {
			fleet.instances.add(new SpringApplicationBuilder(FleetApplication.class).web(WebApplicationType.NONE)
				.bannerMode(Banner.Mode.OFF)
				.logStartupInfo(false)
				.properties(properties)
				.run());
		}
		// The stores connect in the background: wait, so that no instance starts alone.
		fleet.instances.forEach((instance) -> instance.getBeanProvider(CallBudgetStore.class)
			.ifAvailable((store) -> await().atMost(Duration.ofSeconds(10)).until(() -> store.proxyManager() != null)));
		return fleet;
	}

	/** The properties of an instance on the emulator, with or without a shared budget. */
	static Map<String, Object> properties(VoucherifyEmulator emulator, RedisServerProcess redis) {
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("voucherify.base-url", emulator.baseUrl());
		properties.put("voucherify.app-id", emulator.appId());
		properties.put("voucherify.secret-key", emulator.secretKey());
		// A 429 fails at once rather than being waited out: the drive counts it.
		properties.put("voucherify.retry.max-rate-limit-wait", "0s");
		properties.put("spring.data.redis.host", "127.0.0.1");
		properties.put("spring.data.redis.port", redis.port());
		return properties;
	}

	List<VoucherifyCallBudget> budgets() {
		return this.instances.stream().map((instance) -> instance.getBean(VoucherifyCallBudget.class)).toList();
	}

	/**
	 * Every instance drives {@code threads} threads of {@code getVoucher(code)} calls for
	 * {@code duration}.
	 */
	Drive drive(String code, int threads, Duration duration) throws Exception {
		Drive drive = new Drive();
		ExecutorService executor = Executors.newFixedThreadPool(this.instances.size() * threads);
		try {
			drive.start = Instant.now();
			long end = System.nanoTime() + duration.toNanos();
			List<Future<?>> drivers = new ArrayList<>();
			for (ConfigurableApplicationContext instance : this.instances) {
				VouchersOperations vouchers = instance.getBean(VouchersOperations.class);
				for (int i = 0; i < threads; i++) {
					drivers.add(executor.submit(() -> {
						while (System.nanoTime() - end < 0) {
							drive.call(() -> vouchers.getVoucher(code));
						}
					}));
				}
			}
			for (Future<?> driver : drivers) {
				driver.get(duration.toSeconds() + 30, TimeUnit.SECONDS);
			}
			drive.end = Instant.now();
			return drive;
		}
		finally {
			executor.shutdownNow();
		}
	}

	@Override
	public void close() {
		this.instances.forEach(ConfigurableApplicationContext::close);
	}

	/** What happened to the calls of one drive. */
	static final class Drive {

		final AtomicLong answered = new AtomicLong();

		final AtomicLong rateLimited = new AtomicLong();

		final AtomicLong heldBack = new AtomicLong();

		final AtomicLong failed = new AtomicLong();

		/** The longest a call took, whatever its outcome. */
		final AtomicLong longestNanos = new AtomicLong();

		volatile Instant start = Instant.EPOCH;

		volatile Instant end = Instant.EPOCH;

		private void call(Runnable call) {
			long start = System.nanoTime();
			try {
				call.run();
				this.answered.incrementAndGet();
			}
			catch (VoucherifyCallBudgetException ex) {
				this.heldBack.incrementAndGet();
			}
			catch (VoucherifyRateLimitException ex) {
				this.rateLimited.incrementAndGet();
			}
			catch (VoucherifyException ex) {
				this.failed.incrementAndGet();
			}
			this.longestNanos.accumulateAndGet(System.nanoTime() - start, Math::max);
		}

		Duration longest() {
			return Duration.ofNanos(this.longestNanos.get());
		}

		@Override
		public String toString() {
			return "answered " + this.answered + ", 429 " + this.rateLimited + ", held back " + this.heldBack
					+ ", failed " + this.failed + ", longest " + longest().toMillis() + " ms";
		}

	}

	@SpringBootConfiguration
	@EnableAutoConfiguration
	static class FleetApplication {

	}

}
