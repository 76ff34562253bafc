package io.voucherify.spring.test;

import java.util.Arrays;
import java.util.List;

import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.DefaultResourceLoader;
import org.springframework.core.io.ResourceLoader;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Finds {@link AutoConfigureVoucherifyEmulator} on a test class (or an enclosing class of
 * a {@code @Nested} one) and registers the emulator and its connection details in the
 * test's application context. Registered in {@code META-INF/spring.factories}.
 */
class VoucherifyEmulatorContextCustomizerFactory implements ContextCustomizerFactory {

	static final String EMULATOR_BEAN = "autoConfiguredVoucherifyEmulator";

	static final String CONNECTION_DETAILS_BEAN = "autoConfiguredVoucherifyEmulatorConnectionDetails";

	@Override
	public @Nullable ContextCustomizer createContextCustomizer(Class<?> testClass,
			List<ContextConfigurationAttributes> configAttributes) {
		AutoConfigureVoucherifyEmulator annotation = TestContextAnnotationUtils.findMergedAnnotation(testClass,
				AutoConfigureVoucherifyEmulator.class);
		return (annotation != null) ? new Customizer(List.of(annotation.seed())) : null;
	}

	/**
	 * The emulator of a test context, started with its seed files.
	 * @param seed Spring resource locations, such as {@code classpath:vouchers.json}
	 * @return the running emulator
	 */
	static VoucherifyEmulator emulator(String[] seed) {
		ResourceLoader resources = new DefaultResourceLoader();
		VoucherifyEmulatorBuilder builder = VoucherifyEmulator.builder();
		for (String location : seed) {
			builder.seed(resources.getResource(location));
		}
		return builder.build();
	}

	/**
	 * Registers the emulator (started when the context creates its beans, closed with the
	 * context) and its connection details, both primary so that they win over an
	 * application's own (a sample's embedded emulator, say). Equal for equal seeds, so
	 * contexts stay cacheable.
	 */
	static final class Customizer implements ContextCustomizer {

		private final List<String> seed;

		Customizer(List<String> seed) {
			this.seed = seed;
		}

		@Override
		public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration mergedConfig) {
			ConfigurableListableBeanFactory beanFactory = context.getBeanFactory();
			if (!(beanFactory instanceof BeanDefinitionRegistry registry)) {
				throw new IllegalStateException(
						"@AutoConfigureVoucherifyEmulator needs a bean factory that accepts bean definitions, got "
								+ beanFactory.getClass().getName());
			}
			if (registry.containsBeanDefinition(EMULATOR_BEAN)) {
				// AOT mode: the generated code registered the beans, and Spring Framework
				// 7.0.10 (Boot 4.1) then applies the customizer again; 7.0.8 (Boot 4.0)
				// does not.
				return;
			}
			// A factory method and plain arguments, not a supplier lambda: Spring's AOT
			// processing turns these definitions into code, so that the test context also
			// runs in AOT mode (and in a native image).
			RootBeanDefinition emulator = new RootBeanDefinition(VoucherifyEmulatorContextCustomizerFactory.class);
			emulator.setFactoryMethodName("emulator");
			emulator.setTargetType(VoucherifyEmulator.class);
			emulator.getConstructorArgumentValues().addIndexedArgumentValue(0, this.seed.toArray(String[]::new));
			emulator.setDestroyMethodName("close");
			// The test asked for the emulator: it wins over an application's own beans.
			emulator.setPrimary(true);
			registry.registerBeanDefinition(EMULATOR_BEAN, emulator);
			RootBeanDefinition connectionDetails = new RootBeanDefinition(VoucherifyConnectionDetails.class);
			connectionDetails.setFactoryBeanName(EMULATOR_BEAN);
			connectionDetails.setFactoryMethodName("connectionDetails");
			connectionDetails.setPrimary(true);
			registry.registerBeanDefinition(CONNECTION_DETAILS_BEAN, connectionDetails);
		}

		@Override
		public boolean equals(@Nullable Object other) {
			return this == other || (other instanceof Customizer customizer && this.seed.equals(customizer.seed));
		}

		@Override
		public int hashCode() {
			return this.seed.hashCode();
		}

		@Override
		public String toString() {
			return "VoucherifyEmulatorContextCustomizer[seed=" + Arrays.toString(this.seed.toArray()) + "]";
		}

	}

}
