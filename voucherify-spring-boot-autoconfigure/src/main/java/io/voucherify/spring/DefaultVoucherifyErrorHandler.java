package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyConflictException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.model.VoucherifyError;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpRequest;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;

/**
 * The default {@link VoucherifyErrorHandler}: parses Voucherify's error envelope and
 * picks the exception type by status: 400 {@link VoucherifyBadRequestException}, 401/403
 * {@link VoucherifyAuthenticationException}, 404 {@link VoucherifyNotFoundException}, 409
 * {@link VoucherifyConflictException}, 429 {@link VoucherifyRateLimitException}, 5xx
 * {@link VoucherifyServerException}, any other status {@link VoucherifyApiException}.
 * <p>
 * A body that is not Voucherify's JSON (an HTML page from a proxy, say) still yields the
 * right type, with a bounded excerpt of the body in the message. The body is read up to
 * {@value #MAX_BODY_BYTES} bytes, so a huge error page cannot exhaust memory.
 *
 * @since 0.1.0
 */
public class DefaultVoucherifyErrorHandler implements VoucherifyErrorHandler {

	/** How much of an error body is read. */
	static final int MAX_BODY_BYTES = 64 * 1024;

	private final Clock clock;

	/** Create a handler using the system clock for {@code X-Rate-Limit-Retry}. */
	public DefaultVoucherifyErrorHandler() {
		this(Clock.systemUTC());
	}

	DefaultVoucherifyErrorHandler(Clock clock) {
		this.clock = clock;
	}

	@Override
	public RuntimeException toException(HttpRequest request, ClientHttpResponse response) throws IOException {
		HttpStatusCode status = response.getStatusCode();
		HttpHeaders headers = response.getHeaders();
		String body = redactSecret(readBody(response), request);
		VoucherifyError error = parseEnvelope(body);
		return switch (status.value()) {
			case 400 -> new VoucherifyBadRequestException(status, headers, error, body);
			case 401, 403 -> new VoucherifyAuthenticationException(status, headers, error, body);
			case 404 -> new VoucherifyNotFoundException(status, headers, error, body);
			case 409 -> new VoucherifyConflictException(status, headers, error, body);
			case 429 -> new VoucherifyRateLimitException(status, headers, error, body, retryAfter(headers, this.clock));
			default -> status.is5xxServerError() ? new VoucherifyServerException(status, headers, error, body)
					: new VoucherifyApiException(status, headers, error, body);
		};
	}

	/** A proxy's error page may echo the request headers: never let the token through. */
	private static String redactSecret(String body, HttpRequest request) {
		String token = request.getHeaders().getFirst("X-App-Token");
		return (token != null && !token.isBlank()) ? body.replace(token, "******") : body;
	}

	private static String readBody(ClientHttpResponse response) throws IOException {
		try (InputStream in = response.getBody()) {
			return new String(in.readNBytes(MAX_BODY_BYTES), StandardCharsets.UTF_8);
		}
	}

	private static @Nullable VoucherifyError parseEnvelope(String body) {
		String trimmed = body.strip();
		if (!trimmed.startsWith("{")) {
			return null;
		}
		try {
			VoucherifyError error = VoucherifyJson.MAPPER.readValue(trimmed, VoucherifyError.class);
			// Any JSON object parses; only one naming an error counts as the envelope.
			return (error.code() != null || error.key() != null || error.message() != null) ? error : null;
		}
		catch (JacksonException ex) {
			return null;
		}
	}

	/**
	 * The wait Voucherify asks for: {@code Retry-After} (delta seconds or an HTTP date)
	 * first, else {@code X-Rate-Limit-Retry} (Unix epoch seconds).
	 */
	static @Nullable Duration retryAfter(HttpHeaders headers, Clock clock) {
		Instant now = clock.instant();
		String retryAfter = headers.getFirst(HttpHeaders.RETRY_AFTER);
		if (retryAfter != null && !retryAfter.isBlank()) {
			String value = retryAfter.strip();
			try {
				return nonNegative(Duration.ofSeconds(Long.parseLong(value)));
			}
			catch (NumberFormatException ex) {
				try {
					Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
					return nonNegative(Duration.between(now, at));
				}
				catch (DateTimeParseException ignored) {
					// fall through to X-Rate-Limit-Retry
				}
			}
		}
		String retryAt = headers.getFirst("X-Rate-Limit-Retry");
		if (retryAt != null && !retryAt.isBlank()) {
			try {
				return nonNegative(Duration.between(now, Instant.ofEpochSecond(Long.parseLong(retryAt.strip()))));
			}
			catch (NumberFormatException ignored) {
				return null;
			}
		}
		return null;
	}

	private static Duration nonNegative(Duration duration) {
		return duration.isNegative() ? Duration.ZERO : duration;
	}

}
