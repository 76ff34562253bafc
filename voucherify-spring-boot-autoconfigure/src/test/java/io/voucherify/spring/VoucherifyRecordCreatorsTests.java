package io.voucherify.spring;

import java.util.List;

import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Voucher;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The client's record creation gives exactly what Jackson's own gives, for every example
 * the model tests read, and fails as Jackson fails.
 */
class VoucherifyRecordCreatorsTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.voucherify.spring.model.ModelDeserializationTests#responseExamples")
	void createsEveryExampleAsJacksonDoes(String example, Class<?> type) {
		SameAsJackson.assertReadsAsJackson(Examples.read(example), type);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("io.voucherify.spring.model.ModelDeserializationTests#responseExamples")
	void createsRecordsThroughTheSpreadConstructor(String example, Class<?> type) {
		assertThat(ReflectionTestUtils.getField(SameAsJackson.clientDeserializerOf(type), "_valueInstantiator"))
			.isInstanceOf(VoucherifyRecordCreators.Spread.class);
	}

	@ParameterizedTest(name = "{0} as {1}")
	@MethodSource("malformed")
	void failsAsJacksonFails(String json, Class<?> type) {
		assertThat(catchThrowable(() -> SameAsJackson.JACKSON.readValue(json, type))).isNotNull();
		SameAsJackson.assertReadsAsJackson(json, type);
	}

	static List<Arguments> malformed() {
		return List.of(Arguments.of("{\"amount\": \"not a number\"}", BalanceUpdateResponse.class),
				Arguments.of("[]", BalanceUpdateResponse.class), Arguments.of("\"text\"", Voucher.class),
				// The constructor itself refuses: a request with a zero amount.
				Arguments.of("{\"amount\": 0}", BalanceUpdateRequest.class));
	}

}
