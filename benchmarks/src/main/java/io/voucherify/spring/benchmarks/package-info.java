/**
 * JMH benchmarks of the Voucherify client against hand-written clients and the official
 * SDK, with start-up and heap measurements; see {@code BENCHMARKS.md}.
 */
@NullMarked
package io.voucherify.spring.benchmarks;

import org.jspecify.annotations.NullMarked;
