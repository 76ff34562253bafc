package io.voucherify.spring.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import io.voucherify.client.VoucherifyClient;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;
import io.voucherify.spring.model.Voucher;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.web.client.RestClient;

/**
 * A noise-resistant companion to the JMH numbers: CPU time of the calling thread and of
 * the whole JVM per {@code getVoucher}, single-threaded, after a warm-up. Other processes
 * slow the wall clock, not these. {@code java -cp benchmarks/target/benchmarks.jar
 * io.voucherify.spring.benchmarks.CpuPerCall [calls]}
 */
public final class CpuPerCall {

	private CpuPerCall() {
	}

	public static void main(String[] args) throws Exception {
		int calls = (args.length > 0) ? Integer.parseInt(args[0]) : 20_000;
		java.util.regex.Pattern only = java.util.regex.Pattern.compile((args.length > 1) ? args[1] : ".*");
		int rounds = (args.length > 2) ? Integer.parseInt(args[2]) : 2;
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
			cases.put("starterJdk", () -> starterJdk.getVoucher(Fixtures.CODE));
			cases.put("starter", () -> starterApache.getVoucher(Fixtures.CODE));
			cases.put("restClientJdk",
					() -> restClientJdk.get().uri("/v1/vouchers/{code}", Fixtures.CODE).retrieve().body(Voucher.class));
			cases.put("restClientApache",
					() -> restClientApache.get()
						.uri("/v1/vouchers/{code}", Fixtures.CODE)
						.retrieve()
						.body(Voucher.class));
			cases.put("sdkShared", () -> sdk.vouchers().get(Fixtures.CODE));
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory
				.getOperatingSystemMXBean();
			cases.keySet().removeIf((name) -> !only.matcher(name).matches());
			for (int round = 0; round < rounds; round++) {
				for (Map.Entry<String, Supplier<Object>> entry : cases.entrySet()) {
					Supplier<Object> call = entry.getValue();
					for (int i = 0; i < calls; i++) {
						call.get();
					}
					long thread = threads.getCurrentThreadCpuTime();
					long process = os.getProcessCpuTime();
					long wall = System.nanoTime();
					for (int i = 0; i < calls; i++) {
						call.get();
					}
					double perCallThread = (threads.getCurrentThreadCpuTime() - thread) / 1e3 / calls;
					double perCallProcess = (os.getProcessCpuTime() - process) / 1e3 / calls;
					double perCallWall = (System.nanoTime() - wall) / 1e3 / calls;
					System.out.printf(
							"round %d %-18s calling thread %6.1f µs CPU/call, whole JVM %6.1f µs CPU/call, "
									+ "wall %6.1f µs/call%n",
							round, entry.getKey(), perCallThread, perCallProcess, perCallWall);
				}
			}
			jdk.close();
			starter.close();
		}
	}

}
