package io.voucherify.spring.test;

import java.util.List;

import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.context.support.GenericApplicationContext;
import org.springframework.test.context.ContextCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The {@link VoucherifyEmulatorContextCustomizerFactory} behind
 * {@link AutoConfigureVoucherifyEmulator}.
 */
class VoucherifyEmulatorContextCustomizerFactoryTests {

	private final VoucherifyEmulatorContextCustomizerFactory factory = new VoucherifyEmulatorContextCustomizerFactory();

	@Test
	void aClassWithoutTheAnnotationGetsNoCustomizer() {
		assertThat(this.factory.createContextCustomizer(Plain.class, List.of())).isNull();
	}

	@Test
	void aNestedClassGetsTheCustomizerOfItsEnclosingClass() {
		assertThat(this.factory.createContextCustomizer(Annotated.Inner.class, List.of()))
			.isEqualTo(this.factory.createContextCustomizer(Annotated.class, List.of()));
	}

	@Test
	void customizersWithTheSameSeedAreEqualSoTheContextIsCached() {
		ContextCustomizer first = this.factory.createContextCustomizer(Annotated.class, List.of());
		ContextCustomizer second = this.factory.createContextCustomizer(SameSeed.class, List.of());
		ContextCustomizer other = this.factory.createContextCustomizer(OtherSeed.class, List.of());

		assertThat(first).isEqualTo(second).hasSameHashCodeAs(second).isNotEqualTo(other);
	}

	@Test
	void theCustomizerRegistersTheEmulatorAndItsConnectionDetails() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			this.factory.createContextCustomizer(Annotated.class, List.of()).customizeContext(context, null);
			context.refresh();

			VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);
			assertThat(emulator.voucher("SEED-GIFT")).isPresent();
			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl()).isEqualTo(emulator.baseUrl());
		}
	}

	@Test
	void aContextWhoseBeansAreRegisteredAlreadyIsLeftAsItIs() {
		// What AOT mode does on Spring Framework 7.0.10: the generated code registers the
		// beans, then the customizer is applied again.
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.setAllowBeanDefinitionOverriding(false); // as in Spring Boot
			ContextCustomizer customizer = this.factory.createContextCustomizer(Annotated.class, List.of());
			customizer.customizeContext(context, null);
			customizer.customizeContext(context, null);
			context.refresh();

			assertThat(context.getBeansOfType(VoucherifyEmulator.class)).hasSize(1);
		}
	}

	@Test
	void theEmulatorsConnectionDetailsWinOverTheApplicationsOwn() {
		try (GenericApplicationContext context = new GenericApplicationContext()) {
			context.registerBean("applicationConnectionDetails", VoucherifyConnectionDetails.class,
					() -> new VoucherifyConnectionDetails() {

						@Override
						public String getBaseUrl() {
							return "https://api.voucherify.io";
						}

						@Override
						public String getAppId() {
							return "real-app";
						}

						@Override
						public String getSecretKey() {
							return "real-secret";
						}

					});
			this.factory.createContextCustomizer(Annotated.class, List.of()).customizeContext(context, null);
			context.refresh();

			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl())
				.isEqualTo(context.getBean(VoucherifyEmulator.class).baseUrl());
		}
	}

	@Test
	void theEmulatorIsClosedWithTheContext() {
		GenericApplicationContext context = new GenericApplicationContext();
		this.factory.createContextCustomizer(Annotated.class, List.of()).customizeContext(context, null);
		context.refresh();
		VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);

		context.close();

		assertThat(emulator.isRunning()).isFalse();
	}

	static class Plain {

	}

	@AutoConfigureVoucherifyEmulator(seed = "classpath:vouchers.json")
	static class Annotated {

		@Nested
		class Inner {

		}

	}

	@AutoConfigureVoucherifyEmulator(seed = "classpath:vouchers.json")
	static class SameSeed {

	}

	@AutoConfigureVoucherifyEmulator(seed = "classpath:vouchers.csv")
	static class OtherSeed {

	}

}
