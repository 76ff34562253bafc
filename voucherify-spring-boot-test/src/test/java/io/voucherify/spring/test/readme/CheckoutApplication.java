package io.voucherify.spring.test.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application of the README's emulator example.
 */
@SpringBootApplication
class CheckoutApplication {

}
