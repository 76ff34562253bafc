package io.voucherify.spring.test;

import java.nio.file.Path;

/**
 * The shared contract in {@code ../shared/voucherify-api} beside the project's root: the
 * OpenAPI subset the emulator's answers must conform to.
 */
final class Specification {

	private static final Path API_DIR = Path.of(System.getProperty("voucherify.api.dir", "../../shared/voucherify-api"))
		.toAbsolutePath()
		.normalize();

	private Specification() {
	}

	/**
	 * The directory holding {@code vouchers-openapi-subset.json} and {@code examples/}.
	 */
	static Path apiDir() {
		return API_DIR;
	}

	/** The OpenAPI subset. */
	static Path openApiSpec() {
		return API_DIR.resolve("vouchers-openapi-subset.json");
	}

}
