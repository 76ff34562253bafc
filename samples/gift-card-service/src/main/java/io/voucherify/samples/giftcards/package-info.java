/**
 * A gift card service built on the Voucherify starter.
 */
@NullMarked
package io.voucherify.samples.giftcards;

import org.jspecify.annotations.NullMarked;
