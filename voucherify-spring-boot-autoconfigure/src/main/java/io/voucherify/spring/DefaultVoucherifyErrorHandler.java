package io.voucherify.spring;

import java.io.IOException;
import java.time.Clock;

import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyConflictException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;

import org.springframework.http.HttpRequest;
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
		return ErrorResponses.toException(request, response, this.clock);
	}

}
