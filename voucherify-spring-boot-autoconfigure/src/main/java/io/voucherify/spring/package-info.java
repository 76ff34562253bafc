/**
 * Client for the Voucherify Vouchers API: {@link io.voucherify.spring.VouchersOperations}
 * and its implementation {@link io.voucherify.spring.VouchersTemplate}.
 */
@NullMarked
package io.voucherify.spring;

import org.jspecify.annotations.NullMarked;
