package io.voucherify.spring.test;

import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.beans.factory.aot.BeanFactoryInitializationAotContribution;
import org.springframework.beans.factory.aot.BeanFactoryInitializationCode;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.beans.factory.support.RootBeanDefinition;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.javapoet.ClassName;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/**
 * The emulator's classpath seed files, from {@code @AutoConfigureVoucherifyEmulator} or
 * {@code voucherify.emulator.seed}, are included in a native image.
 */
class EmulatorSeedsAotProcessorTests {

	private final DefaultListableBeanFactory beanFactory = new DefaultListableBeanFactory();

	@Test
	void theProcessorIsRegisteredForAotProcessing() {
		assertThat(SpringFactoriesLoader.forResourceLocation("META-INF/spring/aot.factories")
			.load(org.springframework.beans.factory.aot.BeanFactoryInitializationAotProcessor.class))
			.hasAtLeastOneElementOfType(EmulatorSeedsAotProcessor.class);
	}

	@Test
	void theAnnotationsClasspathSeedsAreIncluded() {
		RootBeanDefinition emulator = new RootBeanDefinition(VoucherifyEmulatorContextCustomizerFactory.class);
		emulator.getConstructorArgumentValues()
			.addIndexedArgumentValue(0,
					new String[] { "classpath:vouchers.json", "classpath:/seed/cards.csv", "file:data/local.csv" });
		this.beanFactory.registerBeanDefinition(VoucherifyEmulatorContextCustomizerFactory.EMULATOR_BEAN, emulator);

		RuntimeHints hints = hints();

		assertThat(RuntimeHintsPredicates.resource().forResource("vouchers.json")).accepts(hints);
		assertThat(RuntimeHintsPredicates.resource().forResource("seed/cards.csv")).accepts(hints);
		assertThat(hints.resources().resourcePatternHints().flatMap((patterns) -> patterns.getIncludes().stream()))
			.as("a file: seed is not in the image")
			.noneMatch((pattern) -> pattern.getPattern().contains("local.csv"));
	}

	@Test
	void thePropertysClasspathSeedsAreIncluded() {
		this.beanFactory.registerSingleton("environment",
				new MockEnvironment().withProperty("voucherify.emulator.seed", "classpath:demo-vouchers.json"));

		assertThat(RuntimeHintsPredicates.resource().forResource("demo-vouchers.json")).accepts(hints());
	}

	@Test
	void withoutClasspathSeedsThereIsNothingToInclude() {
		this.beanFactory.registerSingleton("environment", new StandardEnvironment());

		assertThat(new EmulatorSeedsAotProcessor().processAheadOfTime(this.beanFactory)).isNull();
	}

	private RuntimeHints hints() {
		BeanFactoryInitializationAotContribution contribution = new EmulatorSeedsAotProcessor()
			.processAheadOfTime(this.beanFactory);
		assertThat(contribution).isNotNull();
		DefaultGenerationContext generationContext = new DefaultGenerationContext(
				new ClassNameGenerator(ClassName.get(getClass())), new InMemoryGeneratedFiles());
		contribution.applyTo(generationContext, mock(BeanFactoryInitializationCode.class));
		return generationContext.getRuntimeHints();
	}

}
