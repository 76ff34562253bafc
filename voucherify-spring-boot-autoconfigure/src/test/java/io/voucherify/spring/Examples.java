package io.voucherify.spring;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the API contract the repository keeps in {@code voucherify-api/} at its root: the
 * example payloads and the OpenAPI subset.
 */
public final class Examples {

	private static final Path API_DIR = locate(Path.of("").toAbsolutePath());

	private Examples() {
	}

	/**
	 * The contract's folder: the first {@code voucherify-api/} holding the OpenAPI subset
	 * in {@code start} or a folder above it (tests run in their module's folder).
	 * @param start where to start looking
	 * @return the folder
	 * @throws IllegalStateException if there is none
	 */
	static Path locate(Path start) {
		for (Path dir = start; dir != null; dir = dir.getParent()) {
			Path candidate = dir.resolve("voucherify-api");
			if (Files.isRegularFile(candidate.resolve("vouchers-openapi-subset.json"))) {
				return candidate;
			}
		}
		throw new IllegalStateException("The API contract is missing: no voucherify-api/ folder with "
				+ "vouchers-openapi-subset.json in " + start + " or a folder above it. It belongs at the "
				+ "repository's root; restore it from git (git checkout -- voucherify-api).");
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
	 * The contract of the three operations that follow the background jobs.
	 */
	public static Path jobsOpenApiSpec() {
		return API_DIR.resolve("async-actions-and-exports-openapi-subset.json");
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
