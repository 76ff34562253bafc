package io.voucherify.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the shared contract: the example payloads and the OpenAPI subset in
 * {@code ../shared/voucherify-api} beside the project's root.
 */
public final class Examples {

	private static final Path API_DIR = Path.of(System.getProperty("voucherify.api.dir", "../../shared/voucherify-api"))
		.toAbsolutePath()
		.normalize();

	private Examples() {
	}

	/**
	 * The directory holding {@code vouchers-openapi-subset.json} and {@code examples/}.
	 */
	public static Path apiDir() {
		return API_DIR;
	}

	/** The OpenAPI subset, the contract of every request and response. */
	public static Path openApiSpec() {
		return API_DIR.resolve("vouchers-openapi-subset.json");
	}

	/**
	 * The text of one file in {@code examples/}, e.g.
	 * {@code get-voucher-200-gift-card.json}.
	 */
	public static String read(String name) {
		try {
			return Files.readString(API_DIR.resolve("examples").resolve(name), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read example " + name + " in " + API_DIR, ex);
		}
	}

}
