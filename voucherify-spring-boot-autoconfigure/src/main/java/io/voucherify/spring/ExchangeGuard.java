package io.voucherify.spring;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

/**
 * One HTTP exchange of a call, held to the call's deadline.
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
 * Opened and closed on the calling thread, around one attempt.
 */
final class ExchangeGuard implements AutoCloseable {

	/** The exchange running on this thread, for the transport's cancel hook. */
	private static final ThreadLocal<@Nullable ExchangeGuard> current = new ThreadLocal<>();

	private final Thread caller = Thread.currentThread();

	private final boolean callerWasInterrupted = this.caller.isInterrupted();

	private final ScheduledFuture<?> timer;

	private @Nullable Runnable cancel;

	private @Nullable Closeable body;

	private boolean expired;

	private boolean interruptedCaller;

	private boolean closed;

	private ExchangeGuard(long timeoutNanos) {
		this.timer = Watchdog.TIMER.schedule(() -> Watchdog.ABORTS.execute(this::expire), Math.max(timeoutNanos, 0),
				TimeUnit.NANOSECONDS);
	}

	/**
	 * Guard the exchange the calling thread is about to make.
	 * @param timeoutNanos the time left until the call's deadline
	 */
	static ExchangeGuard open(long timeoutNanos) {
		ExchangeGuard guard = new ExchangeGuard(timeoutNanos);
		current.set(guard);
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
		this.timer.cancel(false);
		current.remove();
		synchronized (this) {
			this.closed = true;
			if (this.interruptedCaller && !this.callerWasInterrupted) {
				Thread.interrupted();
			}
		}
	}

	/**
	 * One timer thread for every client, started on the first call, and threads for the
	 * rare deadlines that fire, so that one slow abort never delays another.
	 */
	private static final class Watchdog {

		static final ScheduledExecutorService TIMER = timer();

		static final ExecutorService ABORTS = Executors.newCachedThreadPool(daemon("voucherify-deadline-abort"));

		private static ScheduledExecutorService timer() {
			ScheduledThreadPoolExecutor timer = new ScheduledThreadPoolExecutor(1, daemon("voucherify-deadline"));
			// Nearly every timer is cancelled: drop them at once rather than keep them
			// queued until they would have fired.
			timer.setRemoveOnCancelPolicy(true);
			return timer;
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
