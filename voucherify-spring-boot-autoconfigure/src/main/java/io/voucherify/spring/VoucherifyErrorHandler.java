package io.voucherify.spring;

import java.io.IOException;

import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpResponse;

/**
 * Turns a failed (4xx or 5xx) Voucherify response into the exception the client throws.
 * <p>
 * The default, {@link DefaultVoucherifyErrorHandler}, parses Voucherify's error envelope
 * into the {@link io.voucherify.spring.exception.VoucherifyApiException} hierarchy.
 * Declare a bean of this type to replace it, e.g. to map errors to your own exceptions;
 * delegate to the default for the cases you do not handle. This is deliberately not a
 * Spring {@code ResponseErrorHandler}, so a bean of it never changes other clients in the
 * application.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VoucherifyErrorHandler {

	/**
	 * Create the exception for a failed response. The client throws what this returns.
	 * @param request the request that failed; its headers hold the credentials, so do not
	 * log them
	 * @param response the failed response, body not yet read
	 * @return the exception to throw
	 * @throws IOException if reading the response fails
	 */
	RuntimeException toException(HttpRequest request, ClientHttpResponse response) throws IOException;

}
