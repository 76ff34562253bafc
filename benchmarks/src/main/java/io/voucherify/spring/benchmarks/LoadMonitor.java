package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Measures how much CPU other processes take while we measure: the machine's busy time
 * from {@code /proc/stat} minus the CPU time of this JVM and its descendants (JMH forks,
 * the server). Sampled every 250 ms by a daemon thread.
 */
final class LoadMonitor implements AutoCloseable {

	private static final long JIFFY_NANOS = 10_000_000L;

	private final Thread thread;

	private final Map<Long, Long> lastCpu = new HashMap<>();

	private long lastMachineBusy = -1;

	private long machineBusyNanos;

	private long mineNanos;

	private volatile boolean running = true;

	LoadMonitor() {
		sample();
		this.thread = new Thread(this::run, "load-monitor");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	private void run() {
		while (this.running) {
			try {
				Thread.sleep(250);
			}
			catch (InterruptedException ex) {
				return;
			}
			sample();
		}
	}

	private synchronized void sample() {
		long busy = machineBusyJiffies();
		if (busy < 0) {
			return;
		}
		if (this.lastMachineBusy >= 0) {
			this.machineBusyNanos += (busy - this.lastMachineBusy) * JIFFY_NANOS;
		}
		this.lastMachineBusy = busy;
		Map<Long, Long> seen = new HashMap<>();
		ProcessHandle self = ProcessHandle.current();
		record(self, seen);
		self.descendants().forEach((process) -> record(process, seen));
		this.lastCpu.keySet().retainAll(seen.keySet());
	}

	private void record(ProcessHandle process, Map<Long, Long> seen) {
		Optional<Duration> cpu = process.info().totalCpuDuration();
		if (cpu.isEmpty()) {
			return;
		}
		long nanos = cpu.get().toNanos();
		Long last = this.lastCpu.put(process.pid(), nanos);
		this.mineNanos += nanos - ((last != null) ? last : 0);
		seen.put(process.pid(), nanos);
	}

	/** A point to measure from. */
	synchronized Mark mark() {
		return new Mark(System.nanoTime(), this.machineBusyNanos, this.mineNanos);
	}

	/**
	 * The share of the machine's CPU capacity that other processes used since a mark, in
	 * percent.
	 */
	synchronized double foreignPercentSince(Mark mark) {
		sample();
		long wall = System.nanoTime() - mark.wall();
		long foreign = (this.machineBusyNanos - mark.machineBusy()) - (this.mineNanos - mark.mine());
		int cpus = Runtime.getRuntime().availableProcessors();
		return (wall <= 0) ? 0 : Math.max(0, 100.0 * foreign / ((double) wall * cpus));
	}

	/**
	 * Wait until other processes leave the machine alone (under the threshold over 3
	 * seconds), at most the given time.
	 * @return the foreign share of the last window
	 */
	double awaitQuiet(double thresholdPercent, Duration maxWait) throws InterruptedException {
		long deadline = System.nanoTime() + maxWait.toNanos();
		double foreign;
		do {
			Mark mark = mark();
			Thread.sleep(3000);
			foreign = foreignPercentSince(mark);
		}
		while (foreign > thresholdPercent && System.nanoTime() < deadline);
		return foreign;
	}

	static String loadAverage() {
		try {
			String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
			return fields[0] + " " + fields[1] + " " + fields[2];
		}
		catch (IOException | RuntimeException ex) {
			return "n/a";
		}
	}

	private static long machineBusyJiffies() {
		try {
			String line = Files.readAllLines(Path.of("/proc/stat")).get(0);
			String[] fields = line.trim().split("\\s+");
			// cpu user nice system idle iowait irq softirq steal
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[i]);
			}
			return busy;
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	@Override
	public void close() {
		this.running = false;
		this.thread.interrupt();
	}

	record Mark(long wall, long machineBusy, long mine) {

	}

}
