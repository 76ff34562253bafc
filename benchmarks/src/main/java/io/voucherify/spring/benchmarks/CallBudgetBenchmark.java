package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VoucherifyOperation;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;
import io.voucherify.spring.benchmarks.GetVoucherBenchmark.Checks;
import io.voucherify.spring.benchmarks.GetVoucherBenchmark.Server;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import org.jspecify.annotations.Nullable;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import redis.embedded.RedisServer;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;

/**
 * What a permit of the call budget costs: {@code getVoucher} against the same local
 * server and with the same client as {@link GetVoucherBenchmark}'s {@code starter} case
 * (a Boot context, Apache HttpClient 5, no observations), without a budget, with a
 * {@linkplain BucketCallBudget#local local} one and with one
 * {@linkplain BucketCallBudget#shared shared} through Redis; and the permit alone
 * ({@code acquire}, no HTTP), local and on Redis, one thread and four, beside one plain
 * Redis {@code GET} (the round trip a Redis permit is made of). The budgets allow
 * {@value #LIMIT} calls a minute, so that no permit is ever waited for: what is measured
 * is the cost of taking one. Redis is a real server from the embedded-redis jar, started
 * by the benchmark on a free loopback port and stopped with it; at the end each Redis
 * case prints the commands Redis ran a permit and the CPU it used a permit. A denied
 * permit fails the run.
 * <p>
 * {@code java -jar benchmarks/target/benchmarks.jar CallBudgetBenchmark -prof gc}; see
 * {@code BENCHMARKS.md}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class CallBudgetBenchmark {

	/** Permits a minute: more than any case can take, so none waits. */
	static final int LIMIT = Integer.MAX_VALUE;

	/** The defaults of {@code voucherify.rate-limit.*} but the limit. */
	static final CallBudgetSettings SETTINGS = CallBudgetSettings.of(LIMIT, Duration.ofMinutes(1));

	private static final VoucherifyOperation OPERATION = VoucherifyOperation.GET_VOUCHER;

	/** The key {@link #redisGet} reads: 64 bytes, about a bucket's state. */
	private static final String REFERENCE_KEY = "voucherify:bench:reference";

	/**
	 * The time a call has left when it asks for its first permit: the default
	 * {@code voucherify.retry.max-total-time}.
	 */
	private static final Duration TIME_LEFT = Duration.ofSeconds(10);

	/** A budget in memory. */
	@State(Scope.Benchmark)
	public static class LocalBudget {

		BucketCallBudget budget;

		@Setup(Level.Trial)
		public void create() {
			this.budget = BucketCallBudget.local(SETTINGS);
		}

		@TearDown(Level.Trial)
		public void report() {
			checkNoDenial("local", this.budget);
		}

	}

	/**
	 * A Redis server of the benchmark's own on a free loopback port, and a Lettuce client
	 * as an application has.
	 */
	@State(Scope.Benchmark)
	public static class Redis {

		RedisServer server;

		RedisClient client;

		/** A connection of its own for {@link #redisGet}. */
		StatefulRedisConnection<String, String> connection;

		@Setup(Level.Trial)
		public void start() throws IOException {
			int port = freePort();
			this.server = RedisServer.newRedisServer()
				.bind("127.0.0.1")
				.port(port)
				.setting("save \"\"")
				.setting("appendonly no")
				.build();
			this.server.start();
			this.client = RedisClient.create(RedisURI.create("127.0.0.1", port));
			this.connection = this.client.connect();
			this.connection.sync().set(REFERENCE_KEY, "x".repeat(64));
			System.out.println("REDIS on 127.0.0.1:" + port);
		}

		@TearDown(Level.Trial)
		public void stop() throws IOException {
			try {
				this.connection.close();
				this.client.shutdown();
			}
			finally {
				this.server.stop();
			}
		}

	}

	/** A budget shared through {@link Redis}, as an application's store connects. */
	@State(Scope.Benchmark)
	public static class RedisBudget {

		RedisClient client;

		LettuceCallBudgetStore store;

		BucketCallBudget budget;

		@Setup(Level.Trial)
		public void start(Redis redis) throws InterruptedException {
			this.client = redis.client;
			RedisClient client = this.client;
			this.store = new LettuceCallBudgetStore(() -> client, SETTINGS.storeTimeout());
			this.budget = BucketCallBudget.shared(SETTINGS, this.store);
			// The store connects in the background; until it answers, permits come from
			// the local share.
			long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
			while (!this.budget.isShared()) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("The budget does not reach Redis: " + this.budget.describe());
				}
				this.budget.acquire(OPERATION, TIME_LEFT);
				Thread.sleep(10);
			}
			System.out.println("BUDGET redis " + this.budget.describe());
		}

		@TearDown(Level.Trial)
		public void stop() {
			try {
				if (!this.budget.isShared()) {
					throw new IllegalStateException("The budget left Redis: " + this.budget.describe());
				}
				reportRedis();
				checkNoDenial("redis", this.budget);
			}
			finally {
				this.store.close();
			}
		}

		/** The commands Redis ran and the CPU it used, a permit. */
		private void reportRedis() {
			long permits = (Long) this.budget.describe().get("permits");
			try (StatefulRedisConnection<String, String> connection = this.client.connect()) {
				Map<String, Long> commands = new TreeMap<>();
				for (String line : connection.sync().info("commandstats").split("\r?\n")) {
					// cmdstat_get:calls=12,usec=34,...
					if (line.startsWith("cmdstat_")) {
						String name = line.substring("cmdstat_".length(), line.indexOf(':'));
						String calls = line.substring(line.indexOf("calls=") + "calls=".length());
						commands.put(name, Long.parseLong(calls.substring(0, calls.indexOf(','))));
					}
				}
				double cpuSeconds = 0;
				for (String line : connection.sync().info("cpu").split("\r?\n")) {
					if (line.startsWith("used_cpu_sys:") || line.startsWith("used_cpu_user:")) {
						cpuSeconds += Double.parseDouble(line.substring(line.indexOf(':') + 1).trim());
					}
				}
				StringBuilder perPermit = new StringBuilder();
				commands.forEach((name, calls) -> perPermit
					.append(String.format(Locale.ROOT, " %s=%.3f", name, (double) calls / permits)));
				System.out.println("REDIS permits=" + permits + ", commands a permit:" + perPermit + ", server CPU "
						+ String.format(Locale.ROOT, "%.1f", cpuSeconds * 1e6 / permits) + " µs a permit");
			}
		}

	}

	/** The starter in a Boot context, exactly as {@code GetVoucherBenchmark.starter}. */
	public abstract static class Starter {

		ConfigurableApplicationContext context;

		VouchersOperations vouchers;

		/**
		 * Start the context, with the budget as the application's bean if any, and warm
		 * it up as {@link GetVoucherBenchmark} does.
		 */
		void start(Server server, @Nullable VoucherifyCallBudget budget) {
			this.context = Clients.starterContext(server.baseUrl, StarterTransport.STARTER, false, (builder) -> {
				if (budget != null) {
					// The auto-configuration hands the application's budget to the
					// template builder's callBudget(...).
					builder.initializers((context) -> ((GenericApplicationContext) context)
						.registerBean(VoucherifyCallBudget.class, () -> budget));
				}
			});
			this.vouchers = this.context.getBean(VouchersOperations.class);
			GetVoucherBenchmark.warmUp(() -> this.vouchers.getVoucher(Fixtures.CODE));
			System.out.println("CASE " + getClass().getSimpleName() + ": transport "
					+ Clients.describeTransport(StarterTransport.STARTER) + ", budget "
					+ ((budget != null) ? budget.describe() : "none"));
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.context.close();
		}

	}

	/** No budget: {@code GetVoucherBenchmark.starter}. */
	@State(Scope.Benchmark)
	public static class StarterNoBudget extends Starter {

		@Setup(Level.Trial)
		public void start(Server server) {
			start(server, null);
		}

	}

	/** A local budget. */
	@State(Scope.Benchmark)
	public static class StarterLocalBudget extends Starter {

		@Setup(Level.Trial)
		public void start(Server server, LocalBudget budget) {
			start(server, budget.budget);
		}

	}

	/** A budget shared through Redis. */
	@State(Scope.Benchmark)
	public static class StarterRedisBudget extends Starter {

		@Setup(Level.Trial)
		public void start(Server server, RedisBudget budget) {
			start(server, budget.budget);
		}

	}

	@Benchmark
	public Voucher getVoucherNoBudget(StarterNoBudget client, Checks checks) {
		return call(client, checks);
	}

	@Benchmark
	public Voucher getVoucherLocalBudget(StarterLocalBudget client, Checks checks) {
		return call(client, checks);
	}

	@Benchmark
	public Voucher getVoucherRedisBudget(StarterRedisBudget client, Checks checks) {
		return call(client, checks);
	}

	/** {@link #getVoucherNoBudget}, four threads: calls a second. */
	@Benchmark
	@Threads(4)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Voucher getVoucherNoBudget4Threads(StarterNoBudget client, Checks checks) {
		return call(client, checks);
	}

	/** {@link #getVoucherRedisBudget}, four threads: calls a second. */
	@Benchmark
	@Threads(4)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public Voucher getVoucherRedisBudget4Threads(StarterRedisBudget client, Checks checks) {
		return call(client, checks);
	}

	/** The permit alone, in memory. */
	@Benchmark
	public void permitLocal(LocalBudget budget) {
		budget.budget.acquire(OPERATION, TIME_LEFT);
	}

	/** The permit alone, on Redis. */
	@Benchmark
	public void permitRedis(RedisBudget budget) {
		budget.budget.acquire(OPERATION, TIME_LEFT);
	}

	/**
	 * One plain {@code GET} to the same Redis through Lettuce, no budget: the round trip
	 * a Redis permit is made of.
	 */
	@Benchmark
	public @Nullable String redisGet(Redis redis) {
		return redis.connection.sync().get(REFERENCE_KEY);
	}

	/** {@link #permitLocal}, four threads on one budget: permits a second. */
	@Benchmark
	@Threads(4)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public void permitLocal4Threads(LocalBudget budget) {
		budget.budget.acquire(OPERATION, TIME_LEFT);
	}

	/** {@link #permitRedis}, four threads on one budget: permits a second. */
	@Benchmark
	@Threads(4)
	@BenchmarkMode(Mode.Throughput)
	@OutputTimeUnit(TimeUnit.SECONDS)
	public void permitRedis4Threads(RedisBudget budget) {
		budget.budget.acquire(OPERATION, TIME_LEFT);
	}

	private static Voucher call(Starter client, Checks checks) {
		try {
			Voucher voucher = client.vouchers.getVoucher(Fixtures.CODE);
			return Fixtures.isExpected(voucher) ? checks.ok(voucher) : checks.wrong(voucher);
		}
		catch (RuntimeException ex) {
			return checks.failed(ex);
		}
	}

	private static void checkNoDenial(String name, BucketCallBudget budget) {
		Map<String, Object> details = budget.describe();
		System.out.println("BUDGET " + name + " " + details);
		if (!Long.valueOf(0).equals(details.get("denials"))) {
			throw new IllegalStateException("The " + name + " budget denied permits: " + details);
		}
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
