package io.voucherify.spring.exception;

import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;

/**
 * Voucherify answered with a non-2xx status. Carries the status, the response headers,
 * the parsed error envelope ({@code code}, {@code key}, {@code message}, {@code details},
 * {@code request_id}, ...) and the raw body.
 * <p>
 * {@link #getMessage()} names the status, the error key, Voucherify's message and the
 * request id, but never the {@code details} or {@code resource_id}: those often hold the
 * voucher code, which is a bearer credential for gift cards and must stay out of logs.
 * Read them with {@link #getDetails()} and {@link #getResourceId()}.
 *
 * @see VoucherifyBadRequestException
 * @see VoucherifyAuthenticationException
 * @see VoucherifyNotFoundException
 * @see VoucherifyConflictException
 * @see VoucherifyRateLimitException
 * @see VoucherifyServerException
 * @since 0.1.0
 */
public class VoucherifyApiException extends VoucherifyException {

	private static final long serialVersionUID = 1L;

	private final HttpStatusCode statusCode;

	private final transient HttpHeaders responseHeaders;

	private final transient @Nullable VoucherifyError error;

	private final String responseBody;

	/**
	 * Create an exception for a failed response.
	 * @param statusCode the HTTP status
	 * @param responseHeaders the response headers
	 * @param error the parsed error envelope, or {@code null} if the body was not one
	 * @param responseBody the raw body (possibly truncated), empty if none
	 */
	public VoucherifyApiException(HttpStatusCode statusCode, HttpHeaders responseHeaders,
			@Nullable VoucherifyError error, String responseBody) {
		super(describe(statusCode, error, responseBody));
		this.statusCode = statusCode;
		this.responseHeaders = HttpHeaders.readOnlyHttpHeaders(responseHeaders);
		this.error = error;
		this.responseBody = responseBody;
	}

	/**
	 * The HTTP status of the response.
	 * @return the status
	 */
	public HttpStatusCode getStatusCode() {
		return this.statusCode;
	}

	/**
	 * The response headers (read-only).
	 * @return the headers
	 */
	public HttpHeaders getResponseHeaders() {
		return this.responseHeaders;
	}

	/**
	 * The parsed error envelope.
	 * @return the envelope, or {@code null} when the body was not Voucherify's JSON (e.g.
	 * an HTML page from a proxy)
	 */
	public @Nullable VoucherifyError getError() {
		return this.error;
	}

	/**
	 * The raw response body, truncated to a bounded size.
	 * @return the body, empty if there was none
	 */
	public String getResponseBody() {
		return this.responseBody;
	}

	/**
	 * The envelope's {@code code}, normally equal to the HTTP status.
	 * @return the code, or {@code null}
	 */
	public @Nullable Integer getCode() {
		return (this.error != null) ? this.error.code() : null;
	}

	/**
	 * The envelope's {@code key}, a stable machine-readable error name such as
	 * {@code not_found} or {@code gift_amount_exceeded}.
	 * @return the key, or {@code null}
	 */
	public @Nullable String getKey() {
		return (this.error != null) ? this.error.key() : null;
	}

	/**
	 * The envelope's {@code message}, e.g. {@code Resource not found}.
	 * @return the message, or {@code null}
	 */
	public @Nullable String getErrorMessage() {
		return (this.error != null) ? this.error.message() : null;
	}

	/**
	 * The envelope's {@code details}. May contain the voucher code: do not log it
	 * blindly.
	 * @return the details, or {@code null}
	 */
	public @Nullable String getDetails() {
		return (this.error != null) ? this.error.details() : null;
	}

	/**
	 * The envelope's {@code request_id}, the reference Voucherify support asks for.
	 * @return the request id, or {@code null}
	 */
	public @Nullable String getRequestId() {
		return (this.error != null) ? this.error.requestId() : null;
	}

	/**
	 * The envelope's {@code resource_id}, e.g. the voucher code that was not found.
	 * @return the resource id, or {@code null}
	 */
	public @Nullable String getResourceId() {
		return (this.error != null) ? this.error.resourceId() : null;
	}

	/**
	 * The envelope's {@code resource_type}, e.g. {@code voucher} or {@code session}.
	 * @return the resource type, or {@code null}
	 */
	public @Nullable String getResourceType() {
		return (this.error != null) ? this.error.resourceType() : null;
	}

	private static String describe(HttpStatusCode statusCode, @Nullable VoucherifyError error, String body) {
		StringBuilder message = new StringBuilder("Voucherify answered ").append(statusCode.value());
		if (error != null) {
			StringBuilder ids = new StringBuilder();
			if (error.key() != null) {
				ids.append("key=").append(error.key());
			}
			if (error.requestId() != null) {
				ids.append((ids.length() > 0) ? ", " : "").append("request_id=").append(error.requestId());
			}
			if (ids.length() > 0) {
				message.append(" [").append(ids).append(']');
			}
			if (error.message() != null) {
				message.append(": ").append(error.message());
			}
		}
		else {
			message.append(" without an error envelope");
			String excerpt = excerpt(body);
			if (!excerpt.isEmpty()) {
				message.append(": ").append(excerpt);
			}
		}
		return message.toString();
	}

	private static String excerpt(String body) {
		String collapsed = body.replaceAll("\\s+", " ").strip();
		int max = 200;
		return (collapsed.length() <= max) ? collapsed : collapsed.substring(0, max) + "...";
	}

}
