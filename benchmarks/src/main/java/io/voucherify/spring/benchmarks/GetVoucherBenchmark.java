package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.atomic.LongAdder;

import io.voucherify.client.VoucherifyClient;
import io.voucherify.client.model.voucher.response.VoucherResponse;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;
import io.voucherify.spring.model.Voucher;
import org.openjdk.jmh.annotations.AuxCounters;
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
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.web.client.RestClient;

/**
 * {@code GET /v1/vouchers/{code}} through every client, side by side, against one local
 * server (in its own JVM) that answers every client with the same bytes. Every result is
 * checked: a wrong value or a failed call is counted ({@code wrong}, {@code failed}
 * secondary results) and never averaged in silently.
 * <p>
 * Run through {@link Report}, or directly:
 * {@code java -jar benchmarks/target/benchmarks.jar GetVoucherBenchmark -t 16 -prof gc}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 4)
@Measurement(iterations = 3, time = 4)
@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g" })
public class GetVoucherBenchmark {

	private static final LongAdder TOTAL_CALLS = new LongAdder();

	private static final LongAdder TOTAL_WRONG = new LongAdder();

	private static final LongAdder TOTAL_FAILED = new LongAdder();

	private static final AtomicReference<String> FIRST_PROBLEM = new AtomicReference<>();

	/**
	 * Seconds of single-threaded calls in each fork's set-up: the Spring, Apache and
	 * Jackson stack needs more JIT work than JMH's short warm-up leaves it (a 1-thread
	 * run pinned to one CPU measured the starter at 4x its settled CPU a call), and with
	 * 16 busy threads on 2 CPUs the JIT compiler gets little CPU at all; one thread
	 * leaves it a core.
	 */
	static final int SETUP_WARMUP_SECONDS = Integer.getInteger("bench.setupWarmupSeconds", 30);

	private static final Object WARMUP_LOCK = new Object();

	private static boolean warmedUp;

	/**
	 * Call {@code call} single-threaded for {@link #SETUP_WARMUP_SECONDS}, once a JVM.
	 */
	static void warmUp(Runnable call) {
		synchronized (WARMUP_LOCK) {
			if (warmedUp) {
				return;
			}
			long end = System.nanoTime() + SETUP_WARMUP_SECONDS * 1_000_000_000L;
			long calls = 0;
			while (System.nanoTime() < end) {
				call.run();
				calls++;
			}
			warmedUp = true;
			System.out.println("SETUP WARM-UP " + calls + " single-threaded calls in " + SETUP_WARMUP_SECONDS + " s");
		}
	}

	/** The local server, in its own JVM. */
	@State(Scope.Benchmark)
	public static class Server {

		ServerProcess process;

		String baseUrl;

		byte[] body;

		@Setup(Level.Trial)
		public void start() throws IOException {
			this.process = ServerProcess.start();
			this.baseUrl = this.process.baseUrl();
			this.body = Fixtures.voucherBody();
		}

		@TearDown(Level.Trial)
		public void stop() {
			this.process.close();
			String line = "CHECKS calls=" + TOTAL_CALLS.sum() + " wrong=" + TOTAL_WRONG.sum() + " failed="
					+ TOTAL_FAILED.sum();
			if (FIRST_PROBLEM.get() != null) {
				line += " first problem: " + FIRST_PROBLEM.get();
			}
			System.out.println(line);
		}

	}

	/**
	 * Wrong and failed results, reported by JMH beside the throughput (totals over the
	 * iteration, all threads).
	 */
	@State(Scope.Thread)
	@AuxCounters(AuxCounters.Type.EVENTS)
	public static class Checks {

		public long wrong;

		public long failed;

		@Setup(Level.Iteration)
		public void reset() {
			this.wrong = 0;
			this.failed = 0;
		}

		<T> T ok(T result) {
			TOTAL_CALLS.increment();
			return result;
		}

		<T> T wrong(T result) {
			TOTAL_CALLS.increment();
			TOTAL_WRONG.increment();
			this.wrong++;
			FIRST_PROBLEM.compareAndSet(null, "wrong value: " + result);
			return result;
		}

		<T> T failed(Exception ex) {
			TOTAL_CALLS.increment();
			TOTAL_FAILED.increment();
			this.failed++;
			FIRST_PROBLEM.compareAndSet(null, "failure: " + ex);
			return null;
		}

	}

	/** A starter-configured client in a real Boot context. */
	public abstract static class Starter {

		ConfigurableApplicationContext context;

		VouchersOperations vouchers;

		abstract StarterTransport transport();

		abstract boolean observations();

		/** Auto-configurations to leave out, or {@code null}. */
		String exclude() {
			return null;
		}

		/** More application properties. */
		String[] properties() {
			return new String[0];
		}

		@Setup(Level.Trial)
		public void start(Server server) {
			String exclude = exclude();
			this.context = Clients.starterContext(server.baseUrl, transport(), observations(), (builder) -> {
				if (exclude != null) {
					builder.properties("spring.autoconfigure.exclude=" + exclude);
				}
				builder.properties(properties());
			});
			this.vouchers = this.context.getBean(VouchersOperations.class);
			warmUp(() -> this.vouchers.getVoucher(Fixtures.CODE));
			System.out.println("CASE " + getClass().getSimpleName() + ": transport "
					+ Clients.describeTransport(transport()) + ", observations " + observations());
		}

		@TearDown(Level.Trial)
		public void stop() {
			System.out
				.println("OBSERVED " + getClass().getSimpleName() + ": " + Clients.describeObservations(this.context));
			this.context.close();
		}

	}

	/**
	 * The starter as it comes (Apache HttpClient 5, pool 50), with the actuator's
	 * observations.
	 */
	@State(Scope.Benchmark)
	public static class StarterObserved extends Starter {

		@Override
		StarterTransport transport() {
			return StarterTransport.STARTER;
		}

		@Override
		boolean observations() {
			return true;
		}

	}

	/**
	 * (1) with {@code management.metrics.observations.ignored-meters=long-task-timer}:
	 * Boot's meter handler then records no {@code .active} long task timer per
	 * observation.
	 */
	@State(Scope.Benchmark)
	public static class StarterObservedNoLongTaskTimers extends StarterObserved {

		@Override
		String[] properties() {
			return new String[] { "management.metrics.observations.ignored-meters=long-task-timer" };
		}

	}

	/** The starter as it comes, without an {@code ObservationRegistry}. */
	@State(Scope.Benchmark)
	public static class StarterAlone extends Starter {

		@Override
		StarterTransport transport() {
			return StarterTransport.STARTER;
		}

		@Override
		boolean observations() {
			return false;
		}

	}

	/**
	 * The starter with its own {@code voucherify.client.requests} observation but without
	 * Spring's {@code http.client.requests} one on the same call.
	 */
	@State(Scope.Benchmark)
	public static class StarterVoucherifyObservationOnly extends Starter {

		@Override
		StarterTransport transport() {
			return StarterTransport.STARTER;
		}

		@Override
		boolean observations() {
			return true;
		}

		@Override
		String exclude() {
			return "org.springframework.boot.restclient.autoconfigure.RestClientObservationAutoConfiguration";
		}

	}

	/** The starter with httpclient5 excluded: the JDK client, no observations. */
	@State(Scope.Benchmark)
	public static class StarterJdk extends Starter {

		@Override
		StarterTransport transport() {
			return StarterTransport.JDK;
		}

		@Override
		boolean observations() {
			return false;
		}

	}

	/** A hand-written RestClient over the JDK client. */
	@State(Scope.Benchmark)
	public static class RestClientJdk {

		RestClient restClient;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.restClient = Clients.restClient(server.baseUrl, Clients.jdkRequestFactory());
			warmUp(() -> call(this.restClient));
		}

	}

	/** A hand-written RestClient over Apache HttpClient 5. */
	@State(Scope.Benchmark)
	public static class RestClientApache {

		HttpComponentsClientHttpRequestFactory factory;

		RestClient restClient;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.factory = Clients.apacheRequestFactory();
			this.restClient = Clients.restClient(server.baseUrl, this.factory);
			warmUp(() -> call(this.restClient));
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			this.factory.destroy();
		}

	}

	/**
	 * A hand-written RestClient as a Boot user with the actuator writes it: from Boot's
	 * {@code RestClient.Builder} (one {@code http.client.requests} observation a call),
	 * on Apache HttpClient 5 with a pool of 50.
	 */
	@State(Scope.Benchmark)
	public static class RestClientApacheObserved {

		ConfigurableApplicationContext context;

		HttpComponentsClientHttpRequestFactory factory;

		RestClient restClient;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.context = Clients.starterContext(server.baseUrl, StarterTransport.NONE, true);
			this.factory = Clients.apacheRequestFactory();
			this.restClient = Clients.restClient(this.context.getBean(RestClient.Builder.class), server.baseUrl,
					this.factory);
			warmUp(() -> call(this.restClient));
		}

		@TearDown(Level.Trial)
		public void stop() throws Exception {
			System.out
				.println("OBSERVED " + getClass().getSimpleName() + ": " + Clients.describeObservations(this.context));
			this.factory.destroy();
			this.context.close();
		}

	}

	/** The JDK client alone. */
	@State(Scope.Benchmark)
	public static class JdkClient {

		HttpClient httpClient;

		URI uri;

		JsonMapper mapper;

		byte[] expected;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.httpClient = Clients.jdkHttpClient();
			this.uri = URI.create(server.baseUrl + "/v1/vouchers/" + Fixtures.CODE);
			this.mapper = JsonMapper.builder().build();
			this.expected = server.body;
			warmUp(() -> {
				try {
					HttpResponse<byte[]> response = this.httpClient.send(request(),
							HttpResponse.BodyHandlers.ofByteArray());
					this.mapper.readValue(response.body(), Voucher.class);
				}
				catch (IOException ex) {
					throw new java.io.UncheckedIOException(ex);
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
				}
			});
		}

		HttpRequest request() {
			return HttpRequest.newBuilder(this.uri)
				.header("X-App-Id", Clients.APP_ID)
				.header("X-App-Token", Clients.SECRET_KEY)
				.header("X-Voucherify-Channel", VouchersTemplate.DEFAULT_CHANNEL)
				.header("X-Voucherify-API-Version", VouchersTemplate.DEFAULT_API_VERSION)
				.header("User-Agent", "hand-written")
				.header("Accept", "application/json")
				.GET()
				.build();
		}

	}

	/** One official SDK client shared by every thread. */
	@State(Scope.Benchmark)
	public static class SdkShared {

		VoucherifyClient client;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.client = Clients.sdk(server.baseUrl);
			warmUp(() -> this.client.vouchers().get(Fixtures.CODE));
		}

	}

	/** One official SDK client per thread. */
	@State(Scope.Thread)
	public static class SdkPerThread {

		VoucherifyClient client;

		@Setup(Level.Trial)
		public void start(Server server) {
			this.client = Clients.sdk(server.baseUrl);
			// The first thread warms up the code with its own client, the others wait.
			warmUp(() -> this.client.vouchers().get(Fixtures.CODE));
		}

	}

	static Voucher call(RestClient restClient) {
		return restClient.get().uri("/v1/vouchers/{code}", Fixtures.CODE).retrieve().body(Voucher.class);
	}

	private static Voucher check(Checks checks, Voucher voucher) {
		return Fixtures.isExpected(voucher) ? checks.ok(voucher) : checks.wrong(voucher);
	}

	@Benchmark
	public Voucher starterObserved(StarterObserved client, Checks checks) {
		return callStarter(client, checks);
	}

	@Benchmark
	public Voucher starterObservedNoLongTaskTimers(StarterObservedNoLongTaskTimers client, Checks checks) {
		return callStarter(client, checks);
	}

	@Benchmark
	public Voucher starterVoucherifyObservationOnly(StarterVoucherifyObservationOnly client, Checks checks) {
		return callStarter(client, checks);
	}

	@Benchmark
	public Voucher starter(StarterAlone client, Checks checks) {
		return callStarter(client, checks);
	}

	@Benchmark
	public Voucher starterJdk(StarterJdk client, Checks checks) {
		return callStarter(client, checks);
	}

	/**
	 * {@link #starterJdk} in a JVM whose common pool has two workers, so that the JDK
	 * client's {@code sendAsync} no longer starts a thread a call (a workaround only an
	 * application can apply).
	 */
	@Benchmark
	@Fork(value = 1, jvmArgsAppend = { "-Xms1g", "-Xmx1g", "-Djava.util.concurrent.ForkJoinPool.common.parallelism=2" })
	public Voucher starterJdkCommonPool2(StarterJdk client, Checks checks) {
		return callStarter(client, checks);
	}

	private static Voucher callStarter(Starter client, Checks checks) {
		try {
			return check(checks, client.vouchers.getVoucher(Fixtures.CODE));
		}
		catch (RuntimeException ex) {
			return checks.failed(ex);
		}
	}

	@Benchmark
	public Voucher restClientJdk(RestClientJdk client, Checks checks) {
		return callRestClient(client.restClient, checks);
	}

	@Benchmark
	public Voucher restClientApache(RestClientApache client, Checks checks) {
		return callRestClient(client.restClient, checks);
	}

	@Benchmark
	public Voucher restClientApacheObserved(RestClientApacheObserved client, Checks checks) {
		return callRestClient(client.restClient, checks);
	}

	@Benchmark
	public byte[] jdkHttpClientBytes(JdkClient client, Checks checks) {
		try {
			HttpResponse<byte[]> response = client.httpClient.send(client.request(),
					HttpResponse.BodyHandlers.ofByteArray());
			byte[] body = response.body();
			return (response.statusCode() == 200 && Fixtures.isExpected(body, client.expected)) ? checks.ok(body)
					: checks.wrong(body);
		}
		catch (IOException | RuntimeException ex) {
			return checks.failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return checks.failed(ex);
		}
	}

	@Benchmark
	public Voucher jdkHttpClientJackson(JdkClient client, Checks checks) {
		try {
			HttpResponse<byte[]> response = client.httpClient.send(client.request(),
					HttpResponse.BodyHandlers.ofByteArray());
			if (response.statusCode() != 200) {
				return checks.wrong(null);
			}
			return check(checks, client.mapper.readValue(response.body(), Voucher.class));
		}
		catch (IOException | RuntimeException ex) {
			return checks.failed(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return checks.failed(ex);
		}
	}

	@Benchmark
	public VoucherResponse sdkShared(SdkShared client, Checks checks) {
		return callSdk(client.client, checks);
	}

	@Benchmark
	public VoucherResponse sdkPerThread(SdkPerThread client, Checks checks) {
		return callSdk(client.client, checks);
	}

	private static Voucher callRestClient(RestClient restClient, Checks checks) {
		try {
			return check(checks, call(restClient));
		}
		catch (RuntimeException ex) {
			return checks.failed(ex);
		}
	}

	private static VoucherResponse callSdk(VoucherifyClient sdk, Checks checks) {
		try {
			VoucherResponse voucher = sdk.vouchers().get(Fixtures.CODE);
			return Fixtures.isExpected(voucher) ? checks.ok(voucher) : checks.wrong(voucher);
		}
		catch (RuntimeException ex) {
			return checks.failed(ex);
		}
	}

}
