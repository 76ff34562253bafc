package io.voucherify.spring.readme;

import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.VouchersTemplateBuilder;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * The README's second client, for another Voucherify project, beside the auto-configured
 * one.
 */
@Configuration(proxyBeanMethods = false)
class SecondClientConfiguration {

	// tag::second-client[]
	@Bean
	@Primary
	VouchersTemplate vouchers(VouchersTemplateBuilder builder) {
		return builder.build(); // as auto-configured from voucherify.*
	}

	@Bean
	VouchersTemplate usVouchers(VouchersTemplateBuilder builder, Environment environment) {
		return builder.appId(environment.getRequiredProperty("us.voucherify.app-id"))
			.secretKey(environment.getRequiredProperty("us.voucherify.secret-key"))
			.baseUrl(environment.getProperty("us.voucherify.base-url", VouchersTemplate.US_BASE_URL))
			.build();
	}
	// end::second-client[]

}
