package io.voucherify.spring.benchmarks;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application the benchmarks start: nothing but auto-configuration, as an application
 * that only added dependencies would have. Boot's reactive HTTP client is left out: it
 * comes with Reactor, which Lettuce brings for {@link CallBudgetBenchmark}, no
 * benchmarked client uses it, and without it every context is the one the figures in
 * {@code BENCHMARKS.md} were measured with.
 */
@SpringBootConfiguration(proxyBeanMethods = false)
@EnableAutoConfiguration(
		excludeName = "org.springframework.boot.http.client.autoconfigure.reactive.ReactiveHttpClientAutoConfiguration")
public class BenchmarkApplication {

}
