package io.voucherify.spring;

import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The yardstick of the client's Jackson speed-ups: Jackson's own reading with the
 * client's settings, and an assertion that the client reads a document exactly as it
 * does, the same value or the same failure.
 */
final class SameAsJackson {

	/** Jackson's own reading: the client's settings without its module. */
	static final JsonMapper JACKSON = VoucherifyJson.tolerant().build();

	private SameAsJackson() {
	}

	/**
	 * Assert that the client's mapper reads {@code json} as {@code type} exactly as
	 * Jackson's own does: an equal value, or a failure of the same class and message.
	 */
	static void assertReadsAsJackson(String json, Class<?> type) {
		Object expected = read(JACKSON, json, type);
		Object actual = read(VoucherifyJson.MAPPER, json, type);
		if (expected instanceof Throwable expectedFailure) {
			assertThat(actual).as(json).isInstanceOf(expectedFailure.getClass());
			assertThat(((Throwable) actual).getMessage()).as(json).isEqualTo(expectedFailure.getMessage());
		}
		else {
			assertThat(actual).as(json).isEqualTo(expected);
		}
	}

	/** The deserializer the client's mapper reads a root value of {@code type} with. */
	static ValueDeserializer<Object> clientDeserializerOf(Class<?> type) {
		return VoucherifyJson.MAPPER._deserializationContext()
			.findRootValueDeserializer(VoucherifyJson.MAPPER.constructType(type));
	}

	private static Object read(JsonMapper mapper, String json, Class<?> type) {
		Throwable failure = catchThrowable(() -> mapper.readValue(json, type));
		return (failure != null) ? failure : mapper.readValue(json, type);
	}

}
