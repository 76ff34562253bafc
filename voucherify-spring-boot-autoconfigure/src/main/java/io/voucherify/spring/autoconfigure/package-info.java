/**
 * Spring Boot auto-configuration for the Voucherify client.
 */
@NullMarked
package io.voucherify.spring.autoconfigure;

import org.jspecify.annotations.NullMarked;
