package io.voucherify.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build's ahead-of-time processing of this module's test contexts (Boot's
 * {@code process-test-aot}, run before the tests) wrote for a native image: the starter's
 * hints for its wire types and version resource, and the seed files of
 * {@code @AutoConfigureVoucherifyEmulator}.
 */
class NativeImageMetadataTests {

	/** This module's, or the Boot 4.1 pass's when it runs these tests. */
	private static final Path METADATA = Path
		.of(System.getProperty("aot.test.resources", "target/spring-aot/test/resources"))
		.resolve("META-INF/native-image/io.voucherify.spring");

	@Test
	void theModelsReflectionHintsReachTheMetadata() throws IOException {
		assertThat(metadata()).contains("\"io.voucherify.spring.model.Voucher\"",
				"\"io.voucherify.spring.model.AsyncActionDetails\"", "\"io.voucherify.spring.model.ExportStatus\"",
				"\"io.voucherify.spring.model.VoucherifyError\"");
	}

	@Test
	void theVersionResourceAndTheSeedFilesAreIncluded() throws IOException {
		assertThat(metadata()).contains("voucherify-version.properties", "\"vouchers.json\"", "\"vouchers.csv\"");
	}

	/** The reachability metadata of the processed module, whatever its artifact id. */
	private static String metadata() throws IOException {
		assertThat(METADATA).as("written by process-test-aot in ./mvnw verify").isDirectory();
		try (Stream<Path> files = Files.walk(METADATA)) {
			Path metadata = files.filter((file) -> file.endsWith("reachability-metadata.json"))
				.findFirst()
				.orElseThrow();
			return Files.readString(metadata);
		}
	}

}
