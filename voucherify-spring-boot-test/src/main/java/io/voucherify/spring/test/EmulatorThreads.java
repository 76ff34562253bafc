package io.voucherify.spring.test;

import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/** Daemon threads named after the emulator. */
final class EmulatorThreads implements ThreadFactory {

	private final int instance;

	private final AtomicInteger count = new AtomicInteger();

	EmulatorThreads(int instance) {
		this.instance = instance;
	}

	@Override
	public Thread newThread(Runnable runnable) {
		Thread thread = new Thread(runnable,
				"voucherify-emulator-" + this.instance + "-" + this.count.incrementAndGet());
		thread.setDaemon(true);
		return thread;
	}

}
