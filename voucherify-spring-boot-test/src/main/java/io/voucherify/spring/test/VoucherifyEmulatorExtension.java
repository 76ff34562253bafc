package io.voucherify.spring.test;

import java.util.Objects;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * A JUnit 5 extension that runs a {@link VoucherifyEmulator} for tests without Spring.
 * <pre class="code">
 * &#64;RegisterExtension
 * static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();
 *
 * &#64;Test
 * void spendsFromAGiftCard() {
 *     voucherify.emulator().createGiftCard("GIFT-1", 5000);
 *     ...
 * }
 * </pre> In a {@code static} field (or with {@code @ExtendWith}) one emulator serves the
 * whole class, nested classes included, and is closed after it; in an instance field each
 * test gets its own. Before each test the emulator is
 * {@linkplain VoucherifyEmulator#reset() reset} to its seed files, so every test starts
 * from the same state: seed in {@code @BeforeEach} or with seed files, not in
 * {@code @BeforeAll}. Test and lifecycle methods can also declare a
 * {@link VoucherifyEmulator} parameter.
 *
 * @since 0.1.0
 */
public final class VoucherifyEmulatorExtension
		implements BeforeAllCallback, AfterAllCallback, BeforeEachCallback, AfterEachCallback, ParameterResolver {

	private final Supplier<VoucherifyEmulator> factory;

	private @Nullable VoucherifyEmulator emulator;

	/** The extension context that started the emulator, which also stops it. */
	private @Nullable String owner;

	/**
	 * An extension running an emulator with the default settings.
	 */
	public VoucherifyEmulatorExtension() {
		this(VoucherifyEmulator.builder());
	}

	/**
	 * An extension running an emulator configured by a builder (credentials, port, seed
	 * files, job duration).
	 * @param builder the builder, started once per emulator
	 */
	public VoucherifyEmulatorExtension(VoucherifyEmulatorBuilder builder) {
		Objects.requireNonNull(builder, "builder");
		this.factory = builder::build;
	}

	/**
	 * The running emulator, started on first use.
	 * @return the emulator
	 */
	public synchronized VoucherifyEmulator emulator() {
		if (this.emulator == null || !this.emulator.isRunning()) {
			this.emulator = this.factory.get();
		}
		return this.emulator;
	}

	@Override
	public synchronized void beforeAll(ExtensionContext context) {
		if (this.owner == null) {
			emulator();
			this.owner = context.getUniqueId();
		}
	}

	@Override
	public synchronized void afterAll(ExtensionContext context) {
		if (context.getUniqueId().equals(this.owner)) {
			stop();
		}
	}

	@Override
	public synchronized void beforeEach(ExtensionContext context) {
		if (this.owner == null) {
			emulator();
			this.owner = context.getUniqueId();
		}
		else {
			emulator().reset();
		}
	}

	@Override
	public synchronized void afterEach(ExtensionContext context) {
		if (context.getUniqueId().equals(this.owner)) {
			stop();
		}
	}

	@Override
	public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return parameterContext.getParameter().getType() == VoucherifyEmulator.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
		return emulator();
	}

	private void stop() {
		if (this.emulator != null) {
			this.emulator.close();
			this.emulator = null;
		}
		this.owner = null;
	}

}
