package io.voucherify.samples.giftcards;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A gift card service on the Voucherify starter.
 */
@SpringBootApplication
public class GiftCardServiceApplication {

	public static void main(String[] args) {
		SpringApplication.run(GiftCardServiceApplication.class, args);
	}

}
