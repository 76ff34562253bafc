/**
 * A call budget on Bucket4j: {@link io.voucherify.spring.ratelimit.BucketCallBudget}, in
 * one instance or shared by a fleet through a store such as Redis.
 */
@NullMarked
package io.voucherify.spring.ratelimit;

import org.jspecify.annotations.NullMarked;
