package io.voucherify.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration metadata the processor writes for {@link VoucherifyProperties}, as
 * IDEs read it from {@code META-INF/spring-configuration-metadata.json}.
 */
class ConfigurationMetadataTests {

	private static JsonNode metadata;

	@BeforeAll
	static void readMetadata() throws IOException {
		// Spring Boot's jars ship their own metadata: pick the file describing ours.
		JsonMapper jsonMapper = JsonMapper.builder().build();
		List<JsonNode> candidates = new ArrayList<>();
		Enumeration<URL> resources = ConfigurationMetadataTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				JsonNode candidate = jsonMapper.readTree(in);
				for (JsonNode group : candidate.path("groups")) {
					if (VoucherifyProperties.class.getName().equals(group.path("sourceType").asString())) {
						candidates.add(candidate);
						break;
					}
				}
			}
		}
		assertThat(candidates).as("metadata files describing VoucherifyProperties").hasSize(1);
		metadata = candidates.get(0);
	}

	@ParameterizedTest
	@ValueSource(strings = { "enabled", "app-id", "secret-key", "base-url", "api-version", "channel", "connect-timeout",
			"read-timeout", "bulk-read-timeout" })
	void propertyHasDescription(String name) {
		JsonNode property = property("voucherify." + name);
		assertThat(property.path("description").asString()).isNotBlank();
		assertThat(property.path("sourceType").asString()).isEqualTo(VoucherifyProperties.class.getName());
	}

	@ParameterizedTest
	@CsvSource({ "base-url, https://api.voucherify.io", "api-version, v2018-08-01",
			"channel, voucherify-spring-boot-starter", "connect-timeout, 5s", "read-timeout, 30s",
			"bulk-read-timeout, 3m" })
	void propertyHasDefaultValue(String name, String defaultValue) {
		JsonNode property = property("voucherify." + name);
		assertThat(property.path("defaultValue").isString()).isTrue();
		assertThat(property.path("defaultValue").asString()).isEqualTo(defaultValue);
	}

	@Test
	void enabledDefaultsToTrue() {
		JsonNode defaultValue = property("voucherify.enabled").path("defaultValue");
		assertThat(defaultValue.isBoolean()).isTrue();
		assertThat(defaultValue.booleanValue()).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "app-id", "secret-key" })
	void credentialHasNoDefaultValue(String name) {
		assertThat(property("voucherify." + name).has("defaultValue")).isFalse();
	}

	@Test
	void baseUrlHintListsRegionalUrls() {
		JsonNode hint = hint("voucherify.base-url");
		List<String> values = new ArrayList<>();
		for (JsonNode value : hint.path("values")) {
			values.add(value.path("value").asString());
			assertThat(value.path("description").asString()).isNotBlank();
		}
		assertThat(values).containsExactlyInAnyOrder("https://api.voucherify.io", "https://us1.api.voucherify.io",
				"https://as1.api.voucherify.io");
	}

	@Test
	void baseUrlHintAllowsOtherValues() {
		JsonNode hint = hint("voucherify.base-url");
		List<String> providers = new ArrayList<>();
		for (JsonNode provider : hint.path("providers")) {
			providers.add(provider.path("name").asString());
		}
		assertThat(providers).contains("any");
	}

	private static JsonNode hint(String name) {
		for (JsonNode hint : metadata.path("hints")) {
			if (name.equals(hint.path("name").asString())) {
				return hint;
			}
		}
		throw new AssertionError("No hint for " + name);
	}

	private static JsonNode property(String name) {
		for (JsonNode property : metadata.path("properties")) {
			if (name.equals(property.path("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No metadata for " + name);
	}

}
