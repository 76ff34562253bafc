package io.voucherify.spring;

import io.micrometer.common.KeyValue;

import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's {@code http.client.requests} convention, except that the high-cardinality
 * {@code http.url} is the URI template ({@code .../v1/vouchers/{code}}) rather than the
 * expanded URL: voucher codes and session keys are bearer credentials and must not reach
 * span tags.
 */
final class CodeFreeClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		String template = context.getUriTemplate();
		return KeyValue.of("http.url", (template != null) ? template : "none");
	}

}
