/**
 * A local, in-memory Voucherify emulator for tests and samples:
 * {@link io.voucherify.spring.test.VoucherifyEmulator}, its JUnit 5 extension
 * {@link io.voucherify.spring.test.VoucherifyEmulatorExtension} and the
 * {@link io.voucherify.spring.test.AutoConfigureVoucherifyEmulator} annotation for Spring
 * Boot tests.
 */
@NullMarked
package io.voucherify.spring.test;

import org.jspecify.annotations.NullMarked;
