/**
 * Actuator health indicator for Voucherify that spares the API quota.
 */
@NullMarked
package io.voucherify.spring.health;

import org.jspecify.annotations.NullMarked;
