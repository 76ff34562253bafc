package io.voucherify.spring;

import java.util.List;

import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Voucher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client's record creation gives exactly what Jackson's own gives, for every example
 * the model tests read, and fails as Jackson fails.
 */
class VoucherifyRecordCreatorsTests {

	/** Jackson's own creation, with the client's features but without its module. */
	private static final JsonMapper JACKSON = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_CREATOR_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
		.disable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.enable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
		.build();

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.voucherify.spring.model.ModelDeserializationTests#responseExamples")
	void createsEveryExampleAsJacksonDoes(String example, Class<?> type) {
		String json = Examples.read(example);

		assertThat(VoucherifyJson.MAPPER.readValue(json, type)).isEqualTo(JACKSON.readValue(json, type));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.voucherify.spring.model.ModelDeserializationTests#responseExamples")
	void createsRecordsThroughTheSpreadConstructor(String example, Class<?> type) {
		Object deserializer = VoucherifyJson.MAPPER._deserializationContext()
			.findRootValueDeserializer(VoucherifyJson.MAPPER.constructType(type));

		assertThat(ReflectionTestUtils.getField(deserializer, "_valueInstantiator"))
			.isInstanceOf(VoucherifyRecordCreators.Spread.class);
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("malformed")
	void failsAsJacksonFails(String json, Class<?> type) {
		Throwable expected = catchThrowable(() -> JACKSON.readValue(json, type));
		Throwable actual = catchThrowable(() -> VoucherifyJson.MAPPER.readValue(json, type));

		assertThat(expected).isNotNull();
		assertThat(actual).isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
	}

	static List<Arguments> malformed() {
		return List.of(Arguments.of("{\"amount\": \"not a number\"}", BalanceUpdateResponse.class),
				Arguments.of("[]", BalanceUpdateResponse.class), Arguments.of("\"text\"", Voucher.class),
				// The constructor itself refuses: a request with a zero amount.
				Arguments.of("{\"amount\": 0}", BalanceUpdateRequest.class));
	}

}
