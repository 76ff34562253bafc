/**
 * Tests of the Voucherify emulator, driven through the project's client.
 */
@NullMarked
package io.voucherify.spring.test;

import org.jspecify.annotations.NullMarked;
