package io.voucherify.spring.benchmarks;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

import io.voucherify.client.VoucherifyClient;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A noise-resistant companion to the JMH numbers: CPU time per {@code getVoucher} of the
 * client JVM and of the server process, after a warm-up. Other processes on the machine
 * slow the wall clock, not these; at 16 threads on 2 CPUs, throughput is the CPU a call
 * takes. {@code java -cp benchmarks/target/benchmarks.jar
 * io.voucherify.spring.benchmarks.CpuPerCall [calls] [regex] [rounds] [threads]}
 */
public final class CpuPerCall {

	private CpuPerCall() {
	}

	public static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		Pattern only = Pattern.compile((args.length > 1) ? args[1] : ".*");
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
		int threads = (args.length > 3) ? Integer.parseInt(args[3]) : 1;
		try (ServerProcess server = ServerProcess.start()) {
			String baseUrl = server.baseUrl();
			Map<String, Supplier<Object>> cases = new LinkedHashMap<>();
			ConfigurableApplicationContext jdk = Clients.starterContext(baseUrl, StarterTransport.JDK, false);
			ConfigurableApplicationContext starter = Clients.starterContext(baseUrl, StarterTransport.STARTER, false);
			VouchersOperations starterJdk = jdk.getBean(VouchersOperations.class);
			VouchersOperations starterApache = starter.getBean(VouchersOperations.class);
			RestClient restClientJdk = Clients.restClient(baseUrl, Clients.jdkRequestFactory());
			RestClient restClientApache = Clients.restClient(baseUrl, Clients.apacheRequestFactory());
			VoucherifyClient sdk = Clients.sdk(baseUrl);
			ThreadLocal<VoucherifyClient> sdkPerThread = ThreadLocal.withInitial(() -> Clients.sdk(baseUrl));
			cases.put("starterJdk", () -> starterJdk.getVoucher(Fixtures.CODE));
			cases.put("starter", () -> starterApache.getVoucher(Fixtures.CODE));
			cases.put("restClientJdk", () -> GetVoucherBenchmark.call(restClientJdk));
			cases.put("restClientApache", () -> GetVoucherBenchmark.call(restClientApache));
			cases.put("sdkShared", () -> sdk.vouchers().get(Fixtures.CODE));
			cases.put("sdkPerThread", () -> sdkPerThread.get().vouchers().get(Fixtures.CODE));
			cases.keySet().removeIf((name) -> !only.matcher(name).matches());
			for (int round = 0; round < rounds; round++) {
				for (Map.Entry<String, Supplier<Object>> entry : cases.entrySet()) {
					Supplier<Object> call = entry.getValue();
					run(call, calls, threads);
					long client = CpuTimeProfiler.processCpuNanos();
					long serverCpu = server.cpuNanos();
					long wall = System.nanoTime();
					run(call, calls, threads);
					double perCallClient = (CpuTimeProfiler.processCpuNanos() - client) / 1e3 / calls;
					double perCallServer = (server.cpuNanos() - serverCpu) / 1e3 / calls;
					double seconds = (System.nanoTime() - wall) / 1e9;
					System.out.printf(
							"round %d %-18s %2d threads: client JVM %6.1f µs CPU/call, server %5.1f µs CPU/call, "
									+ "%7.0f calls/s%n",
							round, entry.getKey(), threads, perCallClient, perCallServer, calls / seconds);
				}
			}
			jdk.close();
			starter.close();
		}
	}

	/**
	 * {@code calls} calls spread over {@code threads} threads; the first failure is
	 * thrown.
	 */
	private static void run(Supplier<Object> call, int calls, int threads) throws Exception {
		CountDownLatch start = new CountDownLatch(1);
		AtomicReference<Throwable> failure = new AtomicReference<>();
		List<Thread> workers = new ArrayList<>();
		for (int t = 0; t < threads; t++) {
			int share = calls / threads + ((t < calls % threads) ? 1 : 0);
			Thread worker = new Thread(() -> {
				try {
					start.await();
					for (int i = 0; i < share; i++) {
						call.get();
					}
				}
				catch (Throwable ex) {
					failure.compareAndSet(null, ex);
				}
			});
			worker.start();
			workers.add(worker);
		}
		start.countDown();
		for (Thread worker : workers) {
			worker.join();
		}
		if (failure.get() != null) {
			throw new IllegalStateException("A call failed", failure.get());
		}
	}

}
