package io.voucherify.spring;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} of the Voucherify client only, after the
 * starter has applied its own settings; the application's other clients are untouched.
 * Declare beans of this type to add interceptors, headers or request initializers. Beans
 * are applied in {@code @Order}.
 */
@FunctionalInterface
public interface VoucherifyRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the Voucherify client
	 */
	void customize(RestClient.Builder builder);

}
