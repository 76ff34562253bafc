/**
 * Tests of the emulator's auto-configuration.
 */
@NullMarked
package io.voucherify.spring.test.autoconfigure;

import org.jspecify.annotations.NullMarked;
