package io.voucherify.spring;

import org.springframework.web.client.RestClient;

/**
 * Customizes the {@link RestClient.Builder} of the Voucherify client only, after the
 * starter has applied its own settings; the application's other clients are untouched.
 * Declare beans of this type to add headers, request initializers or interceptors. Beans
 * are applied in {@code @Order}. Mind that any interceptor makes Spring buffer each
 * request body in memory, the CSV upload included.
 *
 * @since 0.1.0
 */
@FunctionalInterface
public interface VoucherifyRestClientCustomizer {

	/**
	 * Customize the builder.
	 * @param builder the builder of the Voucherify client
	 */
	void customize(RestClient.Builder builder);

}
