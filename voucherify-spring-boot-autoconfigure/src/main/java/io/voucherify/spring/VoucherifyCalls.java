package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyRedirectException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.observation.DefaultVoucherifyObservationConvention;
import io.voucherify.spring.observation.VoucherifyObservationContext;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.core.retry.RetryException;
import org.springframework.core.retry.RetryListener;
import org.springframework.core.retry.RetryPolicy;
import org.springframework.core.retry.RetryState;
import org.springframework.core.retry.RetryTemplate;
import org.springframework.core.retry.Retryable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;

/**
 * How a {@link VouchersTemplate} makes its calls: observed, retried, errors turned into
 * Voucherify's exceptions. The template builds it with its {@code RestClient} on the
 * first call, so that none of this loads while an application starts (BENCHMARKS.md).
 */
final class VoucherifyCalls {

	private static final VoucherifyObservationConvention DEFAULT_OBSERVATION_CONVENTION = new DefaultVoucherifyObservationConvention();

	private static final Observation.Event RETRY_EVENT = Observation.Event.of("retry", "A retried Voucherify call");

	/** The template's category, which users configure, not this internal class's. */
	private static final Log logger = LogFactory.getLog(VouchersTemplate.class);

	/** Where Spring's {@code RestClient} keeps a request's URI template. */
	private static final String URI_TEMPLATE_ATTRIBUTE = RestClient.class.getName() + ".uriTemplate";

	private final RestClient restClient;

	private final String baseUrl;

	private final VoucherifyErrorHandler errorHandler;

	private final ObservationRegistry observationRegistry;

	private final @Nullable VoucherifyObservationConvention observationConvention;

	private final VoucherifyApiActivity activity;

	private final VoucherifyRetrySettings retrySettings;

	private final Duration bulkReadTimeout;

	private final long maxResponseBytes;

	VoucherifyCalls(RestClient restClient, String baseUrl, VoucherifyErrorHandler errorHandler,
			ObservationRegistry observationRegistry, @Nullable VoucherifyObservationConvention observationConvention,
			VoucherifyApiActivity activity, VoucherifyRetrySettings retrySettings, Duration bulkReadTimeout,
			long maxResponseBytes) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.errorHandler = errorHandler;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.activity = activity;
		this.retrySettings = retrySettings;
		this.bulkReadTimeout = bulkReadTimeout;
		this.maxResponseBytes = maxResponseBytes;
	}

	RestClient restClient() {
		return this.restClient;
	}

	/**
	 * Address a request. The URI is built directly, as every variable part is already one
	 * strictly encoded segment: Spring's URI templates would parse the template twice a
	 * call (measured as about a tenth of a call's CPU, BENCHMARKS.md). The template goes
	 * where Spring's own observation reads it, so {@code http.client.requests} keeps its
	 * {@code uri} tag and no code reaches it.
	 * @param method the HTTP method
	 * @param template the path's template, such as {@code /v1/vouchers/{code}}
	 * @param path the path, every variable part already encoded
	 */
	RestClient.RequestBodySpec request(HttpMethod method, String template, String path) {
		return this.restClient.method(method)
			.uri(URI.create(this.baseUrl + path))
			.attribute(URI_TEMPLATE_ATTRIBUTE, this.baseUrl + template);
	}

	/**
	 * Perform a call without a request body.
	 * @see #request(HttpMethod, String, String)
	 * @see #exchange(VoucherifyOperation, String, RestClient.RequestHeadersSpec, Class)
	 */
	<T> ResponseEntity<T> exchange(VoucherifyOperation operation, @Nullable String code, HttpMethod method,
			String template, String path, @Nullable Class<T> bodyType) {
		return exchange(operation, code, request(method, template, path), bodyType);
	}

	/**
	 * Perform one call as one observation, within its total time, retried as
	 * {@link VoucherifyRetrySettings} allows: failed statuses go to the error handler,
	 * redirects are refused, bodiless answers are never parsed, and Spring's exceptions
	 * become Voucherify's.
	 * @param code the voucher code, for masked log lines only
	 * @param bodyType the body to read, or {@code null} for a bodiless (204) answer
	 */
	<T> ResponseEntity<T> exchange(VoucherifyOperation operation, @Nullable String code,
			RestClient.RequestHeadersSpec<?> spec, @Nullable Class<T> bodyType) {
		CallTime time = callTime(operation);
		VoucherifyObservationContext context = new VoucherifyObservationContext(operation);
		Observation observation = Observation.createNotStarted(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> this.retrySettings.enabled()
				? withRetries(operation, code, observation, context, time,
						() -> attempt(operation, spec, bodyType, context, time))
				: attempt(operation, spec, bodyType, context, time));
	}

	/**
	 * The call's total time: {@code max-total-time}; the bulk operations, which may
	 * stream a large file, may take their longer read timeout.
	 */
	private CallTime callTime(VoucherifyOperation operation) {
		Duration maxTotalTime = this.retrySettings.maxTotalTime();
		if (operation.isBulk() && this.bulkReadTimeout.compareTo(maxTotalTime) > 0) {
			return CallTime.start(this.bulkReadTimeout, "voucherify.bulk-read-timeout");
		}
		return CallTime.start(maxTotalTime, "voucherify.retry.max-total-time");
	}

	private <T> T withRetries(VoucherifyOperation operation, @Nullable String code, Observation observation,
			VoucherifyObservationContext context, CallTime time, Supplier<T> attempt) {
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
					return attempt.get();
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

	private static RuntimeException lastFailure(RetryException ex) {
		Throwable last = ex.getCause();
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
	 * One attempt, held to what is left of the call's time. The answer is read here, into
	 * memory up to {@link #maxResponseBytes}; an answer not read to its end is discarded
	 * with its connection rather than drained.
	 */
	private <T> ResponseEntity<T> attempt(VoucherifyOperation operation, RestClient.RequestHeadersSpec<?> spec,
			@Nullable Class<T> bodyType, VoucherifyObservationContext context, CallTime time) {
		context.setStatusCode(null);
		context.setTransportFailure(false);
		context.setErrorKey(null);
		long remaining = time.remainingNanos();
		if (remaining <= 0) {
			context.setTransportFailure(true);
			throw time.ranOut(operation, null);
		}
		long start = System.nanoTime();
		ExchangeGuard guard = ExchangeGuard.open(remaining);
		try {
			return spec.exchange(
					(request, response) -> read(operation, request, response, bodyType, context, start, guard), false);
		}
		catch (HandledError ex) {
			throw ex.exception;
		}
		catch (RuntimeException ex) {
			if (guard.expired()) {
				recordTransportFailure(context, start);
				throw time.ranOut(operation, ex);
			}
			throw translate(operation, ex, context, start);
		}
		finally {
			guard.close();
		}
	}

	private <T> ResponseEntity<T> read(VoucherifyOperation operation, HttpRequest request, ClientHttpResponse response,
			@Nullable Class<T> bodyType, VoucherifyObservationContext context, long start, ExchangeGuard guard)
			throws IOException {
		BoundedBody body = null;
		try {
			HttpStatusCode status = response.getStatusCode();
			HttpHeaders headers = response.getHeaders();
			context.setStatusCode(status.value());
			this.activity.recordResponse(status.value(), headers, Duration.ofNanos(System.nanoTime() - start));
			InputStream raw = response.getBody();
			guard.watch(raw);
			if (status.is3xxRedirection()) {
				throw redirect(operation, status, headers);
			}
			body = new BoundedBody(raw, this.maxResponseBytes);
			if (status.isError()) {
				RuntimeException exception = this.errorHandler.toException(request,
						new BoundedResponse(response, body));
				if (exception instanceof VoucherifyApiException apiException) {
					context.setErrorKey(apiException.getKey());
				}
				// Wrapped so that no catch below mistakes it for Spring's own failure.
				throw new HandledError(exception);
			}
			if (bodyType == null) {
				// Read to the end, so a connection that breaks mid-answer fails the call
				// every time, not only when the HTTP client happens to notice it first.
				body.skipToEnd();
				// The constructor keeps the response's headers; the builder would copy
				// them.
				return new ResponseEntity<>(headers, status);
			}
			if (headers.getContentLength() > this.maxResponseBytes) {
				throw new BoundedBody.TooLargeException(this.maxResponseBytes);
			}
			T value = parse(operation, status, body, bodyType);
			body.skipToEnd();
			return new ResponseEntity<>(value, headers, status);
		}
		finally {
			if (body == null || !body.atEnd()) {
				guard.discard();
			}
			response.close();
		}
	}

	private static <T> T parse(VoucherifyOperation operation, HttpStatusCode status, InputStream body,
			Class<T> bodyType) throws IOException {
		T value;
		try {
			value = VoucherifyJson.MAPPER.readValue(body, bodyType);
		}
		catch (JacksonException ex) {
			IOException ioCause = find(ex, IOException.class);
			if (ioCause != null) {
				throw ioCause;
			}
			throw new VoucherifyInvalidResponseException(status.value(), operation.sdkName() + " got a "
					+ status.value() + " response whose body is not a valid " + bodyType.getSimpleName(), ex);
		}
		if (value == null) {
			throw new VoucherifyInvalidResponseException(status.value(),
					operation.sdkName() + " got a " + status.value() + " response without a body", null);
		}
		return value;
	}

	private static VoucherifyRedirectException redirect(VoucherifyOperation operation, HttpStatusCode status,
			HttpHeaders headers) {
		String host = locationHost(headers.getFirst(HttpHeaders.LOCATION));
		String target = (host != null) ? "host " + host : "a location without a host";
		return new VoucherifyRedirectException(status.value(), host,
				operation.sdkName() + " got a " + status.value() + " redirect to " + target
						+ "; Voucherify's API does not redirect its calls, so the client does not follow it"
						+ " and sends nothing more");
	}

	private static @Nullable String locationHost(@Nullable String location) {
		if (location == null) {
			return null;
		}
		try {
			return URI.create(location.strip()).getHost();
		}
		catch (IllegalArgumentException ex) {
			return null;
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
							+ this.maxResponseBytes + " bytes, voucherify.max-response-size)",
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

	/** Carries the error handler's exception out of the exchange untouched. */
	private static final class HandledError extends RuntimeException {

		private static final long serialVersionUID = 1L;

		private final transient RuntimeException exception;

		HandledError(RuntimeException exception) {
			super(null, null, false, false);
			this.exception = exception;
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

	private static <E extends Throwable> @Nullable E find(Throwable ex, Class<E> type) {
		for (Throwable t = ex; t != null; t = t.getCause()) {
			if (type.isInstance(t)) {
				return type.cast(t);
			}
		}
		return null;
	}

	/**
	 * A failed response as the error handler sees it: its body read through the client's
	 * limit, and closing it left to the client, which discards a connection whose answer
	 * was not read to the end.
	 */
	private static final class BoundedResponse implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final BoundedBody body;

		BoundedResponse(ClientHttpResponse response, BoundedBody body) {
			this.response = response;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return this.body;
		}

		@Override
		public void close() {
		}

	}

	/**
	 * The time a call may take, attempts and waits included: {@code max-total-time}, or
	 * for the bulk operations the longer of it and their read timeout.
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

	private static String describe(Throwable cause) {
		// The cause's message names the host but never the path, so no code leaks here.
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
