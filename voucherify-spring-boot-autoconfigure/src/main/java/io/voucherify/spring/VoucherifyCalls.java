package io.voucherify.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.observation.DefaultVoucherifyObservationConvention;
import io.voucherify.spring.observation.VoucherifyObservationContext;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How a {@link VouchersTemplate} makes its calls: each call one observation, within its
 * total time, retried as {@link VoucherifyRetrySettings} allow, its failures turned into
 * Voucherify's exceptions. Each attempt is held to its deadline by an
 * {@link ExchangeGuard}; its answer is read by {@link VoucherifyResponses}.
 */
final class VoucherifyCalls {

	private static final VoucherifyObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultVoucherifyObservationConvention();

	private static final Observation.Event RETRY_EVENT = Observation.Event.of("retry", "A retried Voucherify call");

	/** The template's category, which users configure, not this internal class's. */
	private static final Log logger = LogFactory.getLog(VouchersTemplate.class);

	private final RestClient restClient;

	private final String baseUrl;

	private final String basePath;

	private final ObservationRegistry observationRegistry;

	private final @Nullable VoucherifyObservationConvention observationConvention;

	private final VoucherifyApiActivity activity;

	private final Permits permits;

	private final VoucherifyRetrySettings retrySettings;

	private final Limits limits;

	private final VoucherifyResponses responses;

	/** A deadline that ends every call earlier than its own total time would. */
	private final @Nullable CallTime deadline;

	VoucherifyCalls(RestClient restClient, String baseUrl, VoucherifyErrorHandler errorHandler,
			ObservationRegistry observationRegistry, @Nullable VoucherifyObservationConvention observationConvention,
			VoucherifyApiActivity activity, VoucherifyCallBudget budget, VoucherifyRetrySettings retrySettings,
			Limits limits) {
		this(restClient, baseUrl, observationRegistry, observationConvention, activity, budget, retrySettings, limits,
				new VoucherifyResponses(errorHandler, activity, budget, limits.maxResponseBytes()), null);
	}

	private VoucherifyCalls(RestClient restClient, String baseUrl, ObservationRegistry observationRegistry,
			@Nullable VoucherifyObservationConvention observationConvention, VoucherifyApiActivity activity,
			VoucherifyCallBudget budget, VoucherifyRetrySettings retrySettings, Limits limits,
			VoucherifyResponses responses, @Nullable CallTime deadline) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.basePath = URI.create(baseUrl).getRawPath();
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.activity = activity;
		this.permits = new Permits(budget, observationRegistry);
		this.retrySettings = retrySettings;
		this.limits = limits;
		this.responses = responses;
		this.deadline = deadline;
	}

	VoucherifyApiActivity activity() {
		return this.activity;
	}

	VoucherifyCallBudget budget() {
		return this.permits.budget();
	}

	URI baseUri() {
		return URI.create(this.baseUrl);
	}

	/**
	 * Calls for a health check on the same {@code RestClient} (HTTP client, pool,
	 * headers): one attempt within {@code timeout}, Voucherify's own exceptions, not
	 * observed, as a probe is not an application call.
	 */
	VoucherifyCalls forHealthCheck(Duration timeout) {
		return new VoucherifyCalls(this.restClient, this.baseUrl, new DefaultVoucherifyErrorHandler(),
				ObservationRegistry.NOOP, null, this.activity, budget(),
				VoucherifyRetrySettings.disabled().withMaxTotalTime(timeout), this.limits);
	}

	/**
	 * The same calls, each ending by {@code deadlineNanos} ({@link System#nanoTime()}) if
	 * that comes before its own total time: a poll never outlasts the wait it serves.
	 * @param deadlineNanos the instant every call must end by
	 * @param property what set the deadline, for the message of a call it stops
	 */
	VoucherifyCalls until(long deadlineNanos, String property) {
		CallTime deadline = new CallTime(Duration.ofNanos(Math.max(deadlineNanos - System.nanoTime(), 0)),
				deadlineNanos, property);
		return new VoucherifyCalls(this.restClient, this.baseUrl, this.observationRegistry, this.observationConvention,
				this.activity, budget(), this.retrySettings, this.limits, this.responses, deadline);
	}

	/**
	 * Address a request. The URI is built as it is, every variable part being one
	 * strictly encoded segment already (Spring's URI templates would parse the template
	 * twice a call); the template goes along for the metrics, so that no code reaches
	 * them.
	 * @param method the HTTP method
	 * @param template the path's template, such as {@code /v1/vouchers/{code}}
	 * @param path the path, every variable part already encoded, with its query
	 */
	RestClient.RequestBodySpec request(HttpMethod method, String template, String path) {
		return this.restClient.method(method)
			.uri(URI.create(this.baseUrl + path))
			.attribute(CodeFreeClientRequestObservationConvention.PATH_TEMPLATE, this.basePath + template);
	}

	/**
	 * Perform a call without a request body.
	 * @see #request(HttpMethod, String, String)
	 */
	<T> ResponseEntity<T> exchange(VoucherifyOperation operation, @Nullable String code, HttpMethod method,
			String template, String path, @Nullable Class<T> bodyType) {
		return exchange(operation, code, request(method, template, path), bodyType);
	}

	/**
	 * Perform a call.
	 * @param code the voucher code, for masked log lines only
	 * @param bodyType the body to read, or {@code null} for a bodiless (204) answer
	 */
	<T> ResponseEntity<T> exchange(VoucherifyOperation operation, @Nullable String code,
			RestClient.RequestHeadersSpec<?> spec, @Nullable Class<T> bodyType) {
		return call(operation, code, spec, (request, response, context, start, guard) -> this.responses.read(operation,
				request, response, bodyType, context, start, guard), null);
	}

	/**
	 * Download a file into {@code target}, streamed through a small buffer whatever its
	 * size. An attempt that fails before a byte is written may be retried as a read; once
	 * the target holds part of the file, a failure is final, as the target cannot be
	 * rewound.
	 * @param operation the operation, for the observation and the retry table
	 * @param uri the file's absolute URL, already checked to be Voucherify's
	 * @param template the path's template, for the metrics (the URL carries a token)
	 * @param target where the file goes; not closed
	 * @return the number of bytes written
	 */
	long download(VoucherifyOperation operation, URI uri, String template, OutputStream target) {
		DownloadTarget counting = new DownloadTarget(target);
		RestClient.RequestHeadersSpec<?> spec = this.restClient.get()
			.uri(uri)
			.header(HttpHeaders.ACCEPT, "text/plain, text/csv, */*")
			.attribute(CodeFreeClientRequestObservationConvention.PATH_TEMPLATE, template);
		call(operation, null, spec, (request, response, context, start, guard) -> this.responses.copy(operation,
				request, response, counting, context, start, guard), () -> counting.count() > 0);
		return counting.count();
	}

	/**
	 * Perform a call: one observation, attempts within the call's time, retried as the
	 * settings and the operation allow.
	 * @param reader reads an answer
	 * @param committed whether a failed attempt has already had effects that forbid
	 * another ({@code null} if none can)
	 */
	private <T> T call(VoucherifyOperation operation, @Nullable String code, RestClient.RequestHeadersSpec<?> spec,
			AnswerReader<T> reader, @Nullable BooleanSupplier committed) {
		CallTime time = callTime(operation);
		VoucherifyObservationContext context = new VoucherifyObservationContext(operation);
		Observation observation = Observation.createNotStarted(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		Supplier<T> attempt = () -> attempt(operation, spec, reader, context, time);
		return observation.observe(() -> this.retrySettings.enabled()
				? withRetries(operation, code, observation, context, time, attempt, committed) : attempt.get());
	}

	/**
	 * The call's total time: {@code max-total-time}; the bulk operations, which may
	 * stream a large file, may take their longer read timeout. A deadline set by
	 * {@link #until(long, String)} ends it earlier.
	 */
	private CallTime callTime(VoucherifyOperation operation) {
		Duration maxTotalTime = this.retrySettings.maxTotalTime();
		CallTime own = (operation.isBulk() && this.limits.bulkReadTimeout().compareTo(maxTotalTime) > 0)
				? CallTime.start(this.limits.bulkReadTimeout(), "voucherify.bulk-read-timeout")
				: CallTime.start(maxTotalTime, "voucherify.retry.max-total-time");
		if (this.deadline != null && this.deadline.deadlineNanos() - own.deadlineNanos() < 0) {
			return new CallTime(Duration.ofNanos(Math.max(this.deadline.remainingNanos(), 0)),
					this.deadline.deadlineNanos(), this.deadline.property());
		}
		return own;
	}

	private <T> T withRetries(VoucherifyOperation operation, @Nullable String code, Observation observation,
			VoucherifyObservationContext context, CallTime time, Supplier<T> attempt,
			@Nullable BooleanSupplier committed) {
		VoucherifyRetryPolicy policy = new VoucherifyRetryPolicy(operation, this.retrySettings, time);
		RetryTemplate retryTemplate = new RetryTemplate(policy);
		retryTemplate.setRetryListener(new RetryListener() {

			@Override
			public void beforeRetry(RetryPolicy retryPolicy, Retryable<?> retryable, RetryState retryState) {
				onRetry(operation, code, policy, observation, context);
			}

		});
		try {
			return retryTemplate.execute(new Retryable<>() {

				@Override
				public T execute() {
					try {
						return attempt.get();
					}
					catch (RuntimeException ex) {
						if (committed != null && committed.getAsBoolean()) {
							// The retry policy retries no failure of an unknown type.
							throw new FinalFailure(ex);
						}
						throw ex;
					}
				}

				@Override
				public String getName() {
					return operation.sdkName();
				}

			});
		}
		catch (RetryException ex) {
			throw lastFailure(ex);
		}
	}

	/**
	 * Log the retry at DEBUG and count it as a {@code retry} event of the observation.
	 */
	private void onRetry(VoucherifyOperation operation, @Nullable String code, VoucherifyRetryPolicy policy,
			Observation observation, VoucherifyObservationContext context) {
		if (logger.isDebugEnabled()) {
			logger.debug("Retrying " + operation.sdkName() + ((code != null) ? " for " + CodeMask.mask(code) : "")
					+ ", attempt " + policy.attempt() + " of " + this.retrySettings.maxAttempts() + ", after "
					+ policy.reason() + ", waited " + policy.delayMillis() + " ms");
		}
		// Tag the retry counter with the failed attempt's status and error key.
		VoucherifyObservationConvention convention = (this.observationConvention != null) ? this.observationConvention
				: DEFAULT_OBSERVATION_CONVENTION;
		context.addLowCardinalityKeyValues(convention.getLowCardinalityKeyValues(context));
		observation.event(RETRY_EVENT);
	}

	/** The last attempt's failure, the earlier ones attached as suppressed. */
	private static RuntimeException lastFailure(RetryException ex) {
		Throwable last = (ex.getCause() instanceof FinalFailure finalFailure) ? finalFailure.getCause() : ex.getCause();
		for (Throwable earlier : ex.getExceptions()) {
			if (earlier != last) {
				last.addSuppressed(earlier);
			}
		}
		if (last instanceof RuntimeException runtime) {
			return runtime;
		}
		if (last instanceof Error error) {
			throw error;
		}
		return new VoucherifyException("Call failed: " + last.getClass().getSimpleName(), last);
	}

	/**
	 * One attempt, ended by its guard at the read timeout or at the call's deadline,
	 * whichever comes first.
	 */
	private <T> T attempt(VoucherifyOperation operation, RestClient.RequestHeadersSpec<?> spec, AnswerReader<T> reader,
			VoucherifyObservationContext context, CallTime time) {
		context.setStatusCode(null);
		context.setTransportFailure(false);
		context.setErrorKey(null);
		if (time.remainingNanos() <= 0) {
			context.setTransportFailure(true);
			throw time.ranOut(operation, null);
		}
		this.permits.take(operation, Duration.ofNanos(Math.max(time.remainingNanos(), 0)));
		long remaining = time.remainingNanos();
		if (remaining <= 0) {
			context.setTransportFailure(true);
			throw time.ranOut(operation, null);
		}
		Duration readTimeout = this.limits.readTimeout(operation);
		boolean deadlineFirst = remaining <= readTimeout.toNanos();
		long start = System.nanoTime();
		ExchangeGuard guard = ExchangeGuard.open(Math.min(remaining, readTimeout.toNanos()));
		try {
			return spec.exchange((request, response) -> reader.read(request, response, context, start, guard), false);
		}
		catch (VoucherifyResponses.HandledError ex) {
			throw ex.exception;
		}
		catch (RuntimeException ex) {
			if (guard.expired()) {
				recordTransportFailure(context, start);
				throw deadlineFirst ? time.ranOut(operation, ex)
						: new VoucherifyTransportException(operation.sdkName()
								+ " got no answer within the read timeout " + "of " + readTimeout.toMillis() + " ms",
								ex, true);
			}
			throw translate(operation, ex, context, start);
		}
		finally {
			guard.close();
		}
	}

	/** Spring's exceptions become Voucherify's. */
	private RuntimeException translate(VoucherifyOperation operation, RuntimeException ex,
			VoucherifyObservationContext context, long start) {
		if (ex instanceof VoucherifyException) {
			return ex;
		}
		BoundedBody.TooLargeException tooLarge = find(ex, BoundedBody.TooLargeException.class);
		if (tooLarge != null) {
			int status = (context.getStatusCode() != null) ? context.getStatusCode() : 0;
			return new VoucherifyInvalidResponseException(status,
					operation.sdkName() + " got a " + status
							+ " response whose body is larger than the client reads into memory ("
							+ this.limits.maxResponseBytes() + " bytes, voucherify.max-response-size)",
					tooLarge);
		}
		if (!(ex instanceof RestClientException restClientException)) {
			return ex;
		}
		Throwable ioCause = ioCause(ex);
		if (ioCause != null) {
			recordTransportFailure(context, start);
			// The I/O failure, not Spring's exception: its message holds the URL, and so
			// the code.
			return new VoucherifyTransportException(operation.sdkName() + " failed: " + describe(ioCause), ioCause);
		}
		Throwable cause = restClientException.getMostSpecificCause();
		return new VoucherifyException(operation.sdkName() + " failed: " + describe(cause), cause);
	}

	private void recordTransportFailure(VoucherifyObservationContext context, long start) {
		if (context.getStatusCode() == null) {
			context.setTransportFailure(true);
			this.activity.recordTransportFailure(Duration.ofNanos(System.nanoTime() - start));
		}
	}

	private static @Nullable Throwable ioCause(Throwable ex) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (t instanceof IOException || t instanceof UncheckedIOException) {
				return t;
			}
		}
		return null;
	}

	static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	private static String describe(Throwable cause) {
		// The cause's message names the host but never the path, so no code leaks here.
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

	/** Reads the answer of one attempt. */
	@FunctionalInterface
	private interface AnswerReader<T> {

		T read(HttpRequest request, ClientHttpResponse response, VoucherifyObservationContext context, long start,
				ExchangeGuard guard) throws IOException;

	}

	/** Carries a failure that must not be retried through the retry template. */
	private static final class FinalFailure extends RuntimeException {

		private static final long serialVersionUID = 1L;

		FinalFailure(RuntimeException cause) {
			super(null, cause, false, false);
		}

	}

	/**
	 * What bounds an attempt: its read timeout, and the largest answer read into memory.
	 *
	 * @param readTimeout the read timeout of most operations
	 * @param bulkReadTimeout the read timeout of CSV import and transactions export
	 * @param maxResponseBytes the largest answer read into memory
	 */
	record Limits(Duration readTimeout, Duration bulkReadTimeout, long maxResponseBytes) {

		Duration readTimeout(VoucherifyOperation operation) {
			return operation.isBulk() ? this.bulkReadTimeout : this.readTimeout;
		}

	}

	/**
	 * The time a call may take, attempts and waits included, and the property that set
	 * it.
	 */
	record CallTime(Duration budget, long deadlineNanos, String property) {

		static CallTime start(Duration budget, String property) {
			return new CallTime(budget, System.nanoTime() + budget.toNanos(), property);
		}

		long remainingNanos() {
			return this.deadlineNanos - System.nanoTime();
		}

		boolean ranOut() {
			return remainingNanos() <= 0;
		}

		VoucherifyTransportException ranOut(VoucherifyOperation operation, @Nullable Throwable cause) {
			return new VoucherifyTransportException(operation.sdkName() + " stopped: the call's total time of "
					+ this.budget.toMillis() + " ms ran out (" + this.property + ")", cause, true);
		}

	}

}
