package io.voucherify.spring.test;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The API contract the repository keeps in {@code voucherify-api/} at its root: the
 * OpenAPI subsets the emulator's answers must conform to, and the spec's examples. Tests
 * run in this module's folder, one below the root.
 */
final class Specification {

	private static final Path API_DIR = Path.of("..", "voucherify-api").toAbsolutePath().normalize();

	private Specification() {
	}

	/** The OpenAPI subset of the nine Vouchers operations. */
	static Path openApiSpec() {
		return existing(API_DIR.resolve("vouchers-openapi-subset.json"));
	}

	/** The OpenAPI subset of Get Async Action, Get Export and Download Export. */
	static Path asyncActionsAndExportsSpec() {
		return existing(API_DIR.resolve("async-actions-and-exports-openapi-subset.json"));
	}

	/** The folder of the spec's example payloads. */
	static Path examples() {
		Path examples = API_DIR.resolve("examples");
		if (!Files.isDirectory(examples)) {
			throw missing(examples);
		}
		return examples;
	}

	private static Path existing(Path spec) {
		if (!Files.isRegularFile(spec)) {
			throw missing(spec);
		}
		return spec;
	}

	private static IllegalStateException missing(Path path) {
		return new IllegalStateException("The API contract is missing: no " + path
				+ ". It belongs in voucherify-api/ at the repository's root; restore it from git.");
	}

}
