package io.voucherify.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every payload in the shared {@code examples/} is used by a test, so a new example
 * cannot go unchecked; and the request examples are exactly what the request factories
 * build.
 */
class ExamplesCoverageTests {

	@Test
	void everyExampleFileIsUsedByATest() throws IOException {
		List<String> examples;
		try (Stream<Path> files = Files.list(Examples.apiDir().resolve("examples"))) {
			examples = files.map((file) -> file.getFileName().toString())
				.filter((name) -> name.endsWith(".json"))
				.toList();
		}
		String testSources = testSources();

		assertThat(examples).hasSizeGreaterThanOrEqualTo(21)
			.allSatisfy((example) -> assertThat(testSources).as(example).contains("\"" + example + "\""));
	}

	@Test
	void addRequestExampleIsWhatTheAddFactoryBuilds() {
		BalanceUpdateRequest example = JsonMapper.builder()
			.build()
			.readValue(Examples.read("update-balance-request.json"), BalanceUpdateRequest.class);

		assertThat(example).isEqualTo(BalanceUpdateRequest.add(10000));
	}

	@Test
	void subtractRequestExampleIsWhatTheRemoveFactoryBuilds() {
		BalanceUpdateRequest example = JsonMapper.builder()
			.build()
			.readValue(Examples.read("update-balance-request-subtract.COMPOSED.json"), BalanceUpdateRequest.class);

		assertThat(example.amount()).isNegative();
		assertThat(example).isEqualTo(BalanceUpdateRequest.remove(-example.amount())
			.withSourceId(example.sourceId())
			.withReason(example.reason()));
	}

	private static String testSources() throws IOException {
		StringBuilder all = new StringBuilder();
		try (Stream<Path> files = Files.walk(Path.of("src/test/java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				if (!file.getFileName().toString().equals("ExamplesCoverageTests.java")) {
					all.append(Files.readString(file, StandardCharsets.UTF_8));
				}
			}
		}
		return all.toString();
	}

}
