package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.time.Duration;

import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyRedirectException;
import io.voucherify.spring.observation.VoucherifyObservationContext;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.ClientHttpResponse;

/**
 * How an answer of Voucherify becomes a result or an exception: a redirect is refused, a
 * failed status goes to the error handler, a success is read with the client's JSON
 * mapping. Bodies are read into memory up to {@code maxResponseBytes}; an answer not read
 * to its end is discarded with its connection rather than drained.
 */
final class VoucherifyResponses {

	private final VoucherifyErrorHandler errorHandler;

	private final VoucherifyApiActivity activity;

	private final VoucherifyCallBudget budget;

	private final long maxResponseBytes;

	VoucherifyResponses(VoucherifyErrorHandler errorHandler, VoucherifyApiActivity activity,
			VoucherifyCallBudget budget, long maxResponseBytes) {
		this.errorHandler = errorHandler;
		this.activity = activity;
		this.budget = budget;
		this.maxResponseBytes = maxResponseBytes;
	}

	/**
	 * Read an answer.
	 * @param bodyType the body to read, or {@code null} for a bodiless answer
	 * @param start when the attempt started, for the activity's latency
	 * @param guard the attempt's guard, which discards the connection
	 */
	<T> ResponseEntity<T> read(VoucherifyOperation operation, HttpRequest request, ClientHttpResponse response,
			@Nullable Class<T> bodyType, VoucherifyObservationContext context, long start, ExchangeGuard guard)
			throws IOException {
		BoundedBody body = null;
		try {
			InputStream raw = answer(operation, response, context, start, guard);
			HttpStatusCode status = response.getStatusCode();
			HttpHeaders headers = response.getHeaders();
			body = new BoundedBody(raw, this.maxResponseBytes);
			if (status.isError()) {
				throw handled(request, response, body, context);
			}
			if (bodyType == null) {
				// Read to the end, so that a connection that breaks mid-answer fails the
				// call every time, not only when the HTTP client happens to notice.
				body.skipToEnd();
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

	/**
	 * Copy a successful answer's body to {@code target} as it arrives, through a small
	 * buffer: a file of any size takes no more memory than that. A failed answer is read
	 * as {@link #read} reads it.
	 * @return the number of bytes copied
	 */
	long copy(VoucherifyOperation operation, HttpRequest request, ClientHttpResponse response, OutputStream target,
			VoucherifyObservationContext context, long start, ExchangeGuard guard) throws IOException {
		BoundedBody errorBody = null;
		boolean copied = false;
		try {
			InputStream raw = answer(operation, response, context, start, guard);
			if (response.getStatusCode().isError()) {
				errorBody = new BoundedBody(raw, this.maxResponseBytes);
				throw handled(request, response, errorBody, context);
			}
			long bytes = raw.transferTo(target);
			copied = true;
			return bytes;
		}
		finally {
			if (!copied && (errorBody == null || !errorBody.atEnd())) {
				guard.discard();
			}
			response.close();
		}
	}

	/**
	 * Record an answer and open its body, watched by the guard; a redirect is refused.
	 */
	private InputStream answer(VoucherifyOperation operation, ClientHttpResponse response,
			VoucherifyObservationContext context, long start, ExchangeGuard guard) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		HttpHeaders headers = response.getHeaders();
		context.setStatusCode(status.value());
		this.activity.recordResponse(status.value(), headers, Duration.ofNanos(System.nanoTime() - start));
		this.budget.learn(operation, status.value(), headers);
		InputStream raw = response.getBody();
		guard.watch(raw);
		if (status.is3xxRedirection()) {
			throw redirect(operation, status, headers);
		}
		return raw;
	}

	/** A failed answer, turned into the error handler's exception. */
	private HandledError handled(HttpRequest request, ClientHttpResponse response, BoundedBody body,
			VoucherifyObservationContext context) throws IOException {
		RuntimeException exception = this.errorHandler.toException(request, new BoundedResponse(response, body));
		if (exception instanceof VoucherifyApiException apiException) {
			context.setErrorKey(apiException.getKey());
		}
		return new HandledError(exception);
	}

	private static <T> T parse(VoucherifyOperation operation, HttpStatusCode status, InputStream body,
			Class<T> bodyType) throws IOException {
		T value;
		try {
			value = VoucherifyJson.MAPPER.readValue(body, bodyType);
		}
		catch (JacksonException ex) {
			IOException ioCause = VoucherifyCalls.find(ex, IOException.class);
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

	/** Carries the error handler's exception out of the exchange untouched. */
	static final class HandledError extends RuntimeException {

		private static final long serialVersionUID = 1L;

		final transient RuntimeException exception;

		HandledError(RuntimeException exception) {
			super(null, null, false, false);
			this.exception = exception;
		}

	}

	/**
	 * A failed response as the error handler sees it: its body read through the client's
	 * limit, and closing it left to the client.
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

}
