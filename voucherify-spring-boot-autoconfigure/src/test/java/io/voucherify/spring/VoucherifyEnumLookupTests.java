package io.voucherify.spring;

import java.util.ArrayList;
import java.util.List;

import io.voucherify.spring.model.BalanceType;
import io.voucherify.spring.model.ModelTypes;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The client's enum lookup gives exactly what each enum's own {@code fromValue} gives
 * through Jackson, for every wire value and for everything else, and never folds case.
 */
class VoucherifyEnumLookupTests {

	@ParameterizedTest(name = "{1} as {0}")
	@MethodSource("inputs")
	void readsEveryInputAsJacksonDoes(Class<?> type, String json) {
		SameAsJackson.assertReadsAsJackson(json, type);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("enums")
	void readsEveryModelEnumThroughTheLookup(Class<?> type) {
		assertThat(SameAsJackson.clientDeserializerOf(type)).isInstanceOf(VoucherifyEnumLookup.Lookup.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("enums")
	void knowsEveryConstantByItsWireValue(Class<? extends Enum<?>> type) {
		assertThat(VoucherifyEnumLookup.knownValues(type)).hasSize(type.getEnumConstants().length);
	}

	@Test
	void readsUnknownAndOtherCaseValuesAsUnknown() {
		assertThat(VoucherifyJson.MAPPER.readValue("\"Gift_Voucher\"", BalanceType.class))
			.isEqualTo(BalanceType.UNKNOWN);
		assertThat(VoucherifyJson.MAPPER.readValue("\"gift_voucher\"", VoucherType.class))
			.isEqualTo(VoucherType.UNKNOWN);
		assertThat(VoucherifyJson.MAPPER.readValue("\"PREPAID_CARD\"", VoucherType.class))
			.isEqualTo(VoucherType.UNKNOWN);
	}

	@Test
	void leavesTypesOutsideTheModelToJackson() {
		assertThat(VoucherifyEnumLookup.knownValues(java.time.DayOfWeek.class)).isNull();
		assertThat(VoucherifyEnumLookup.knownValues(String.class)).isNull();
	}

	static List<Class<? extends Enum<?>>> enums() {
		return ModelTypes.ENUMS;
	}

	static List<Arguments> inputs() {
		List<Arguments> inputs = new ArrayList<>();
		for (Class<? extends Enum<?>> type : ModelTypes.ENUMS) {
			for (Enum<?> constant : type.getEnumConstants()) {
				String wire = VoucherifyJson.MAPPER.writeValueAsString(constant);
				inputs.add(Arguments.of(type, wire));
				inputs.add(Arguments.of(type, wire.toLowerCase(java.util.Locale.ROOT)));
				inputs.add(Arguments.of(type, wire.toUpperCase(java.util.Locale.ROOT)));
				inputs.add(Arguments.of(type, "\"" + constant.name() + "\""));
			}
			for (String other : List.of("\"\"", "\" \"", "\"something_new\"", "null", "0", "1", "1.5", "true", "[]",
					"[\"UNKNOWN\"]", "{}", "{\"value\": \"x\"}")) {
				inputs.add(Arguments.of(type, other));
			}
		}
		return inputs;
	}

}
