package io.voucherify.spring.test;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/**
 * The application of the Spring Boot tests: just auto-configuration, the Voucherify
 * client's included.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
class EmulatorTestApplication {

}
