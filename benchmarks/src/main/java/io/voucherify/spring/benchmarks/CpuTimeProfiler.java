package io.voucherify.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.Collection;
import java.util.List;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * CPU time of the whole benchmark JVM (all its threads: callers, the HTTP client's, GC,
 * JIT) per operation, as the secondary result {@code cpu.time.norm} in µs/op. At 16
 * threads on 2 CPUs, throughput is the CPU a call takes, and this number does not move
 * when other processes on a shared machine take CPU time away, as ops/s does. The server
 * runs in a JVM of its own and is not counted. {@code -prof
 * io.voucherify.spring.benchmarks.CpuTimeProfiler}
 */
public final class CpuTimeProfiler implements InternalProfiler {

	private static final com.sun.management.OperatingSystemMXBean OS = (com.sun.management.OperatingSystemMXBean) ManagementFactory
		.getOperatingSystemMXBean();

	private long startCpu;

	/**
	 * CPU time this JVM has used so far, all its threads.
	 * @return nanoseconds
	 */
	static long processCpuNanos() {
		return OS.getProcessCpuTime();
	}

	@Override
	public String getDescription() {
		return "CPU time of the benchmark JVM per operation";
	}

	@Override
	public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
		this.startCpu = processCpuNanos();
	}

	@Override
	public Collection<? extends Result<?>> afterIteration(BenchmarkParams benchmarkParams,
			IterationParams iterationParams, IterationResult result) {
		long cpu = processCpuNanos() - this.startCpu;
		long ops = result.getMetadata().getAllOps();
		if (ops <= 0 || cpu < 0) {
			return List.of();
		}
		return List.of(new ScalarResult("cpu.time.norm", cpu / 1e3 / ops, "µs/op", AggregationPolicy.AVG));
	}

}
