package io.voucherify.spring.autoconfigure;

import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.DefaultVoucherifyErrorHandler;
import io.voucherify.spring.InvalidVoucherifySettingException;
import io.voucherify.spring.VoucherifyApiActivity;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.VouchersTemplateBuilder;
import io.voucherify.spring.observation.VoucherifyObservationConvention;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.ConfigurableBeanFactory;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Scope;
import org.springframework.web.client.RestClient;

/**
 * Auto-configures a {@link VouchersOperations} bean from {@code voucherify.*} properties,
 * as Spring Boot configures {@code RestClient}: a
 * {@link VouchersTemplateBuilderConfigurer} bean, a prototype
 * {@link VouchersTemplateBuilder} bean configured by it (take it to build a second
 * client), and the {@link VouchersTemplate} built from that.
 *
 * @since 0.1.0
 */
@AutoConfiguration(after = RestClientAutoConfiguration.class)
@ConditionalOnClass({ RestClient.class, RestClientCustomizer.class, ClientHttpRequestFactoryBuilder.class })
@ConditionalOnBooleanProperty(name = VoucherifyProperties.PREFIX + ".enabled", matchIfMissing = true)
@EnableConfigurationProperties(VoucherifyProperties.class)
public final class VoucherifyAutoConfiguration {

	@Bean
	@ConditionalOnMissingBean
	VoucherifyErrorHandler voucherifyErrorHandler() {
		return new DefaultVoucherifyErrorHandler();
	}

	@Bean
	@ConditionalOnMissingBean(VoucherifyConnectionDetails.class)
	PropertiesVoucherifyConnectionDetails voucherifyConnectionDetails(VoucherifyProperties properties) {
		return new PropertiesVoucherifyConnectionDetails(properties);
	}

	@Bean
	@ConditionalOnMissingBean
	VoucherifyApiActivity voucherifyApiActivity() {
		return new VoucherifyApiActivity();
	}

	@Bean
	@ConditionalOnMissingBean
	VouchersTemplateBuilderConfigurer vouchersTemplateBuilderConfigurer(VoucherifyProperties properties,
			VoucherifyConnectionDetails connectionDetails, ObjectProvider<HttpClientSettings> httpClientSettings,
			ObjectProvider<ClientHttpRequestFactoryBuilder<?>> requestFactoryBuilder,
			ObjectProvider<RestClientCustomizer> restClientCustomizers,
			ObjectProvider<VoucherifyRestClientCustomizer> voucherifyCustomizers, VoucherifyErrorHandler errorHandler,
			ObjectProvider<ObservationRegistry> observationRegistry,
			ObjectProvider<VoucherifyObservationConvention> observationConvention, VoucherifyApiActivity activity,
			ObjectProvider<VoucherifyCallBudget> callBudget) {
		return new VouchersTemplateBuilderConfigurer(properties, connectionDetails,
				httpClientSettings.getIfAvailable(HttpClientSettings::defaults),
				requestFactoryBuilder.getIfAvailable(ClientHttpRequestFactoryBuilder::detect),
				restClientCustomizers.orderedStream().toList(), voucherifyCustomizers.orderedStream().toList(),
				errorHandler, observationRegistry.getIfUnique(() -> ObservationRegistry.NOOP),
				observationConvention.getIfAvailable(), activity,
				callBudget.getIfAvailable(() -> VoucherifyCallBudget.UNLIMITED));
	}

	@Bean
	@Scope(ConfigurableBeanFactory.SCOPE_PROTOTYPE)
	@ConditionalOnMissingBean
	VouchersTemplateBuilder vouchersTemplateBuilder(VouchersTemplateBuilderConfigurer configurer) {
		return configurer.configure(VouchersTemplate.builder());
	}

	@Bean
	@ConditionalOnMissingBean(VouchersOperations.class)
	VouchersTemplate vouchersTemplate(VouchersTemplateBuilder vouchersTemplateBuilder) {
		try {
			return vouchersTemplateBuilder.build();
		}
		catch (InvalidVoucherifySettingException ex) {
			throw InvalidVoucherifyPropertyException.of(ex);
		}
	}

}
