package io.voucherify.spring.readme;

import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The application the README's examples belong to, found by {@link GiftCardsTests}.
 */
@SpringBootApplication
class GiftCardApplication {

}
