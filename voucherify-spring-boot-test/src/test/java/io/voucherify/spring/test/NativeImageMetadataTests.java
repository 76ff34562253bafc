package io.voucherify.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the build's ahead-of-time processing of this module's test contexts (Boot's
 * {@code process-test-aot}, run before the tests) wrote for a native image: the starter's
 * hints for its wire types and version resource, and the seed files of
 * {@code @AutoConfigureVoucherifyEmulator}.
 */
class NativeImageMetadataTests {

	private static final Path METADATA = Path.of("target", "spring-aot", "test", "resources", "META-INF",
			"native-image", "io.voucherify.spring", "voucherify-spring-boot-test", "reachability-metadata.json");

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

	private static String metadata() throws IOException {
		assertThat(METADATA).as("written by process-test-aot in ./mvnw verify").isRegularFile();
		return Files.readString(METADATA);
	}

}
