package io.voucherify.spring;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The client's own JSON mapping, so that Voucherify's wire format never depends on the
 * application's Jackson settings (a naming strategy, {@code FAIL_ON_*} features).
 * Tolerant by design: every response field may be absent, null, of an unknown value or of
 * a wider type.
 */
final class VoucherifyJson {

	static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.build();

	private static final JacksonJsonHttpMessageConverter CONVERTER = new JacksonJsonHttpMessageConverter(MAPPER);

	private VoucherifyJson() {
	}

	/**
	 * Write request bodies with the client's mapper, first in line instead of any other
	 * Jackson converter, and keep the other converters (the CSV upload's multipart and
	 * resource converters among them).
	 * @param converters the converters of the client's {@code RestClient}
	 */
	static void configure(HttpMessageConverters.ClientBuilder converters) {
		converters.withJsonConverter(CONVERTER).registerDefaults().configureMessageConvertersList((list) -> {
			list.removeIf(JacksonJsonHttpMessageConverter.class::isInstance);
			list.add(0, CONVERTER);
		});
	}

}
