package io.voucherify.spring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * Every JSON payload in the contract's {@code examples/} is used by a test, so a new
 * example cannot go unchecked; and the request examples are exactly what the request
 * factories build.
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

		assertThat(examples).hasSizeGreaterThanOrEqualTo(29)
			.allSatisfy((example) -> assertThat(testSources).as(example).contains("\"" + example + "\""));
	}

	@Test
	void theContractIsTheRepositorysOwnCopy() {
		assertThat(Examples.apiDir()).isEqualTo(Path.of("..", "voucherify-api").toAbsolutePath().normalize());
	}

	@Test
	void aMissingContractFailsWithWhereItBelongs(@TempDir Path elsewhere) {
		assertThatIllegalStateException().isThrownBy(() -> Examples.locate(elsewhere))
			.withMessageContaining("The API contract is missing")
			.withMessageContaining("voucherify-api/")
			.withMessageContaining("repository's root");
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
