/**
 * Request and response types of the Voucherify Vouchers API. Every response field may be
 * {@code null}: Voucherify omits or nulls fields freely, even those its schema requires.
 */
@NullMarked
package io.voucherify.spring.model;

import org.jspecify.annotations.NullMarked;
