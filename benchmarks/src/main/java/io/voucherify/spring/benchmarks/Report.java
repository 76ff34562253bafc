package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs everything and writes a Markdown report: {@link GetVoucherBenchmark}
 * single-threaded and at 16 threads (throughput and allocation with JMH's GC profiler)
 * and its latency percentiles (SampleTime, one thread), then {@link StartupBenchmark} and
 * {@link HeapBenchmark}. Each benchmark waits for the machine to be quiet and is re-run
 * once if other processes took more than a fifth of the CPU during it.
 * <p>
 * {@code java -cp benchmarks/target/benchmarks.jar io.voucherify.spring.benchmarks.Report
 * [--wi 3] [--i 3] [--w 3] [--r 3] (multi-threaded runs: one warm-up iteration fewer, at least 5 measured
 * iterations of 5 s) [--only regex]
 * [--threads 1,16] [--skip startup,heap,jmh]
 * [--out benchmarks/target/benchmark-report.md]}
 */
public final class Report {

	/** The cases, in table order, with what each one is. */
	static final Map<String, String> CASES = new LinkedHashMap<>();

	static {
		CASES.put("starterObserved",
				"(1) the starter as it comes (Apache HttpClient 5, pool 50), observations + metrics on (actuator)");
		CASES.put("starterObservedNoLongTaskTimers",
				"(1n) (1) with management.metrics.observations.ignored-meters=long-task-timer (no .active timers)");
		CASES.put("starterVoucherifyObservationOnly",
				"(1') the starter, observations on but without Spring's http.client.requests on the same call");
		CASES.put("starter", "(2) the starter as it comes, no ObservationRegistry (no actuator)");
		CASES.put("starterJdk", "(2J) the starter with httpclient5 excluded: JDK HttpClient, no ObservationRegistry");
		CASES.put("starterJdkCommonPool2",
				"(2J') (2J) with the JVM flag -Djava.util.concurrent.ForkJoinPool.common.parallelism=2");
		CASES.put("restClientJdk", "(3) hand-written RestClient, JDK HttpClient");
		CASES.put("restClientApache", "(3) hand-written RestClient, Apache HttpClient 5 (pool 50)");
		CASES.put("restClientApacheObserved",
				"(3o) hand-written RestClient from Boot's RestClient.Builder (one http.client.requests observation), Apache HttpClient 5 (pool 50)");
		CASES.put("jdkHttpClientBytes", "(4) JDK HttpClient.send, raw bytes");
		CASES.put("jdkHttpClientJackson", "(4') JDK HttpClient.send + Jackson 3 into the same record");
		CASES.put("sdkShared", "(5) official SDK 8.0.0, one shared client");
		CASES.put("sdkPerThread", "(5) official SDK 8.0.0, one client per thread");
	}

	/**
	 * The cases whose latency distribution is sampled (to keep a run near 15 minutes).
	 */
	static final List<String> LATENCY_CASES = List.of("starterObserved", "starter", "starterJdk", "restClientJdk",
			"restClientApache", "sdkShared", "sdkPerThread");

	private static final double NOISY_PERCENT = 20;

	private final int warmupIterations;

	private final int iterations;

	private final int warmupSeconds;

	private final int seconds;

	private final Pattern only;

	/**
	 * Which runs to make: "1" (SampleTime, one thread), "16" (Throughput, 16 threads).
	 */
	private final List<String> threads;

	private final LoadMonitor monitor = new LoadMonitor();

	private final StringBuilder log = new StringBuilder();

	private Report(Map<String, String> options) {
		this.warmupIterations = Integer.parseInt(options.getOrDefault("wi", "3"));
		this.iterations = Integer.parseInt(options.getOrDefault("i", "3"));
		this.warmupSeconds = Integer.parseInt(options.getOrDefault("w", "3"));
		this.seconds = Integer.parseInt(options.getOrDefault("r", "3"));
		this.only = Pattern.compile(options.getOrDefault("only", ".*"));
		this.threads = List.of(options.getOrDefault("threads", "1,16").split(","));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new LinkedHashMap<>();
		for (int i = 0; i + 1 < args.length; i += 2) {
			options.put(args[i].replaceFirst("^--?", ""), args[i + 1]);
		}
		String skip = options.getOrDefault("skip", "");
		Path out = Path.of(options.getOrDefault("out", "benchmarks/target/benchmark-report.md"));
		Report report = new Report(options);
		Instant started = Instant.now();
		StringBuilder markdown = new StringBuilder();
		markdown.append("# Benchmark report\n\n").append(machine()).append('\n');
		markdown.append(String.format(
				"JMH 1.37, 1 fork a benchmark, %d s of single-threaded calls in each fork's set-up, then "
						+ "%d warm-up iterations of %d s, %d measured iterations of %d s "
						+ "(16 threads: %d warm-up iterations of %d s, "
						+ "%d measured iterations of %d s); server in its own JVM on loopback.%n%n",
				GetVoucherBenchmark.SETUP_WARMUP_SECONDS, report.warmupIterations(1), report.warmupSeconds,
				report.iterations(1), report.seconds(1), report.warmupIterations(16), report.warmupSeconds,
				report.iterations(16), report.seconds(16)));
		if (!skip.contains("jmh")) {
			markdown.append(report.runJmh());
		}
		if (!skip.contains("startup")) {
			report.monitor.awaitQuiet(10, Duration.ofMinutes(2));
			LoadMonitor.Mark mark = report.monitor.mark();
			StartupBenchmark.Result startup = StartupBenchmark.run(40, 10);
			markdown.append("## Start-up\n\n")
				.append(startup.toMarkdown())
				.append(String.format("%nOther processes' CPU during the start-up runs: %.0f%%.%n%n",
						report.monitor.foreignPercentSince(mark)));
		}
		if (!skip.contains("heap")) {
			report.monitor.awaitQuiet(10, Duration.ofMinutes(2));
			markdown.append(heapMarkdown(HeapBenchmark.run()));
		}
		markdown.append(String.format("Total time: %d s.%n", Duration.between(started, Instant.now()).toSeconds()));
		if (report.log.length() > 0) {
			markdown.append("\n## Log\n\n").append(report.log);
		}
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.writeString(out, markdown);
		System.out.println();
		System.out.println(markdown);
		System.out.println("Written to " + out.toAbsolutePath());
		report.monitor.close();
	}

	private String runJmh() throws RunnerException, InterruptedException {
		Map<String, Row> rows = new LinkedHashMap<>();
		for (String name : CASES.keySet()) {
			if (this.only.matcher(name).find()) {
				rows.put(name, new Row(name));
			}
		}
		for (Row row : rows.values()) {
			row.single = this.threads.contains("1") ? measure(row.name, Mode.SampleTime, 1) : null;
		}
		for (Row row : rows.values()) {
			row.sixteen = this.threads.contains("16") ? measure(row.name, Mode.Throughput, 16) : null;
		}
		return jmhMarkdown(rows);
	}

	/** One benchmark in one mode; re-run once if the machine was busy. */
	private Measured measure(String name, Mode mode, int threads) throws RunnerException, InterruptedException {
		Measured best = null;
		for (int attempt = 0; attempt < 2; attempt++) {
			double before = this.monitor.awaitQuiet(10, Duration.ofMinutes(2));
			String loadBefore = LoadMonitor.loadAverage();
			LoadMonitor.Mark mark = this.monitor.mark();
			RunResult result = runOnce(name, mode, threads);
			double foreign = this.monitor.foreignPercentSince(mark);
			Measured measured = new Measured(result, foreign, loadBefore);
			String line = String.format(Locale.ROOT,
					"- %s, %s, %d thread(s), attempt %d: other processes %.0f%% of the CPU (%.0f%% just before), "
							+ "load average before: %s%n",
					name, mode.shortLabel(), threads, attempt + 1, foreign, before, loadBefore);
			this.log.append(line);
			System.out.print(line);
			if (best == null || measured.foreignPercent() < best.foreignPercent()) {
				best = measured;
			}
			if (foreign <= NOISY_PERCENT) {
				break;
			}
		}
		return best;
	}

	private RunResult runOnce(String name, Mode mode, int threads) throws RunnerException {
		ChainedOptionsBuilder options = new OptionsBuilder()
			.include(Pattern.quote(GetVoucherBenchmark.class.getName() + "." + name) + "$")
			.mode(mode)
			.threads(threads)
			.forks(1)
			.warmupIterations(warmupIterations(threads))
			.warmupTime(TimeValue.seconds(this.warmupSeconds))
			.measurementIterations(iterations(threads))
			.measurementTime(TimeValue.seconds(seconds(threads)))
			.shouldFailOnError(true);
		options.addProfiler(GCProfiler.class);
		options.addProfiler(CpuTimeProfiler.class);
		String setupWarmup = System.getProperty("bench.setupWarmupSeconds");
		if (setupWarmup != null) {
			// Prepended: the benchmark's own appended JVM arguments stay.
			options.jvmArgsPrepend("-Dbench.setupWarmupSeconds=" + setupWarmup);
		}
		options.timeUnit((mode == Mode.Throughput) ? TimeUnit.SECONDS : TimeUnit.MICROSECONDS);
		Collection<RunResult> results = new Runner(options.build()).run();
		if (results.size() != 1) {
			throw new IllegalStateException("Expected one result for " + name + ", got " + results.size());
		}
		return results.iterator().next();
	}

	/**
	 * Every fork is warmed up single-threaded in its set-up first, so multi-threaded runs
	 * take one JMH warm-up iteration fewer.
	 */
	private int warmupIterations(int threads) {
		return (threads > 1) ? Math.max(1, this.warmupIterations - 1) : this.warmupIterations;
	}

	/** 16 busy threads on 2 CPUs leave the JIT little time: measure longer. */
	private int iterations(int threads) {
		return (threads > 1) ? Math.max(5, this.iterations) : this.iterations;
	}

	private int seconds(int threads) {
		return (threads > 1) ? Math.max(5, this.seconds) : this.seconds;
	}

	private static String jmhMarkdown(Map<String, Row> rows) {
		StringBuilder out = new StringBuilder("## getVoucher\n\n");
		out.append("| Case | 1 thread: ops/s | B/op | p50 / p90 / p99 / p99.9 µs | 16 threads: ops/s | B/op "
				+ "| client CPU µs/op (1 t / 16 t) | wrong / failed (1 t; 16 t) | other CPU % (1 t / 16 t) |\n");
		out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n");
		for (Row row : rows.values()) {
			out.append(String.format(Locale.ROOT, "| `%s` %s | %s | %s | %s | %s | %s | %s / %s | %s; %s | %s / %s |%n",
					row.name, CASES.get(row.name), score(row.single), alloc(row.single), percentiles(row.single),
					score(row.sixteen), alloc(row.sixteen), cpu(row.single), cpu(row.sixteen), checks(row.single),
					checks(row.sixteen), foreign(row.single), foreign(row.sixteen)));
		}
		out.append("\n1-thread ops/s = 1 / mean latency of the SampleTime run (± from its error); "
				+ "16-thread ops/s from a Throughput run. B/op: JMH's gc.alloc.rate.norm (whole JVM, server excluded). "
				+ "Client CPU: CpuTimeProfiler's cpu.time.norm, CPU time of the whole client JVM per call.\n");
		out.append('\n').append(targets(rows)).append('\n');
		return out.toString();
	}

	/**
	 * The floors of issue 15: at least 0.95x the throughput of a hand-written
	 * {@code RestClient} on the same transport, ahead of the SDK with one client per
	 * thread, no wrong result.
	 */
	private static String targets(Map<String, Row> rows) {
		StringBuilder out = new StringBuilder("### Floors, from the numbers above\n\n");
		Map<String, String> sameTransport = new LinkedHashMap<>();
		sameTransport.put("starterObserved", "restClientApache");
		sameTransport.put("starterObservedNoLongTaskTimers", "restClientApache");
		sameTransport.put("starterVoucherifyObservationOnly", "restClientApache");
		sameTransport.put("starter", "restClientApache");
		sameTransport.put("starterJdk", "restClientJdk");
		for (int threads : new int[] { 1, 16 }) {
			Measured sdk = best(rows, threads, "sdkPerThread");
			StringBuilder lines = new StringBuilder();
			for (Map.Entry<String, String> pair : sameTransport.entrySet()) {
				String starter = pair.getKey();
				String handWritten = pair.getValue();
				Row row = rows.get(starter);
				Measured measured = (row != null) ? ((threads == 1) ? row.single : row.sixteen) : null;
				Measured reference = best(rows, threads, handWritten);
				if (measured == null || reference == null) {
					continue;
				}
				double speed = measured.score() / reference.score();
				lines.append(String.format(Locale.ROOT,
						"- `%s`: %.2fx the throughput of `%s` (floor >= 0.95: %s), %.2fx its allocation", starter,
						speed, handWritten, (speed >= 0.95) ? "met" : "NOT met", measured.alloc() / reference.alloc()));
				if (sdk != null) {
					double vsSdk = measured.score() / sdk.score();
					lines.append(String.format(Locale.ROOT,
							"; %.2fx the throughput of `sdkPerThread` (floor > 1: %s), %.2fx its client CPU a call",
							vsSdk, (vsSdk > 1) ? "met" : "NOT met", measured.cpu() / sdk.cpu()));
				}
				lines.append('\n');
			}
			if (!lines.isEmpty()) {
				out.append(String.format(Locale.ROOT, "%d thread(s):%n%n", threads)).append(lines).append('\n');
			}
		}
		return out.toString();
	}

	private static Measured best(Map<String, Row> rows, int threads, String... names) {
		Measured best = null;
		for (String name : names) {
			Row row = rows.get(name);
			Measured measured = (row != null) ? ((threads == 1) ? row.single : row.sixteen) : null;
			if (measured != null && (best == null || measured.score() > best.score())) {
				best = measured;
			}
		}
		return best;
	}

	private static String score(Measured measured) {
		if (measured == null) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.0f ± %.0f", measured.score(), measured.error());
	}

	private static String alloc(Measured measured) {
		return (measured == null || Double.isNaN(measured.alloc())) ? "-"
				: String.format(Locale.ROOT, "%.0f", measured.alloc());
	}

	private static String cpu(Measured measured) {
		return (measured == null || Double.isNaN(measured.cpu())) ? "-"
				: String.format(Locale.ROOT, "%.1f", measured.cpu());
	}

	private static String checks(Measured measured) {
		if (measured == null) {
			return "-";
		}
		return String.format(Locale.ROOT, "%.0f / %.0f", measured.secondary("wrong"), measured.secondary("failed"));
	}

	private static String percentiles(Measured measured) {
		if (measured == null || !measured.sampled()) {
			return "-";
		}
		var statistics = measured.result().getPrimaryResult().getStatistics();
		return String.format(Locale.ROOT, "%.0f / %.0f / %.0f / %.0f", statistics.getPercentile(50),
				statistics.getPercentile(90), statistics.getPercentile(99), statistics.getPercentile(99.9));
	}

	private static String foreign(Measured measured) {
		return (measured != null) ? String.format(Locale.ROOT, "%.0f", measured.foreignPercent()) : "-";
	}

	private static String heapMarkdown(List<HeapBenchmark.Row> rows) {
		StringBuilder out = new StringBuilder("## Heap\n\n");
		out.append("| Operation | Transport | smallest -Xmx that works | heap in use after start | "
				+ "peak heap in use after a GC during the operation | duration |\n");
		out.append("|---|---|---:|---:|---:|---:|\n");
		for (HeapBenchmark.Row row : rows) {
			String operation = row.operation().equals("stream") ? "stream 100,000 transactions (1,000 pages)"
					: "upload a 200 MB CSV";
			out.append(String.format(Locale.ROOT, "| %s | %s | %s | %s KB | %s KB | %s s |%n", operation,
					row.value("transport").replace('_', ' '),
					(row.smallestHeapMb() > 0) ? row.smallestHeapMb() + " MB" : "none of the ladder",
					row.value("baselineKb"), row.value("peakAfterGcKb"), row.value("seconds")));
		}
		return out.append('\n').toString();
	}

	static String machine() {
		StringBuilder out = new StringBuilder();
		out.append("- CPUs: ").append(Runtime.getRuntime().availableProcessors());
		try {
			Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter((line) -> line.startsWith("model name"))
				.findFirst()
				.ifPresent((line) -> out.append(" (").append(line.substring(line.indexOf(':') + 1).trim()).append(')'));
			Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter((line) -> line.startsWith("MemTotal"))
				.findFirst()
				.ifPresent((line) -> out.append(", memory: ").append(line.substring(line.indexOf(':') + 1).trim()));
		}
		catch (IOException ex) {
			// not Linux
		}
		out.append('\n')
			.append("- Java: ")
			.append(System.getProperty("java.vm.name"))
			.append(' ')
			.append(System.getProperty("java.runtime.version"))
			.append(", ")
			.append(String.join(" ", ManagementFactory.getRuntimeMXBean().getInputArguments()))
			.append('\n');
		out.append("- Load average at the start: ").append(LoadMonitor.loadAverage()).append('\n');
		return out.toString();
	}

	/** A case's three measurements. */
	private static final class Row {

		final String name;

		Measured single;

		Measured sixteen;

		Measured latency;

		Row(String name) {
			this.name = name;
		}

	}

	/** A JMH result with the share of CPU other processes took during it. */
	record Measured(RunResult result, double foreignPercent, String loadBefore) {

		private boolean sampled() {
			return this.result.getParams().getMode() == Mode.SampleTime;
		}

		/** Operations a second (from the mean latency for a SampleTime run). */
		double score() {
			double score = this.result.getPrimaryResult().getScore();
			return sampled() ? 1e6 / score : score;
		}

		double error() {
			double error = this.result.getPrimaryResult().getScoreError();
			return sampled() ? score() * error / this.result.getPrimaryResult().getScore() : error;
		}

		double alloc() {
			return secondary("gc.alloc.rate.norm");
		}

		double cpu() {
			return secondary("cpu.time.norm");
		}

		double secondary(String label) {
			for (String name : this.result.getSecondaryResults().keySet()) {
				if (name.endsWith(label)) {
					return this.result.getSecondaryResults().get(name).getScore();
				}
			}
			return Double.NaN;
		}

	}

	static List<String> names() {
		return new ArrayList<>(CASES.keySet());
	}

}
