/**
 * Micrometer observations of Voucherify calls: one {@code voucherify.client.requests}
 * observation per call of {@link io.voucherify.spring.VouchersOperations}.
 */
@NullMarked
package io.voucherify.spring.observation;

import org.jspecify.annotations.NullMarked;
