package io.voucherify.spring;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import io.voucherify.spring.model.ExportStatus;
import io.voucherify.spring.model.TransactionsOrder;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.util.ClassUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The runtime hints a native image needs for the client: every record and enum of the
 * model, found by scanning its package (so a new one without its hint fails here), can be
 * built and read by Jackson through reflection, and the version resource is included.
 */
class VoucherifyRuntimeHintsTests {

	/** Query parameters, written into the URL by the client: never JSON. */
	private static final List<Class<?>> NOT_JSON = List.of(TransactionsQuery.class, TransactionsOrder.class);

	private final RuntimeHints hints = new RuntimeHints();

	VoucherifyRuntimeHintsTests() {
		new VoucherifyRuntimeHints().registerHints(this.hints, getClass().getClassLoader());
	}

	@Test
	void theHintsAreRegisteredForAotProcessing() {
		List<RuntimeHintsRegistrar> registrars = SpringFactoriesLoader
			.forResourceLocation("META-INF/spring/aot.factories")
			.load(RuntimeHintsRegistrar.class);

		assertThat(registrars).hasAtLeastOneElementOfType(VoucherifyRuntimeHints.class);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("modelRecords")
	void everyModelRecordCanBeBuiltAndReadByReflection(Class<?> type) throws NoSuchMethodException {
		Class<?>[] components = Arrays.stream(type.getRecordComponents())
			.map(RecordComponent::getType)
			.toArray(Class<?>[]::new);
		Constructor<?> canonical = type.getDeclaredConstructor(components);

		assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(this.hints);
		assertThat(RuntimeHintsPredicates.reflection().onConstructorInvocation(canonical)).accepts(this.hints);
		for (RecordComponent component : type.getRecordComponents()) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(component.getAccessor()))
				.as(component.getName())
				.accepts(this.hints);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("modelEnums")
	void everyModelEnumCanBeReadAndWrittenThroughItsJacksonMethods(Class<?> type) {
		List<Method> jacksonMethods = Arrays.stream(type.getDeclaredMethods())
			.filter((method) -> method.isAnnotationPresent(JsonCreator.class)
					|| method.isAnnotationPresent(JsonValue.class))
			.toList();

		assertThat(RuntimeHintsPredicates.reflection().onType(type)).accepts(this.hints);
		assertThat(jacksonMethods).as("@JsonCreator and @JsonValue methods").hasSize(2);
		for (Method method : jacksonMethods) {
			assertThat(RuntimeHintsPredicates.reflection().onMethodInvocation(method)).as(method.getName())
				.accepts(this.hints);
		}
	}

	@Test
	void theScanFindsTheWholeModel() throws IOException {
		assertThat(modelTypes()).hasSizeGreaterThanOrEqualTo(60)
			.contains(Voucher.class, ExportStatus.class)
			.doesNotContainAnyElementsOf(NOT_JSON);
	}

	@Test
	void theVersionResourceIsIncludedAndExists() {
		String version = "io/voucherify/spring/voucherify-version.properties";

		assertThat(RuntimeHintsPredicates.resource().forResource(version)).accepts(this.hints);
		assertThat(getClass().getClassLoader().getResource(version)).isNotNull();
	}

	static List<Class<?>> modelRecords() throws IOException {
		return modelTypes().stream().filter(Class::isRecord).toList();
	}

	static List<Class<?>> modelEnums() throws IOException {
		return modelTypes().stream().filter(Class::isEnum).toList();
	}

	/**
	 * Every top-level record and enum compiled into the model package but the query's.
	 */
	private static List<Class<?>> modelTypes() throws IOException {
		List<Class<?>> types = new ArrayList<>();
		Resource[] classes = new PathMatchingResourcePatternResolver()
			.getResources("classpath*:io/voucherify/spring/model/*.class");
		for (Resource resource : classes) {
			String name = resource.getFilename().replace(".class", "");
			if (!name.contains("$") && !name.equals("package-info")) {
				Class<?> type = ClassUtils.resolveClassName("io.voucherify.spring.model." + name, null);
				if ((type.isRecord() || type.isEnum()) && !NOT_JSON.contains(type)) {
					types.add(type);
				}
			}
		}
		return types;
	}

}
