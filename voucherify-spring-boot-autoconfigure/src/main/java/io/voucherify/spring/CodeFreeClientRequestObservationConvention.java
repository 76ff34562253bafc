package io.voucherify.spring;

import java.net.URI;

import io.micrometer.common.KeyValue;
import org.jspecify.annotations.Nullable;

import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation.HighCardinalityKeyNames;
import org.springframework.http.client.observation.ClientHttpObservationDocumentation.LowCardinalityKeyNames;
import org.springframework.http.client.observation.ClientRequestObservationContext;
import org.springframework.http.client.observation.DefaultClientRequestObservationConvention;

/**
 * Spring's {@code http.client.requests} convention, except that the {@code uri} tag and
 * the high-cardinality {@code http.url} show the path's template
 * ({@code /v1/vouchers/{code}}), which each call puts in the request attribute
 * {@link #PATH_TEMPLATE}: voucher codes and session keys are bearer credentials and must
 * not reach metrics or spans. (The client builds each URI itself, so Spring has no
 * template to report.)
 */
final class CodeFreeClientRequestObservationConvention extends DefaultClientRequestObservationConvention {

	/** The request attribute holding the path's template, base path included. */
	static final String PATH_TEMPLATE = CodeFreeClientRequestObservationConvention.class.getName() + ".pathTemplate";

	@Override
	protected KeyValue uri(ClientRequestObservationContext context) {
		String template = pathTemplate(context.getCarrier());
		return (template != null) ? KeyValue.of(LowCardinalityKeyNames.URI, template) : super.uri(context);
	}

	@Override
	protected KeyValue requestUri(ClientRequestObservationContext context) {
		ClientHttpRequest request = context.getCarrier();
		String template = pathTemplate(request);
		if (request == null || template == null) {
			return KeyValue.of(HighCardinalityKeyNames.HTTP_URL, KeyValue.NONE_VALUE);
		}
		URI uri = request.getURI();
		return KeyValue.of(HighCardinalityKeyNames.HTTP_URL,
				uri.getScheme() + "://" + uri.getRawAuthority() + template);
	}

	private static @Nullable String pathTemplate(@Nullable ClientHttpRequest request) {
		return (request != null) ? (String) request.getAttributes().get(PATH_TEMPLATE) : null;
	}

}
