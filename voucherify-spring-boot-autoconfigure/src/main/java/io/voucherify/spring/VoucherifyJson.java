package io.voucherify.spring;

import java.time.OffsetDateTime;
import java.util.List;

import io.voucherify.spring.model.Voucher;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;

/**
 * The client's own JSON mapping. Voucherify's wire format must not depend on the
 * application's Jackson settings (a naming strategy, {@code FAIL_ON_*} features): the
 * client puts a converter on this mapper first in its converter list, leaving every other
 * converter of the application in place.
 */
final class VoucherifyJson {

	/** The package of the records and enums the speed-ups apply to. */
	static final String MODEL_PACKAGE = Voucher.class.getPackageName();

	/** The client's settings and its speed-ups. */
	static final JsonMapper MAPPER = tolerant().addModule(new VoucherifyModule()).build();

	/** The converter on {@link #MAPPER}; stateless, so shared by every client. */
	static final JacksonJsonHttpMessageConverter CONVERTER = new JacksonJsonHttpMessageConverter(MAPPER);

	private VoucherifyJson() {
	}

	/**
	 * The client's settings without its speed-ups, which are proven to read exactly as
	 * this does. Tolerant by design: every response field may be absent, null or of a
	 * wider type.
	 * @return a builder with the client's deserialization features
	 */
	static JsonMapper.Builder tolerant() {
		return JsonMapper.builder()
			.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
			.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
			.enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
	}

	/**
	 * Replace the application's Jackson JSON converters with the client's, first in line.
	 * @param converters the converter list of the client's {@code RestClient}
	 */
	static void useOwnJsonConverter(List<HttpMessageConverter<?>> converters) {
		converters.removeIf(JacksonJsonHttpMessageConverter.class::isInstance);
		converters.add(0, CONVERTER);
	}

	/** The client's speed-ups of Jackson, each proven equal to Jackson's own result. */
	private static final class VoucherifyModule extends SimpleModule {

		private static final long serialVersionUID = 1L;

		VoucherifyModule() {
			super("voucherify");
			addDeserializer(OffsetDateTime.class, new VoucherifyTimestampDeserializer());
		}

		@Override
		public void setupModule(SetupContext context) {
			super.setupModule(context);
			context.addValueInstantiators(new VoucherifyRecordCreators());
			context.addDeserializerModifier(new VoucherifyEnumLookup());
		}

	}

}
