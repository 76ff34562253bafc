package io.voucherify.spring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;
import io.voucherify.spring.model.Voucher;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up time the starter's auto-configuration adds to an application context: the
 * same application (everything auto-configured, observations and metrics included) with
 * and without the Voucherify auto-configuration, which is excluded for the baseline.
 * <ul>
 * <li>first start: the first context of a fresh JVM, what a user sees when an application
 * starts;</li>
 * <li>cold: in a fresh JVM, the application first starts a context without the starter
 * (so that Boot, Jackson and RestClient are loaded, as in any application), then the
 * measured one: what the variant adds with its own classes and clients still cold;</li>
 * <li>warm: contexts started and stopped repeatedly in one JVM (the auto-configuration's
 * own work, without class loading and JIT).</li>
 * </ul>
 * Each JVM has a fixed heap and young generation, and the cold start follows a
 * {@code System.gc()}, so that no collection falls into a measured start: where a pause
 * falls depends on what was allocated before, and a start that allocates a little more
 * can pull a 20-30 ms pause into its window that the baseline just misses. What the
 * collections cost is reported instead as the memory the starting thread allocates.
 * Variants run in a new random order each round. A start is measured as wall-clock time,
 * the CPU time of the thread that starts the context, the CPU time of the whole JVM (the
 * JIT compilers included) and the memory that thread allocates; the first
 * {@code getVoucher} call after a cold start is timed too: it builds the HTTP client,
 * which the starter leaves out of the start. Reports medians.
 * {@code java -cp benchmarks/target/benchmarks.jar
 * io.voucherify.spring.benchmarks.StartupBenchmark [coldRuns] [warmRuns]}
 */
public final class StartupBenchmark {

	static final List<StarterTransport> VARIANTS = List.of(StarterTransport.NONE, StarterTransport.STARTER,
			StarterTransport.JDK);

	/** A fixed heap and young generation: no collection during a measured start. */
	private static final List<String> HEAP = List.of("-Xms512m", "-Xmx512m", "-Xmn256m");

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--steps")) {
			steps(StarterTransport.valueOf(args[1]), (args.length > 2) ? Integer.parseInt(args[2]) : 25);
			return;
		}
		if (args.length > 0 && args[0].equals("--child")) {
			child(args[1].equals("ALL") ? null : StarterTransport.valueOf(args[1]), Integer.parseInt(args[2]), args[3]);
			return;
		}
		if (args.length > 0 && args[0].equals("--first")) {
			System.out
				.println("STARTUP " + args[1] + " " + startOnce(StarterTransport.valueOf(args[1]), args[2], false));
			return;
		}
		int cold = (args.length > 0) ? Integer.parseInt(args[0]) : 11;
		int warm = (args.length > 1) ? Integer.parseInt(args[1]) : 25;
		System.out.println(run(cold, warm).toMarkdown());
	}

	static Result run(int coldRuns, int warmRuns) throws IOException, InterruptedException {
		Map<Measure, Map<StarterTransport, List<Double>>> first = new EnumMap<>(Measure.class);
		Map<Measure, Map<StarterTransport, List<Double>>> cold = new EnumMap<>(Measure.class);
		Map<Measure, Map<StarterTransport, List<Double>>> warm = new EnumMap<>(Measure.class);
		try (ServerProcess server = ServerProcess.start()) {
			warmUp(server.baseUrl());
			// A fixed order would leave the server's work after each first call on the
			// variant that always comes next.
			Random random = new Random(42);
			for (int i = 0; i < coldRuns; i++) {
				List<StarterTransport> order = new ArrayList<>(VARIANTS);
				Collections.shuffle(order, random);
				for (StarterTransport variant : order) {
					add(first, spawnLines("--first", variant.name(), server.baseUrl()));
					add(cold, spawnLines("--child", variant.name(), "0", server.baseUrl()));
				}
			}
			// One JVM, variants interleaved; the first rounds warm it up and are dropped.
			add(warm, spawnLines("--child", "ALL", Integer.toString(warmRuns), server.baseUrl()));
		}
		return new Result(first, cold, warm);
	}

	/** Add the child's {@code STARTUP <variant> <measures>} lines to the results. */
	private static void add(Map<Measure, Map<StarterTransport, List<Double>>> results, List<String> lines) {
		for (String line : lines) {
			String[] fields = line.split(" ");
			StarterTransport variant = StarterTransport.valueOf(fields[1]);
			for (Measure measure : Measure.values()) {
				results.computeIfAbsent(measure, (key) -> new EnumMap<>(StarterTransport.class))
					.computeIfAbsent(variant, (key) -> new ArrayList<>())
					.add(Double.parseDouble(fields[2 + measure.ordinal()]));
			}
		}
	}

	/**
	 * Calls to the server before any measurement, so that its own start and JIT are over.
	 */
	private static void warmUp(String baseUrl) throws IOException, InterruptedException {
		HttpClient client = Clients.jdkHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/v1/vouchers/" + Fixtures.CODE)).build();
		for (int i = 0; i < 2_000; i++) {
			client.send(request, HttpResponse.BodyHandlers.discarding());
		}
		Thread.sleep(2_000);
	}

	private static List<String> spawnLines(String... args) throws IOException, InterruptedException {
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(HEAP);
		command.addAll(List.of("-cp", System.getProperty("java.class.path"), StartupBenchmark.class.getName()));
		command.addAll(Arrays.asList(args));
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectError(ProcessBuilder.Redirect.INHERIT);
		Process process = builder.start();
		List<String> lines = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("STARTUP ")) {
					lines.add(line);
				}
			}
		}
		if (!process.waitFor(10, TimeUnit.MINUTES) || process.exitValue() != 0) {
			throw new IllegalStateException("Start-up child failed: " + command);
		}
		return lines;
	}

	/**
	 * Start contexts and print {@code STARTUP <variant>} and the {@link Measure}s in
	 * milliseconds. With a variant: the baseline, then that variant cold and its first
	 * call. With {@code ALL}: the variants interleaved, {@code runs} measured rounds
	 * after 5 warm-up rounds, without calls.
	 */
	private static void child(StarterTransport only, int runs, String baseUrl) {
		if (only != null) {
			// The application's own context first, without the starter: what Boot and the
			// shared libraries (Jackson, RestClient) load is then loaded, and the second
			// start shows what this variant adds, its classes still cold.
			startOnce(StarterTransport.NONE, baseUrl, false);
			System.gc();
			System.out.println("STARTUP " + only + " " + startOnce(only, baseUrl, true));
			return;
		}
		for (int round = 0; round < 5 + runs; round++) {
			for (StarterTransport variant : VARIANTS) {
				String times = startOnce(variant, baseUrl, false);
				if (round >= 5) {
					System.out.println("STARTUP " + variant + " " + times);
				}
			}
		}
	}

	/**
	 * Start a context, make its first call if asked, and stop it.
	 * @return the {@link Measure}s in milliseconds, space-separated ({@code NaN} for a
	 * call not made)
	 */
	private static String startOnce(StarterTransport variant, String baseUrl, boolean call) {
		com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
		long allocated = threads.getCurrentThreadAllocatedBytes();
		long cpu = threads.getCurrentThreadCpuTime();
		long processCpu = CpuTimeProfiler.processCpuNanos();
		long start = System.nanoTime();
		ConfigurableApplicationContext context = Clients.starterContext(baseUrl, variant, true);
		double ms = (System.nanoTime() - start) / 1e6;
		double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
		double processCpuMs = (CpuTimeProfiler.processCpuNanos() - processCpu) / 1e6;
		double allocatedMb = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1e6;
		VouchersOperations vouchers = context.getBeanProvider(VouchersOperations.class).getIfAvailable();
		if ((vouchers == null) != (variant == StarterTransport.NONE)) {
			throw new IllegalStateException("Unexpected client presence for " + variant + ": " + vouchers);
		}
		double firstCallMs = Double.NaN;
		if (vouchers != null && call) {
			long callStart = System.nanoTime();
			Voucher voucher = vouchers.getVoucher(Fixtures.CODE);
			firstCallMs = (System.nanoTime() - callStart) / 1e6;
			if (!Fixtures.isExpected(voucher)) {
				throw new IllegalStateException("Wrong voucher from " + variant + ": " + voucher);
			}
		}
		context.close();
		return ms + " " + cpuMs + " " + processCpuMs + " " + firstCallMs + " " + allocatedMb;
	}

	/**
	 * One cold start with Boot's start-up recording: prints the slowest bean
	 * instantiations (self time, children excluded), to find what a variant adds.
	 */
	private static void steps(StarterTransport variant, int top) {
		org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup startup = new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(
				100_000);
		// Unused port: no call is made, the context only has to start.
		startOnce(StarterTransport.NONE, "http://127.0.0.1:9", false);
		long start = System.nanoTime();
		ConfigurableApplicationContext context = Clients.starterContext("http://127.0.0.1:9", variant, true,
				(builder) -> builder.applicationStartup(startup));
		System.out.printf("context started in %.1f ms%n", (System.nanoTime() - start) / 1e6);
		context.close();
		List<org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> events = startup
			.getBufferedTimeline()
			.getEvents();
		Map<Long, Long> childNanos = new HashMap<>();
		for (var event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		events.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.sorted(Comparator
				.comparingLong((
						org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent event) -> event
							.getDuration()
							.toNanos() - childNanos.getOrDefault(event.getStartupStep().getId(), 0L))
				.reversed())
			.limit(top)
			.forEach((event) -> {
				String bean = "?";
				for (var tag : event.getStartupStep().getTags()) {
					if (tag.getKey().equals("beanName")) {
						bean = tag.getValue();
					}
				}
				long self = event.getDuration().toNanos() - childNanos.getOrDefault(event.getStartupStep().getId(), 0L);
				System.out.printf("%8.1f ms self %8.1f ms total  %s%n", self / 1e6, event.getDuration().toNanos() / 1e6,
						bean);
			});
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int middle = sorted.length / 2;
		return (sorted.length % 2 == 1) ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
	}

	/** What a cold start measures, in the order the child prints them. */
	enum Measure {

		/** Wall-clock time of the context's start. */
		WALL,

		/** CPU time of the thread that starts the context. */
		THREAD_CPU,

		/** CPU time of the whole JVM (JIT compilers and GC included) during the start. */
		PROCESS_CPU,

		/** Wall-clock time of the first {@code getVoucher} call after the start. */
		FIRST_CALL,

		/** Memory allocated by the thread that starts the context, in MB. */
		ALLOCATED

	}

	/**
	 * Start-up measures by variant: the first starts of fresh JVMs, the cold starts and
	 * the warm starts.
	 */
	record Result(Map<Measure, Map<StarterTransport, List<Double>>> first,
			Map<Measure, Map<StarterTransport, List<Double>>> cold,
			Map<Measure, Map<StarterTransport, List<Double>>> warm) {

		List<Double> first(Measure measure, StarterTransport variant) {
			return this.first.getOrDefault(measure, Map.of()).getOrDefault(variant, List.of());
		}

		List<Double> cold(Measure measure, StarterTransport variant) {
			return this.cold.getOrDefault(measure, Map.of()).getOrDefault(variant, List.of());
		}

		List<Double> warm(StarterTransport variant) {
			return this.warm.getOrDefault(Measure.WALL, Map.of()).getOrDefault(variant, List.of());
		}

		double warmMedian(StarterTransport variant) {
			return median(warm(variant));
		}

		String toMarkdown() {
			StringBuilder out = new StringBuilder();
			out.append("First start of a fresh JVM, medians:\n\n");
			table(out, this.first);
			out.append("\nCold start (after a start without the starter in the same JVM), medians:\n\n");
			table(out, this.cold);
			out.append("\n| Application context | warm start, median ms (n) | added | cold first call, median ms |\n");
			out.append("|---|---:|---:|---:|\n");
			for (StarterTransport variant : VARIANTS) {
				out.append(String.format("| %s | %.1f (%d) | %s | %s |%n", label(variant), warmMedian(variant),
						warm(variant).size(), added(variant, warmMedian(variant), warmMedian(StarterTransport.NONE)),
						(variant == StarterTransport.NONE) ? "-"
								: String.format("%.1f", median(cold(Measure.FIRST_CALL, variant)))));
			}
			out.append("\nAdded vs without, with a 90 % bootstrap interval of the difference of medians:\n\n");
			for (StarterTransport variant : VARIANTS.subList(1, VARIANTS.size())) {
				out.append(String.format("- %s, first start: wall-clock %s; the starting thread's CPU %s%n", variant,
						interval(first(Measure.WALL, variant), first(Measure.WALL, StarterTransport.NONE)), interval(
								first(Measure.THREAD_CPU, variant), first(Measure.THREAD_CPU, StarterTransport.NONE))));
				out.append(String.format("- %s, cold start: wall-clock %s; the starting thread's CPU %s%n", variant,
						interval(cold(Measure.WALL, variant), cold(Measure.WALL, StarterTransport.NONE)),
						interval(cold(Measure.THREAD_CPU, variant), cold(Measure.THREAD_CPU, StarterTransport.NONE))));
			}
			out.append("\nAll runs, wall-clock ms: ");
			for (StarterTransport variant : VARIANTS) {
				out.append(variant)
					.append(" first ")
					.append(Arrays.toString(first(Measure.WALL, variant).stream().mapToLong(Math::round).toArray()))
					.append(", cold ")
					.append(Arrays.toString(cold(Measure.WALL, variant).stream().mapToLong(Math::round).toArray()))
					.append("; ");
			}
			return out.append('\n').toString();
		}

		/** One row a variant: each measure's median and what the variant adds to it. */
		private static void table(StringBuilder out, Map<Measure, Map<StarterTransport, List<Double>>> results) {
			List<Measure> measures = List.of(Measure.WALL, Measure.THREAD_CPU, Measure.PROCESS_CPU, Measure.ALLOCATED);
			out.append("| Application context | n | wall-clock ms | added | the starting thread's CPU ms | added "
					+ "| the JVM's CPU ms | added | allocated by the starting thread, MB | added |\n");
			out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
			for (StarterTransport variant : VARIANTS) {
				out.append("| ").append(label(variant)).append(" | ");
				out.append(results.getOrDefault(Measure.WALL, Map.of()).getOrDefault(variant, List.of()).size());
				for (Measure measure : measures) {
					Map<StarterTransport, List<Double>> byVariant = results.getOrDefault(measure, Map.of());
					double value = median(byVariant.getOrDefault(variant, List.of()));
					double base = median(byVariant.getOrDefault(StarterTransport.NONE, List.of()));
					out.append(String.format(" | %.1f | %s", value, added(variant, value, base)));
				}
				out.append(" |\n");
			}
		}

		/**
		 * The difference of the medians and its 5th-95th percentile over 10,000 bootstrap
		 * resamples (fixed seed, so the same runs give the same interval).
		 */
		static String interval(List<Double> values, List<Double> base) {
			if (values.isEmpty() || base.isEmpty()) {
				return "-";
			}
			Random random = new Random(42);
			double[] differences = new double[10_000];
			for (int i = 0; i < differences.length; i++) {
				differences[i] = median(resample(values, random)) - median(resample(base, random));
			}
			Arrays.sort(differences);
			return String.format("%+.1f ms (%+.1f to %+.1f)", median(values) - median(base),
					differences[differences.length / 20],
					differences[differences.length - 1 - differences.length / 20]);
		}

		private static List<Double> resample(List<Double> values, Random random) {
			List<Double> sample = new ArrayList<>(values.size());
			for (int i = 0; i < values.size(); i++) {
				sample.add(values.get(random.nextInt(values.size())));
			}
			return sample;
		}

		private static String added(StarterTransport variant, double value, double base) {
			return (variant == StarterTransport.NONE) ? "-" : String.format("%+.1f", value - base);
		}

		static String label(StarterTransport variant) {
			return switch (variant) {
				case NONE -> "without the Voucherify auto-configuration";
				case STARTER -> "with the starter (Apache HttpClient 5, built on the first call)";
				case JDK -> "with the starter, httpclient5 excluded (JDK HttpClient, built on the first call)";
			};
		}

	}

}
