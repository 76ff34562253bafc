package io.voucherify.spring.test;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs a {@link VoucherifyEmulator} for a Spring test's application context and points
 * the auto-configured Voucherify client at it: the emulator is a bean (inject it to seed
 * and inspect) and so are its
 * {@link io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails}, which take
 * precedence over the {@code voucherify.*} properties. No credentials are needed.
 * <pre class="code">
 * &#64;SpringBootTest
 * &#64;AutoConfigureVoucherifyEmulator(seed = "classpath:vouchers.json")
 * class GiftCardTests {
 *
 *     &#64;Autowired VouchersOperations vouchers;
 *
 *     &#64;Autowired VoucherifyEmulator emulator;
 *
 * }
 * </pre> Both beans are primary: they win over an emulator or connection details the
 * application defines itself. One emulator runs per application context and is closed
 * with it. Tests that share a cached context share its emulator: call
 * {@link VoucherifyEmulator#reset()} in {@code @BeforeEach} to start each test from the
 * seed files.
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoConfigureVoucherifyEmulator {

	/**
	 * Seed files loaded when the emulator starts (and on
	 * {@link VoucherifyEmulator#reset()}): Spring resource locations such as
	 * {@code classpath:vouchers.json} or {@code file:data/vouchers.csv}.
	 * @return the seed locations
	 */
	String[] seed() default {};

}
