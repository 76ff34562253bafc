package io.voucherify.spring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up time the starter's auto-configuration adds to an application context: the
 * same application (everything auto-configured, observations and metrics included) with
 * and without the Voucherify auto-configuration, which is excluded for the baseline.
 * <ul>
 * <li>cold: in a fresh JVM for each measurement, variants interleaved, the application
 * first starts a context without the starter (so that Boot, Jackson and RestClient are
 * loaded, as in any application), then the measured one: what the variant adds with its
 * own classes, TLS set-up and clients still cold;</li>
 * <li>warm: contexts started and stopped repeatedly in one JVM (the auto-configuration's
 * own work, without class loading and JIT).</li>
 * </ul>
 * Reports medians. {@code java -cp benchmarks/target/benchmarks.jar
 * io.voucherify.spring.benchmarks.StartupBenchmark [coldRuns] [warmRuns]}
 */
public final class StartupBenchmark {

	static final List<StarterTransport> VARIANTS = List.of(StarterTransport.NONE, StarterTransport.STARTER,
			StarterTransport.JDK);

	private StartupBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--steps")) {
			steps(StarterTransport.valueOf(args[1]), (args.length > 2) ? Integer.parseInt(args[2]) : 25);
			return;
		}
		if (args.length > 0 && args[0].equals("--child")) {
			child(args[1].equals("ALL") ? null : StarterTransport.valueOf(args[1]), Integer.parseInt(args[2]));
			return;
		}
		int cold = (args.length > 0) ? Integer.parseInt(args[0]) : 11;
		int warm = (args.length > 1) ? Integer.parseInt(args[1]) : 25;
		System.out.println(run(cold, warm).toMarkdown());
	}

	static Result run(int coldRuns, int warmRuns) throws IOException, InterruptedException {
		Map<StarterTransport, List<Double>> cold = new EnumMap<>(StarterTransport.class);
		Map<StarterTransport, List<Double>> coldCpu = new EnumMap<>(StarterTransport.class);
		for (int i = 0; i < coldRuns; i++) {
			for (StarterTransport variant : VARIANTS) {
				for (String line : spawnLines(variant.name(), 0)) {
					String[] fields = line.split(" ");
					cold.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(Double.parseDouble(fields[2]));
					coldCpu.computeIfAbsent(variant, (key) -> new ArrayList<>()).add(Double.parseDouble(fields[3]));
				}
			}
		}
		Map<StarterTransport, List<Double>> warm = new EnumMap<>(StarterTransport.class);
		// One JVM, variants interleaved; the first rounds warm it up and are dropped.
		List<String> lines = spawnLines("ALL", warmRuns);
		for (String line : lines) {
			String[] fields = line.split(" ");
			warm.computeIfAbsent(StarterTransport.valueOf(fields[1]), (key) -> new ArrayList<>())
				.add(Double.parseDouble(fields[2]));
		}
		return new Result(cold, coldCpu, warm);
	}

	private static List<String> spawnLines(String variant, int runs) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		ProcessBuilder builder = new ProcessBuilder(java, "-Xmx512m", "-cp", System.getProperty("java.class.path"),
				StartupBenchmark.class.getName(), "--child", variant, Integer.toString(runs));
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
			throw new IllegalStateException("Start-up child failed for " + variant);
		}
		return lines;
	}

	/**
	 * Start contexts and print {@code STARTUP <variant> <ms> <main-thread CPU ms>}. With
	 * {@code ALL}: the variants interleaved, {@code runs} measured rounds after 5 warm-up
	 * rounds.
	 */
	private static void child(StarterTransport only, int runs) {
		// Unused port: no call is made, the context only has to start.
		String baseUrl = "http://127.0.0.1:9";
		if (only != null && runs == 0) {
			// The application's own context first, without the starter: what Boot and the
			// shared libraries (Jackson, RestClient) load is then loaded, and the second
			// start shows what this variant adds, its classes still cold.
			startOnce(StarterTransport.NONE, baseUrl);
			System.out.println("STARTUP " + only + " " + startOnce(only, baseUrl));
			return;
		}
		if (only != null) {
			System.out.println("STARTUP " + only + " " + startOnce(only, baseUrl));
			return;
		}
		for (int round = 0; round < 5 + runs; round++) {
			for (StarterTransport variant : VARIANTS) {
				String times = startOnce(variant, baseUrl);
				if (round >= 5) {
					System.out.println("STARTUP " + variant + " " + times);
				}
			}
		}
	}

	/**
	 * Start and stop one context.
	 * @return the wall-clock and the main thread's CPU milliseconds of the start,
	 * space-separated: the CPU time leaves out what other processes and the JVM's
	 * background threads (JIT, GC) do meanwhile
	 */
	private static String startOnce(StarterTransport variant, String baseUrl) {
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		long cpu = threads.getCurrentThreadCpuTime();
		long start = System.nanoTime();
		ConfigurableApplicationContext context = Clients.starterContext(baseUrl, variant, true);
		double ms = (System.nanoTime() - start) / 1e6;
		double cpuMs = (threads.getCurrentThreadCpuTime() - cpu) / 1e6;
		boolean hasClient = context.getBeanProvider(VouchersOperations.class).getIfAvailable() != null;
		if (hasClient == (variant == StarterTransport.NONE)) {
			throw new IllegalStateException("Unexpected client presence for " + variant + ": " + hasClient);
		}
		context.close();
		return ms + " " + cpuMs;
	}

	/**
	 * One cold start with Boot's start-up recording: prints the slowest bean
	 * instantiations (self time, children excluded), to find what a variant adds.
	 */
	private static void steps(StarterTransport variant, int top) {
		org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup startup = new org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup(
				100_000);
		startOnce(StarterTransport.NONE, "http://127.0.0.1:9");
		long start = System.nanoTime();
		ConfigurableApplicationContext context = Clients.starterContext("http://127.0.0.1:9", variant, true,
				(builder) -> builder.applicationStartup(startup));
		System.out.printf("context started in %.1f ms%n", (System.nanoTime() - start) / 1e6);
		context.close();
		List<org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> events = startup
			.getBufferedTimeline()
			.getEvents();
		Map<Long, Long> childNanos = new java.util.HashMap<>();
		for (var event : events) {
			Long parent = event.getStartupStep().getParentId();
			if (parent != null) {
				childNanos.merge(parent, event.getDuration().toNanos(), Long::sum);
			}
		}
		events.stream()
			.filter((event) -> event.getStartupStep().getName().equals("spring.beans.instantiate"))
			.sorted(java.util.Comparator
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

	/**
	 * Start-up times in milliseconds, by variant: cold wall-clock, cold main-thread CPU,
	 * warm wall-clock.
	 */
	record Result(Map<StarterTransport, List<Double>> cold, Map<StarterTransport, List<Double>> coldCpu,
			Map<StarterTransport, List<Double>> warm) {

		double coldMedian(StarterTransport variant) {
			return median(this.cold.getOrDefault(variant, List.of()));
		}

		double coldCpuMedian(StarterTransport variant) {
			return median(this.coldCpu.getOrDefault(variant, List.of()));
		}

		double warmMedian(StarterTransport variant) {
			return median(this.warm.getOrDefault(variant, List.of()));
		}

		String toMarkdown() {
			StringBuilder out = new StringBuilder();
			out.append("| Application context | cold start, median ms (n) | added vs without "
					+ "| cold start, main thread's CPU, median ms | added vs without "
					+ "| warm start, median ms (n) | added vs without |\n");
			out.append("|---|---:|---:|---:|---:|---:|---:|\n");
			double coldBase = coldMedian(StarterTransport.NONE);
			double coldCpuBase = coldCpuMedian(StarterTransport.NONE);
			double warmBase = warmMedian(StarterTransport.NONE);
			for (StarterTransport variant : VARIANTS) {
				out.append(String
					.format("| %s | %.1f (%d) | %s | %.1f | %s | %.1f (%d) | %s |%n", label(variant),
							coldMedian(variant), this.cold.getOrDefault(variant, List.of()).size(),
							(variant == StarterTransport.NONE)
									? "-" : String.format("%+.1f", coldMedian(variant) - coldBase),
							coldCpuMedian(variant),
							(variant == StarterTransport.NONE) ? "-"
									: String.format("%+.1f", coldCpuMedian(variant) - coldCpuBase),
							warmMedian(variant), this.warm.getOrDefault(variant, List.of()).size(),
							(variant == StarterTransport.NONE) ? "-"
									: String.format("%+.1f", warmMedian(variant) - warmBase)));
			}
			out.append("\nAll cold runs (ms): ");
			for (StarterTransport variant : VARIANTS) {
				out.append(variant)
					.append(' ')
					.append(Arrays
						.toString(this.cold.getOrDefault(variant, List.of()).stream().mapToLong(Math::round).toArray()))
					.append("; ");
			}
			return out.append('\n').toString();
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
