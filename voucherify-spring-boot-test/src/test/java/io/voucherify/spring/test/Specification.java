package io.voucherify.spring.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API contract the repository keeps in {@code voucherify-api/} at its root: the
 * OpenAPI subset the emulator's answers must conform to. Tests run in this module's
 * folder, one below the root.
 */
final class Specification {

	private static final Path API_DIR = Path.of("..", "voucherify-api").toAbsolutePath().normalize();

	private Specification() {
	}

	/** The OpenAPI subset. */
	static Path openApiSpec() {
		Path spec = API_DIR.resolve("vouchers-openapi-subset.json");
		if (!Files.isRegularFile(spec)) {
			throw new IllegalStateException("The API contract is missing: no " + spec
					+ ". It belongs in voucherify-api/ at the repository's root; restore it from git.");
		}
		return spec;
	}

}
