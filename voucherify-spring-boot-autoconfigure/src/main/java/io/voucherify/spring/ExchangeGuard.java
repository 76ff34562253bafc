package io.voucherify.spring;

import java.io.Closeable;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange of a call, held to its deadline: the read timeout or the call's
 * deadline, whichever comes first.
 * <p>
 * At the deadline, an exchange still running is ended, whatever it waits for (a pooled
 * connection, the answer's headers, the next bytes of its body): through the HTTP
 * client's own cancel where the transport registered one with
 * {@link #cancelCurrentWith(Runnable)} (Apache HttpClient 5, whose socket reads ignore
 * interrupts); otherwise by interrupting the calling thread, which ends the JDK client's
 * wait for an answer, and by closing the answer's body, which ends its reads. An answer
 * the client stops reading before its end is {@linkplain #discard() discarded} the same
 * way, so that its connection is closed instead of drained.
 * <p>
 * Opened and closed on the calling thread, around one attempt. The deadline is kept to
 * within a tick of the watchdog, {@value Watchdog#TICK_MILLIS} ms.
 */
final class ExchangeGuard implements AutoCloseable {

	/** The exchange running on this thread, for the transport's cancel hook. */
	private static final ThreadLocal<@Nullable ExchangeGuard> current = new ThreadLocal<>();

	private final Thread caller = Thread.currentThread();

	private final boolean callerWasInterrupted = this.caller.isInterrupted();

	private final long deadlineNanos;

	private @Nullable Runnable cancel;

	private @Nullable Closeable body;

	private boolean expired;

	private boolean interruptedCaller;

	private boolean closed;

	private ExchangeGuard(long timeoutNanos) {
		this.deadlineNanos = System.nanoTime() + timeoutNanos;
	}

	/**
	 * Guard the exchange the calling thread is about to make.
	 * @param timeoutNanos the time the exchange may take
	 */
	static ExchangeGuard open(long timeoutNanos) {
		ExchangeGuard guard = new ExchangeGuard(timeoutNanos);
		current.set(guard);
		Watchdog.INSTANCE.watch(guard);
		return guard;
	}

	/**
	 * Register how to cancel the exchange running on this thread, if it is guarded.
	 * Called by the transport when the exchange starts.
	 * @param cancel ends the exchange and closes its connection, without blocking;
	 * callable from any thread at any point of the exchange
	 */
	static void cancelCurrentWith(Runnable cancel) {
		ExchangeGuard guard = current.get();
		if (guard != null) {
			guard.cancelWith(cancel);
		}
	}

	private void cancelWith(Runnable cancel) {
		boolean late;
		synchronized (this) {
			this.cancel = cancel;
			late = this.expired;
		}
		if (late) {
			cancel.run();
		}
	}

	/**
	 * The answer's body has arrived: the deadline ends its reads by closing it, unless
	 * the transport cancels the exchange.
	 * @param body the body as the transport gave it
	 */
	void watch(Closeable body) {
		boolean late;
		synchronized (this) {
			this.body = body;
			late = this.expired;
		}
		if (late) {
			discard();
		}
	}

	/** At the deadline, on a thread of its own: closing a body may block. */
	private void expire() {
		synchronized (this) {
			if (this.closed) {
				return;
			}
			this.expired = true;
			if (this.cancel == null) {
				this.interruptedCaller = true;
				this.caller.interrupt();
			}
		}
		discard();
	}

	/**
	 * Whether the deadline ended the exchange.
	 */
	synchronized boolean expired() {
		return this.expired;
	}

	/**
	 * End the exchange now and close its connection, rather than read the rest of its
	 * answer.
	 */
	void discard() {
		Runnable cancel;
		Closeable body;
		synchronized (this) {
			cancel = this.cancel;
			body = this.body;
		}
		if (cancel != null) {
			cancel.run();
		}
		else if (body != null) {
			try {
				body.close();
			}
			catch (IOException | RuntimeException ex) {
				// Closing is all that is asked; the answer is abandoned either way.
			}
		}
	}

	/** Stop the watchdog and clear an interrupt it made. */
	@Override
	public void close() {
		Watchdog.INSTANCE.forget(this);
		current.remove();
		synchronized (this) {
			this.closed = true;
			if (this.interruptedCaller && !this.callerWasInterrupted) {
				Thread.interrupted();
			}
		}
	}

	/**
	 * One daemon thread for every client that ends the exchanges past their deadline,
	 * looking at those in flight every {@value #TICK_MILLIS} ms, rather than a timer
	 * armed and cancelled for each exchange, which would wake a thread on every call. The
	 * ends themselves run on threads of their own, as closing a body may block. The
	 * thread stops once no exchange has been in flight for a second, so that nothing
	 * outlives an application that stopped calling; the next exchange starts a new one.
	 */
	private static final class Watchdog implements Runnable {

		static final long TICK_MILLIS = 20;

		static final Watchdog INSTANCE = new Watchdog();

		private static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(1);

		private static final ThreadFactory THREADS = daemon("voucherify-deadline");

		private final Set<ExchangeGuard> guards = ConcurrentHashMap.newKeySet();

		/** The ends' threads stop after a minute without work. */
		private final ExecutorService ends = Executors.newCachedThreadPool(daemon("voucherify-deadline-end"));

		/** The watching thread, or {@code null} when none runs. */
		private final AtomicReference<@Nullable Thread> thread = new AtomicReference<>();

		void watch(ExchangeGuard guard) {
			this.guards.add(guard);
			if (this.thread.get() == null) {
				Thread started = THREADS.newThread(this);
				if (this.thread.compareAndSet(null, started)) {
					started.start();
				}
			}
		}

		void forget(ExchangeGuard guard) {
			this.guards.remove(guard);
		}

		@Override
		public void run() {
			long busyAt = System.nanoTime();
			while (true) {
				LockSupport.parkNanos(this, TimeUnit.MILLISECONDS.toNanos(TICK_MILLIS));
				long now = System.nanoTime();
				if (!this.guards.isEmpty()) {
					busyAt = now;
					for (ExchangeGuard guard : this.guards) {
						if (now - guard.deadlineNanos >= 0 && this.guards.remove(guard)) {
							this.ends.execute(guard::expire);
						}
					}
				}
				else if (now - busyAt > IDLE_NANOS) {
					this.thread.set(null);
					// A guard watched meanwhile may have seen this thread still running:
					// take the watch back unless that guard's caller started another.
					if (this.guards.isEmpty() || !this.thread.compareAndSet(null, Thread.currentThread())) {
						return;
					}
					busyAt = now;
				}
			}
		}

		private static ThreadFactory daemon(String name) {
			return (task) -> {
				Thread thread = new Thread(task, name);
				thread.setDaemon(true);
				return thread;
			};
		}

	}

}
