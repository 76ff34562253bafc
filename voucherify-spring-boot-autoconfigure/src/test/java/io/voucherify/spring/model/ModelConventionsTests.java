package io.voucherify.spring.model;

import java.lang.reflect.RecordComponent;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks the wire conventions of every model record, which keep it independent of how the
 * application configures Jackson.
 */
class ModelConventionsTests {

	@ParameterizedTest(name = "{0}")
	@MethodSource("records")
	void recordIgnoresUnknownPropertiesAndOmitsNulls(Class<? extends Record> type) {
		JsonIgnoreProperties ignore = type.getAnnotation(JsonIgnoreProperties.class);
		assertThat(ignore).isNotNull();
		assertThat(ignore.ignoreUnknown()).isTrue();
		JsonInclude include = type.getAnnotation(JsonInclude.class);
		assertThat(include).isNotNull();
		assertThat(include.value()).isEqualTo(JsonInclude.Include.NON_NULL);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("records")
	void everyComponentNamesItsWireProperty(Class<? extends Record> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
			assertThat(property).as(component.getName()).isNotNull();
			assertThat(property.value()).as(component.getName()).isNotEmpty();
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("records")
	void noComponentIsPrimitive(Class<? extends Record> type) {
		for (RecordComponent component : type.getRecordComponents()) {
			assertThat(component.getType().isPrimitive()).as(component.getName()).isFalse();
		}
	}

	static Stream<Class<? extends Record>> records() {
		return ModelTypes.RECORDS.stream();
	}

}
