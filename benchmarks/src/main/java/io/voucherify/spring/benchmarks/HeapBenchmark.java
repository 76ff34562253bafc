package io.voucherify.spring.benchmarks;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;

import com.sun.management.GarbageCollectionNotificationInfo;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.benchmarks.Clients.StarterTransport;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.VoucherTransaction;

import org.springframework.context.ConfigurableApplicationContext;

/**
 * The heap the starter needs to stream 100,000 transactions and to upload a 200 MB CSV:
 * each operation runs in a fresh JVM with a small {@code -Xmx} (and
 * {@code -XX:+ExitOnOutOfMemoryError}), client only, through the auto-configured client
 * in a Boot context; the smallest {@code -Xmx} of a ladder that works is reported, with
 * the peak heap in use after a collection during the operation. The server runs in this
 * (parent) JVM and checks what it received.
 */
public final class HeapBenchmark {

	static final int[] LADDER_MB = { 16, 24, 32, 48, 64 };

	static final long CSV_BYTES = 200L * 1024 * 1024;

	private HeapBenchmark() {
	}

	public static void main(String[] args) throws Exception {
		if (args.length > 0 && args[0].equals("--child")) {
			child(args[1], StarterTransport.valueOf(args[2]), args[3], (args.length > 4) ? Path.of(args[4]) : null);
			return;
		}
		for (Row row : run()) {
			System.out.println(row);
		}
	}

	static List<Row> run() throws Exception {
		List<Row> rows = new ArrayList<>();
		Path csv = Files.createTempFile("vouchers-200mb", ".csv");
		try (LocalVoucherifyServer server = new LocalVoucherifyServer(Fixtures.voucherBody())) {
			writeCsv(csv, CSV_BYTES);
			for (String operation : List.of("stream", "upload")) {
				for (StarterTransport transport : List.of(StarterTransport.JDK, StarterTransport.STARTER)) {
					rows.add(smallestHeap(server, operation, transport, csv));
				}
			}
		}
		finally {
			Files.deleteIfExists(csv);
		}
		return rows;
	}

	/** Binary search of the ladder, assuming that what works at N works above N. */
	private static Row smallestHeap(LocalVoucherifyServer server, String operation, StarterTransport transport,
			Path csv) throws IOException, InterruptedException {
		int low = 0;
		int high = LADDER_MB.length - 1;
		Attempt best = attempt(server, operation, transport, csv, LADDER_MB[high]);
		if (!best.ok()) {
			return new Row(operation, transport, -1, best);
		}
		List<String> tried = new ArrayList<>(List.of(LADDER_MB[high] + "m ok"));
		while (low < high) {
			int middle = (low + high) / 2;
			Attempt attempt = attempt(server, operation, transport, csv, LADDER_MB[middle]);
			tried.add(LADDER_MB[middle] + "m " + (attempt.ok() ? "ok" : "failed"));
			if (attempt.ok()) {
				high = middle;
				best = attempt;
			}
			else {
				low = middle + 1;
			}
		}
		System.out.println("HEAP " + operation + " " + transport + ": " + String.join(", ", tried));
		return new Row(operation, transport, LADDER_MB[high], best);
	}

	private static Attempt attempt(LocalVoucherifyServer server, String operation, StarterTransport transport, Path csv,
			int heapMb) throws IOException, InterruptedException {
		String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
		List<String> command = new ArrayList<>(List.of(java, "-Xmx" + heapMb + "m", "-XX:+ExitOnOutOfMemoryError",
				"-cp", System.getProperty("java.class.path"), HeapBenchmark.class.getName(), "--child", operation,
				transport.name(), server.baseUrl()));
		if (operation.equals("upload")) {
			command.add(csv.toString());
		}
		long uploadsBefore = server.uploads();
		ProcessBuilder builder = new ProcessBuilder(command);
		builder.redirectErrorStream(true);
		long start = System.nanoTime();
		Process process = builder.start();
		String result = null;
		List<String> output = new ArrayList<>();
		try (BufferedReader out = new BufferedReader(
				new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
			for (String line = out.readLine(); line != null; line = out.readLine()) {
				if (line.startsWith("RESULT ")) {
					result = line;
				}
				else if (output.size() < 20) {
					output.add(line);
				}
			}
		}
		boolean finished = process.waitFor(5, TimeUnit.MINUTES);
		if (!finished) {
			process.destroyForcibly();
		}
		double seconds = (System.nanoTime() - start) / 1e9;
		boolean ok = finished && process.exitValue() == 0 && result != null;
		if (ok && operation.equals("upload")) {
			long received = server.lastUploadBytes();
			ok = server.uploads() == uploadsBefore + 1 && received > CSV_BYTES && result.contains("id=aa_" + received);
		}
		if (!ok && !output.isEmpty()) {
			System.out.println("HEAP attempt " + operation + " " + transport + " -Xmx" + heapMb + "m failed: "
					+ String.join(" | ", output.subList(0, Math.min(3, output.size()))));
		}
		return new Attempt(ok, heapMb, result, seconds);
	}

	/** In the small JVM: start the context, run the operation, print what it used. */
	private static void child(String operation, StarterTransport transport, String baseUrl, Path csv) {
		AtomicLong peakAfterGc = new AtomicLong();
		watchCollections(peakAfterGc);
		try (ConfigurableApplicationContext context = Clients.starterContext(baseUrl, transport, false)) {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			System.gc();
			long baseline = usedHeap();
			peakAfterGc.set(baseline);
			long start = System.nanoTime();
			String detail;
			if (operation.equals("stream")) {
				long[] count = { 0 };
				boolean[] inOrder = { true };
				try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions(Fixtures.CODE)) {
					transactions.forEach((transaction) -> {
						count[0]++;
						if (!TransactionPagesFixture.id(count[0]).equals(transaction.id())) {
							inOrder[0] = false;
						}
					});
				}
				if (count[0] != LocalVoucherifyServer.TRANSACTIONS || !inOrder[0]) {
					throw new IllegalStateException("Streamed " + count[0] + " transactions, in order: " + inOrder[0]);
				}
				detail = "count=" + count[0];
			}
			else {
				AsyncAction action = vouchers.importVouchersUsingCsv(csv);
				detail = "id=" + action.asyncActionId();
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			System.out.printf("RESULT %s baselineKb=%d peakAfterGcKb=%d seconds=%.2f transport=%s%n", detail,
					baseline / 1024, peakAfterGc.get() / 1024, seconds, Clients.describeTransport(transport));
		}
	}

	private static void watchCollections(AtomicLong peakAfterGc) {
		ManagementFactory.getGarbageCollectorMXBeans().forEach((bean) -> {
			((NotificationEmitter) bean).addNotificationListener((notification, handback) -> {
				if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
					return;
				}
				GarbageCollectionNotificationInfo info = GarbageCollectionNotificationInfo
					.from((CompositeData) notification.getUserData());
				long used = 0;
				for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
					if (isHeapPool(pool.getKey())) {
						used += pool.getValue().getUsed();
					}
				}
				peakAfterGc.accumulateAndGet(used, Math::max);
			}, null, null);
		});
	}

	private static boolean isHeapPool(String name) {
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getName().equals(name)) {
				return pool.getType() == MemoryType.HEAP;
			}
		}
		return false;
	}

	private static long usedHeap() {
		return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
	}

	/** {@code Code,Voucher Type,Value} then numbered lines up to the size. */
	private static void writeCsv(Path csv, long size) throws IOException {
		byte[] buffer = new byte[1024 * 1024];
		byte[] prefix = "CODE-".getBytes(StandardCharsets.US_ASCII);
		byte[] suffix = ",GIFT_VOUCHER,1000\n".getBytes(StandardCharsets.US_ASCII);
		int lineLength = prefix.length + 10 + suffix.length;
		try (OutputStream out = Files.newOutputStream(csv)) {
			byte[] header = "Code,Voucher Type,Value\n".getBytes(StandardCharsets.US_ASCII);
			out.write(header);
			long written = header.length;
			long line = 0;
			while (written < size) {
				int used = 0;
				while (used + lineLength <= buffer.length && written + used < size) {
					System.arraycopy(prefix, 0, buffer, used, prefix.length);
					used += prefix.length;
					long number = line++;
					for (int digit = 9; digit >= 0; digit--) {
						buffer[used + digit] = (byte) ('0' + number % 10);
						number /= 10;
					}
					used += 10;
					System.arraycopy(suffix, 0, buffer, used, suffix.length);
					used += suffix.length;
				}
				out.write(buffer, 0, used);
				written += used;
			}
		}
	}

	/** One JVM run. */
	record Attempt(boolean ok, int heapMb, String result, double seconds) {

	}

	/** The smallest heap for an operation and transport, or -1 if none worked. */
	record Row(String operation, StarterTransport transport, int smallestHeapMb, Attempt attempt) {

		String value(String key) {
			if (this.attempt.result() == null) {
				return "?";
			}
			for (String field : this.attempt.result().split(" ")) {
				if (field.startsWith(key + "=")) {
					return field.substring(key.length() + 1);
				}
			}
			return "?";
		}

	}

}
