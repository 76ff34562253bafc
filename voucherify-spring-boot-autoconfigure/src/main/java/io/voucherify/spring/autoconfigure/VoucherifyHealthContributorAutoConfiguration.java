package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VoucherifyRetrySettings;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.health.VoucherifyHealthIndicator;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures the {@code voucherify} health indicator, switched by
 * {@code management.health.voucherify.enabled}. Its probe is a client of its own with the
 * short {@code voucherify.health.timeout}, recording into the same
 * {@link VoucherifyApiActivity} as the application's client.
 */
@AutoConfiguration(after = VoucherifyAutoConfiguration.class)
@ConditionalOnClass({ HealthIndicator.class, ConditionalOnEnabledHealthIndicator.class })
@ConditionalOnBean({ VouchersTemplate.class, VoucherifyApiActivity.class })
@ConditionalOnEnabledHealthIndicator("voucherify")
public final class VoucherifyHealthContributorAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean(name = { "voucherifyHealthIndicator", "voucherifyHealthContributor" })
	VoucherifyHealthIndicator voucherifyHealthIndicator(VoucherifyProperties properties,
			VoucherifyConnectionDetails connectionDetails, VoucherifyApiActivity activity,
			ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<VoucherifyRestClientCustomizer> voucherifyCustomizers) {
		Duration timeout = properties.getHealth().getTimeout();
		Duration connectTimeout = (properties.getConnectTimeout().compareTo(timeout) < 0)
				? properties.getConnectTimeout() : timeout;
		// The default error handler and no observation: the probe is not an application
		// call.
		VouchersTemplate probeClient = VoucherifyAutoConfiguration
			.templateBuilder(properties, connectionDetails, connectTimeout, timeout, httpClientSettings,
					requestFactoryBuilder, restClientCustomizers, voucherifyCustomizers)
			.activity(activity)
			.retry(VoucherifyRetrySettings.disabled().withMaxTotalTime(timeout))
			.build();
		return new VoucherifyHealthIndicator(probeClient, activity, connectionDetails.getBaseUrl(),
				properties.getHealth().getCacheTtl());
	}

}
