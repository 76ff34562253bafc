package io.voucherify.samples.giftcards;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The emulator or the real API is chosen when the application starts, with the same bean
 * definitions either way, so that an application processed ahead of time (its conditions
 * evaluated at build time) still makes the choice at run time. {@code AotModeIT} runs
 * both choices on the AOT-processed jar.
 */
class EmbeddedVoucherifyConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner(() -> {
		// Converts '2s' to a Duration in @Value, as in the application.
		AnnotationConfigApplicationContext context = new AnnotationConfigApplicationContext();
		context.getBeanFactory().setConversionService(ApplicationConversionService.getSharedInstance());
		return context;
	}).withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class))
		.withUserConfiguration(EmbeddedVoucherifyConfiguration.class)
		.withPropertyValues("demo.emulator.job-duration=0s");

	@Test
	void withoutAnAppIdTheClientTalksToTheEmbeddedEmulator() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasNotFailed();
			VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);
			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(context.getBean(VouchersTemplate.class).getVoucher("GIFT-DEMO-0001").code())
				.isEqualTo("GIFT-DEMO-0001");
		});
	}

	@Test
	void theEmbeddedEmulatorEnforcesNoRateLimitByDefault() {
		this.contextRunner.run((context) -> {
			ResponseEntity<Voucher> response = context.getBean(VouchersTemplate.class)
				.getVoucherWithHttpInfo("GIFT-DEMO-0001");

			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Limit")).isEqualTo("2000");
			assertThat(response.getHeaders().containsHeader("X-Rate-Limit-Type")).isFalse();
		});
	}

	@Test
	void theDemoRateLimitPropertiesLimitTheEmbeddedEmulator() {
		// Windows of 1000 days: none ends while the test runs.
		this.contextRunner
			.withPropertyValues("demo.emulator.rate-limit.calls=1", "demo.emulator.rate-limit.period=1000d")
			.run((context) -> {
				VouchersTemplate vouchers = context.getBean(VouchersTemplate.class);
				vouchers.getVoucher("GIFT-DEMO-0001");

				assertThatExceptionOfType(VoucherifyRateLimitException.class)
					.isThrownBy(() -> vouchers.getVoucher("GIFT-DEMO-0001"));
				assertThat(context.getBean(VoucherifyEmulator.class).rateLimitStats().rejectedCalls()).isEqualTo(1);
			});
	}

	@Test
	void aNonPositiveDemoRateLimitFailsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("demo.emulator.rate-limit.calls=0")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("demo.emulator.rate-limit.calls must be positive, was 0"));
	}

	@Test
	void withAnAppIdTheClientTalksToTheConfiguredApiAndNoEmulatorIsStarted() {
		this.contextRunner
			.withPropertyValues("voucherify.app-id=my-app", "voucherify.secret-key=my-key",
					"voucherify.base-url=https://us1.api.voucherify.io")
			.run((context) -> {
				assertThat(context).hasNotFailed();
				VoucherifyConnectionDetails details = context.getBean(VoucherifyConnectionDetails.class);
				assertThat(details.getBaseUrl()).isEqualTo("https://us1.api.voucherify.io");
				assertThat(details.getAppId()).isEqualTo("my-app");
				assertThat(details.getSecretKey()).isEqualTo("my-key");
				assertThat(details).asString().doesNotContain("my-key");
				assertThat(context).hasSingleBean(VouchersTemplate.class);
				// The emulator's definition is there, as in a build without credentials,
				// but it is lazy: nothing started it.
				assertThat(context.getBeanFactory().containsBeanDefinition("voucherifyEmulator")).isTrue();
				assertThat(context.getBeanFactory().containsSingleton("voucherifyEmulator")).isFalse();
			});
	}

	@Test
	void demoEmulatorPortPutsTheEmbeddedEmulatorOnAFixedPortForOtherInstances() throws IOException {
		int port = freePort();
		this.contextRunner.withPropertyValues("demo.emulator.port=" + port).run((context) -> {
			assertThat(context.getBean(VoucherifyEmulator.class).port()).isEqualTo(port);
			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl())
				.isEqualTo("http://127.0.0.1:" + port);
		});
	}

	@Test
	void aDemoEmulatorPortOutOfRangeFailsTheStartupNamingTheProperty() {
		this.contextRunner.withPropertyValues("demo.emulator.port=65536")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("demo.emulator.port must be between 0 and 65535, was 65536"));
	}

	@Test
	void theEmulatorEndpointCountsTheEmbeddedEmulatorsCalls() {
		this.contextRunner.run((context) -> {
			context.getBean(VouchersTemplate.class).getVoucher("GIFT-DEMO-0001");

			assertThat(context.getBean(EmulatorEndpoint.class).emulator()).containsEntry("acceptedCalls", 1L)
				.containsEntry("rejectedCalls", 0L);
		});
	}

	@Test
	void withAnAppIdTheEmulatorEndpointFindsNothingAndStartsNoEmulator() {
		this.contextRunner
			.withPropertyValues("voucherify.app-id=my-app", "voucherify.secret-key=my-key",
					"voucherify.base-url=https://us1.api.voucherify.io")
			.run((context) -> {
				assertThat(context.getBean(EmulatorEndpoint.class).emulator()).isNull();
				assertThat(context.getBeanFactory().containsSingleton("voucherifyEmulator")).isFalse();
			});
	}

	@Test
	void withAnAppIdAndNoSecretKeyStartUpFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("voucherify.app-id=my-app")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("voucherify.secret-key"));
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			return socket.getLocalPort();
		}
	}

}
