package io.voucherify.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.util.function.Supplier;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyApiException;
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
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.util.StreamUtils;
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

	VoucherifyCalls(RestClient restClient, String baseUrl, VoucherifyErrorHandler errorHandler,
			ObservationRegistry observationRegistry, @Nullable VoucherifyObservationConvention observationConvention,
			VoucherifyApiActivity activity, VoucherifyRetrySettings retrySettings) {
		this.restClient = restClient;
		this.baseUrl = baseUrl;
		this.errorHandler = errorHandler;
		this.observationRegistry = observationRegistry;
		this.observationConvention = observationConvention;
		this.activity = activity;
		this.retrySettings = retrySettings;
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
	 * Perform one call as one observation, retried as {@link VoucherifyRetrySettings}
	 * allows: failed statuses go to the error handler, bodiless answers are never parsed,
	 * and Spring's exceptions become Voucherify's.
	 * @param code the voucher code, for masked log lines only
	 * @param bodyType the body to read, or {@code null} for a bodiless (204) answer
	 */
	<T> ResponseEntity<T> exchange(VoucherifyOperation operation, @Nullable String code,
			RestClient.RequestHeadersSpec<?> spec, @Nullable Class<T> bodyType) {
		VoucherifyObservationContext context = new VoucherifyObservationContext(operation);
		Observation observation = Observation.createNotStarted(this.observationConvention,
				DEFAULT_OBSERVATION_CONVENTION, () -> context, this.observationRegistry);
		return observation.observe(() -> this.retrySettings.enabled()
				? withRetries(operation, code, observation, context, () -> exchange(operation, spec, bodyType, context))
				: exchange(operation, spec, bodyType, context));
	}

	private <T> T withRetries(VoucherifyOperation operation, @Nullable String code, Observation observation,
			VoucherifyObservationContext context, Supplier<T> attempt) {
		VoucherifyRetryPolicy policy = new VoucherifyRetryPolicy(operation, this.retrySettings);
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

	private <T> ResponseEntity<T> exchange(VoucherifyOperation operation, RestClient.RequestHeadersSpec<?> spec,
			@Nullable Class<T> bodyType, VoucherifyObservationContext context) {
		context.setStatusCode(null);
		context.setTransportFailure(false);
		context.setErrorKey(null);
		long start = System.nanoTime();
		try {
			return spec.exchange((request, response) -> {
				HttpStatusCode status = response.getStatusCode();
				context.setStatusCode(status.value());
				this.activity.recordResponse(status.value(), response.getHeaders(),
						Duration.ofNanos(System.nanoTime() - start));
				if (status.isError()) {
					RuntimeException exception = this.errorHandler.toException(request, response);
					if (exception instanceof VoucherifyApiException apiException) {
						context.setErrorKey(apiException.getKey());
					}
					// Wrapped so that no catch below mistakes it for Spring's own
					// failure.
					throw new HandledError(exception);
				}
				if (bodyType == null) {
					// Read to the end, so a connection that breaks mid-answer fails the
					// call every time, not only when the HTTP client happens to notice
					// it first.
					StreamUtils.drain(response.getBody());
					// The constructor keeps the response's headers; the builder would
					// copy them.
					return new ResponseEntity<>(response.getHeaders(), status);
				}
				T body;
				try {
					body = response.bodyTo(bodyType);
				}
				catch (RestClientException ex) {
					if (ioCause(ex) != null) {
						throw ex;
					}
					throw new VoucherifyInvalidResponseException(status.value(), operation.sdkName() + " got a "
							+ status.value() + " response whose body is not a valid " + bodyType.getSimpleName(), ex);
				}
				if (body == null) {
					throw new VoucherifyInvalidResponseException(status.value(),
							operation.sdkName() + " got a " + status.value() + " response without a body", null);
				}
				return new ResponseEntity<>(body, response.getHeaders(), status);
			});
		}
		catch (HandledError ex) {
			throw ex.exception;
		}
		catch (VoucherifyException ex) {
			throw ex;
		}
		catch (RestClientException ex) {
			Throwable ioCause = ioCause(ex);
			if (ioCause != null) {
				if (context.getStatusCode() == null) {
					context.setTransportFailure(true);
					this.activity.recordTransportFailure(Duration.ofNanos(System.nanoTime() - start));
				}
				// The I/O failure, not Spring's exception: its message holds the URL, and
				// so the code.
				throw new VoucherifyTransportException(operation.sdkName() + " failed: " + describe(ioCause), ioCause);
			}
			throw new VoucherifyException(operation.sdkName() + " failed: " + describe(ex.getMostSpecificCause()),
					ex.getMostSpecificCause());
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

	private static String describe(Throwable cause) {
		// The cause's message names the host but never the path, so no code leaks here.
		return cause.getClass().getSimpleName() + ((cause.getMessage() != null) ? ": " + cause.getMessage() : "");
	}

}
