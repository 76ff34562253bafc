/**
 * Exceptions thrown by {@link io.voucherify.spring.VouchersOperations}, all unchecked and
 * rooted at {@link io.voucherify.spring.exception.VoucherifyException}.
 */
@NullMarked
package io.voucherify.spring.exception;

import org.jspecify.annotations.NullMarked;
