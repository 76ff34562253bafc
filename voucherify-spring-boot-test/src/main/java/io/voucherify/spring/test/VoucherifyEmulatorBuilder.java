package io.voucherify.spring.test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Configures and starts a {@link VoucherifyEmulator}.
 *
 * @since 0.1.0
 */
public final class VoucherifyEmulatorBuilder {

	private String appId = VoucherifyEmulator.DEFAULT_APP_ID;

	private String secretKey = VoucherifyEmulator.DEFAULT_SECRET_KEY;

	private int port;

	private Duration jobDuration = Duration.ZERO;

	private Clock clock = Clock.systemUTC();

	private int rateLimitCalls;

	private Duration rateLimitPeriod = ProjectRateLimit.INFORMATIVE_PERIOD;

	private final List<Resource> seeds = new ArrayList<>();

	VoucherifyEmulatorBuilder() {
	}

	/**
	 * The application id to accept. Defaults to
	 * {@value VoucherifyEmulator#DEFAULT_APP_ID}.
	 * @param appId the application id
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder appId(String appId) {
		this.appId = requireText(appId, "appId");
		return this;
	}

	/**
	 * The secret key to accept. Defaults to
	 * {@value VoucherifyEmulator#DEFAULT_SECRET_KEY}.
	 * @param secretKey the secret key
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder secretKey(String secretKey) {
		this.secretKey = requireText(secretKey, "secretKey");
		return this;
	}

	/**
	 * The port on {@code 127.0.0.1}. Defaults to 0: a free port.
	 * @param port the port, 0 to 65535
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder port(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
		this.port = port;
		return this;
	}

	/**
	 * How long a background job takes: the async action of a CSV import, and an export. A
	 * job is {@code ENQUEUED} (an export {@code SCHEDULED}) for the first quarter of it,
	 * then {@code IN_PROGRESS} with a growing {@code progress}, and {@code DONE} at its
	 * end, when an import's rows are applied and an export's transactions are taken. No
	 * thread waits for it: each request reads the status from the clock. Defaults to
	 * zero: a job is done as soon as it is created, so an import's vouchers exist when
	 * its {@code 202} is sent.
	 * @param jobDuration the duration, zero or more
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder jobDuration(Duration jobDuration) {
		Objects.requireNonNull(jobDuration, "jobDuration");
		if (jobDuration.isNegative()) {
			throw new IllegalArgumentException("jobDuration must not be negative, was " + jobDuration);
		}
		this.jobDuration = jobDuration;
		return this;
	}

	/**
	 * Enforce a project rate limit: at most {@code calls} calls to the API host in each
	 * period, across all clients, as Voucherify limits a project (Business plan: 100 a
	 * minute; Organization: 2,000 a minute; Sandbox: 100 an hour). Periods are fixed
	 * windows aligned to multiples of the period since the Unix epoch (Voucherify does
	 * not document its algorithm: this is the emulator's choice). Every call counts,
	 * whatever its answer (401 and 404 included), except those rejected: once the
	 * window's calls are used up, a call is answered {@code 429} with Voucherify's
	 * message and {@code Retry-After}, without running the operation, until the next
	 * window starts. The download host is not limited. Answers carry
	 * {@code X-Rate-Limit-Limit}, {@code X-Rate-Limit-Remaining},
	 * {@code X-Rate-Limit-Retry} (the window's end, Unix epoch seconds) and
	 * {@code X-Rate-Limit-Type: api_calls}.
	 * <p>
	 * Without a limit (the default) no call is rejected, and answers show 2000 calls a
	 * minute in {@code X-Rate-Limit-Limit} and {@code X-Rate-Limit-Remaining} only.
	 * @param calls the calls accepted in each period, positive
	 * @param period the period, at least 1 ms (windows are whole milliseconds: a fraction
	 * is dropped)
	 * @return this builder
	 * @see VoucherifyEmulator#rateLimitStats()
	 */
	public VoucherifyEmulatorBuilder rateLimit(int calls, Duration period) {
		Objects.requireNonNull(period, "period");
		if (calls <= 0) {
			throw new IllegalArgumentException("rateLimit calls must be positive, was " + calls);
		}
		if (period.compareTo(Duration.ofMillis(1)) < 0) {
			throw new IllegalArgumentException("rateLimit period must be at least 1 ms, was " + period);
		}
		this.rateLimitCalls = calls;
		this.rateLimitPeriod = period;
		return this;
	}

	/**
	 * The clock that times jobs, stamps changes and places calls in rate-limit windows;
	 * the system's by default. For this module's tests, which move time by hand.
	 * @param clock the clock
	 * @return this builder
	 */
	VoucherifyEmulatorBuilder clock(Clock clock) {
		this.clock = Objects.requireNonNull(clock, "clock");
		return this;
	}

	/**
	 * Add a seed file, loaded at start and again on {@link VoucherifyEmulator#reset()}.
	 * @param jsonOrCsv a JSON or CSV file
	 * @return this builder
	 * @see VoucherifyEmulator#load(Resource)
	 */
	public VoucherifyEmulatorBuilder seed(Path jsonOrCsv) {
		return seed(new FileSystemResource(Objects.requireNonNull(jsonOrCsv, "jsonOrCsv")));
	}

	/**
	 * Add a seed resource, loaded at start and again on
	 * {@link VoucherifyEmulator#reset()}.
	 * @param jsonOrCsv a JSON or CSV resource
	 * @return this builder
	 * @see VoucherifyEmulator#load(Resource)
	 */
	public VoucherifyEmulatorBuilder seed(Resource jsonOrCsv) {
		this.seeds.add(Objects.requireNonNull(jsonOrCsv, "jsonOrCsv"));
		return this;
	}

	/**
	 * Start the emulator, loading the seed files.
	 * @return the running emulator
	 * @throws IllegalArgumentException if a seed file is invalid
	 * @throws UncheckedIOException if the port (or a free one for the download host)
	 * cannot be bound
	 */
	public VoucherifyEmulator build() {
		ProjectRateLimit rateLimit = (this.rateLimitCalls > 0)
				? ProjectRateLimit.enforcing(this.rateLimitCalls, this.rateLimitPeriod, this.clock)
				: ProjectRateLimit.informative(this.clock);
		return new VoucherifyEmulator(this.appId, this.secretKey, this.port, this.seeds, this.jobDuration, this.clock,
				rateLimit);
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

}
