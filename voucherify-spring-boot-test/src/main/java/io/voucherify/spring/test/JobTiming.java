package io.voucherify.spring.test;

import java.time.Duration;
import java.time.Instant;

/**
 * When a background job (an import's async action, an export) runs: queued for the first
 * quarter of the emulator's job duration, running for the rest, done at its end. The
 * phase is read from the clock whenever it is asked for, so no thread runs or waits for a
 * job; with no duration a job is done as soon as it is created.
 *
 * @param createdAt when the job was created
 * @param duration how long it takes, zero or more
 */
record JobTiming(Instant createdAt, Duration duration) {

	/** When the job is done. */
	Instant dueAt() {
		return this.createdAt.plus(this.duration);
	}

	Phase phase(Instant now) {
		if (!now.isBefore(dueAt())) {
			return Phase.DONE;
		}
		return (elapsedNanos(now) < queuedNanos()) ? Phase.QUEUED : Phase.RUNNING;
	}

	/**
	 * The job's progress: 0 while queued, then growing with time, but 100 only once done.
	 * @param now the time
	 * @return 0 to 100
	 */
	int progress(Instant now) {
		return switch (phase(now)) {
			case QUEUED -> 0;
			case DONE -> 100;
			case RUNNING -> {
				double running = this.duration.toNanos() - queuedNanos();
				yield (int) Math.min(99, Math.floor(100 * (elapsedNanos(now) - queuedNanos()) / running));
			}
		};
	}

	/** How long the job ran, from creation to done, in milliseconds. */
	long processingMillis() {
		return this.duration.toMillis();
	}

	private long queuedNanos() {
		return this.duration.toNanos() / 4;
	}

	private long elapsedNanos(Instant now) {
		return Duration.between(this.createdAt, now).toNanos();
	}

	/** A background job. */
	interface Job {

		JobTiming timing();

	}

	/** Where a job is in its life. */
	enum Phase {

		/** Waiting: an async action's {@code ENQUEUED}, an export's {@code SCHEDULED}. */
		QUEUED,

		/** Running: {@code IN_PROGRESS}. */
		RUNNING,

		/** Finished: {@code DONE}. */
		DONE

	}

}
