package io.voucherify.spring.test;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;

/**
 * Configures and starts a {@link VoucherifyEmulator}.
 *
 * @since 0.1.0
 */
public final class VoucherifyEmulatorBuilder {

	private String appId = VoucherifyEmulator.DEFAULT_APP_ID;

	private String secretKey = VoucherifyEmulator.DEFAULT_SECRET_KEY;

	private int port;

	private final List<Resource> seeds = new ArrayList<>();

	VoucherifyEmulatorBuilder() {
	}

	/**
	 * The application id to accept. Defaults to
	 * {@value VoucherifyEmulator#DEFAULT_APP_ID}.
	 * @param appId the application id
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder appId(String appId) {
		this.appId = requireText(appId, "appId");
		return this;
	}

	/**
	 * The secret key to accept. Defaults to
	 * {@value VoucherifyEmulator#DEFAULT_SECRET_KEY}.
	 * @param secretKey the secret key
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder secretKey(String secretKey) {
		this.secretKey = requireText(secretKey, "secretKey");
		return this;
	}

	/**
	 * The port on {@code 127.0.0.1}. Defaults to 0: a free port.
	 * @param port the port, 0 to 65535
	 * @return this builder
	 */
	public VoucherifyEmulatorBuilder port(int port) {
		if (port < 0 || port > 65535) {
			throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
		}
		this.port = port;
		return this;
	}

	/**
	 * Add a seed file, loaded at start and again on {@link VoucherifyEmulator#reset()}.
	 * @param jsonOrCsv a JSON or CSV file
	 * @return this builder
	 * @see VoucherifyEmulator#load(Resource)
	 */
	public VoucherifyEmulatorBuilder seed(Path jsonOrCsv) {
		return seed(new FileSystemResource(Objects.requireNonNull(jsonOrCsv, "jsonOrCsv")));
	}

	/**
	 * Add a seed resource, loaded at start and again on
	 * {@link VoucherifyEmulator#reset()}.
	 * @param jsonOrCsv a JSON or CSV resource
	 * @return this builder
	 * @see VoucherifyEmulator#load(Resource)
	 */
	public VoucherifyEmulatorBuilder seed(Resource jsonOrCsv) {
		this.seeds.add(Objects.requireNonNull(jsonOrCsv, "jsonOrCsv"));
		return this;
	}

	/**
	 * Start the emulator, loading the seed files.
	 * @return the running emulator
	 * @throws IllegalArgumentException if a seed file is invalid
	 * @throws UncheckedIOException if the port cannot be bound
	 */
	public VoucherifyEmulator build() {
		return new VoucherifyEmulator(this.appId, this.secretKey, this.port, this.seeds);
	}

	private static String requireText(@Nullable String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be blank");
		}
		return value;
	}

}
