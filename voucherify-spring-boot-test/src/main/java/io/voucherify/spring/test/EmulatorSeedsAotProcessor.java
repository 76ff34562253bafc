package io.voucherify.spring.test;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import io.voucherify.spring.test.autoconfigure.VoucherifyEmulatorProperties;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.config.ConstructorArgumentValues.ValueHolder;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ResourceLoader;

/**
 * Includes the emulator's classpath seed files in a native image: those of
 * {@link AutoConfigureVoucherifyEmulator#seed()} and of {@code voucherify.emulator.seed},
 * known when the application or test context is processed ahead of time. (The emulator
 * builds its JSON with Jackson's tree model, which needs no reflection hints.) Registered
 * in {@code META-INF/spring/aot.factories}.
 */
class EmulatorSeedsAotProcessor implements BeanFactoryInitializationAotProcessor {

	@Override
	public @Nullable BeanFactoryInitializationAotContribution processAheadOfTime(
			ConfigurableListableBeanFactory beanFactory) {
		Set<String> locations = new LinkedHashSet<>();
		if (beanFactory.containsBeanDefinition(VoucherifyEmulatorContextCustomizerFactory.EMULATOR_BEAN)) {
			ValueHolder seed = beanFactory.getBeanDefinition(VoucherifyEmulatorContextCustomizerFactory.EMULATOR_BEAN)
				.getConstructorArgumentValues()
				.getIndexedArgumentValue(0, String[].class);
			if (seed != null && seed.getValue() instanceof String[] values) {
				locations.addAll(List.of(values));
			}
		}
		ConfigurableEnvironment environment = beanFactory.getBeanProvider(ConfigurableEnvironment.class).getIfUnique();
		if (environment != null) {
			Binder.get(environment)
				.bind(VoucherifyEmulatorProperties.PREFIX + ".seed", Bindable.listOf(String.class))
				.ifBound(locations::addAll);
		}
		List<String> classpath = locations.stream()
			.filter((location) -> location.startsWith(ResourceLoader.CLASSPATH_URL_PREFIX))
			.map((location) -> location.substring(ResourceLoader.CLASSPATH_URL_PREFIX.length()))
			.map((path) -> path.startsWith("/") ? path.substring(1) : path)
			.toList();
		if (classpath.isEmpty()) {
			return null;
		}
		return (generationContext, code) -> classpath
			.forEach(generationContext.getRuntimeHints().resources()::registerPattern);
	}

}
