/**
 * Auto-configuration that runs a {@link io.voucherify.spring.test.VoucherifyEmulator}
 * inside an application when {@code voucherify.emulator.enabled=true}.
 */
@NullMarked
package io.voucherify.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
