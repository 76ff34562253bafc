package io.voucherify.spring.test.autoconfigure;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@link VoucherifyEmulatorAutoConfiguration}.
 */
class VoucherifyEmulatorAutoConfigurationTests {

	private final ApplicationContextRunner runner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(VoucherifyEmulatorAutoConfiguration.class, VoucherifyAutoConfiguration.class));

	@Test
	void startsNoEmulatorByDefault() {
		this.runner.withPropertyValues("voucherify.app-id=app", "voucherify.secret-key=secret").run((context) -> {
			assertThat(context).hasNotFailed().doesNotHaveBean(VoucherifyEmulator.class);
			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl())
				.isEqualTo("https://api.voucherify.io");
		});
	}

	@Test
	void startsNoEmulatorWhenDisabled() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=false", "voucherify.app-id=app",
					"voucherify.secret-key=secret")
			.run((context) -> assertThat(context).hasNotFailed().doesNotHaveBean(VoucherifyEmulator.class));
	}

	@Test
	void startsAnEmulatorWhenEnabled() {
		this.runner.withPropertyValues("voucherify.emulator.enabled=true").run((context) -> {
			assertThat(context).hasSingleBean(VoucherifyEmulator.class);
			assertThat(context.getBean(VoucherifyEmulator.class).isRunning()).isTrue();
		});
	}

	@Test
	void pointsTheClientAtTheEmulatorWithoutCredentialProperties() {
		this.runner.withPropertyValues("voucherify.emulator.enabled=true").run((context) -> {
			VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);
			emulator.createGiftCard("GIFT-1", 100);

			assertThat(context).hasSingleBean(VoucherifyConnectionDetails.class);
			assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl()).isEqualTo(emulator.baseUrl());
			assertThat(context.getBean(VouchersOperations.class).getVoucher("GIFT-1").gift().balance()).isEqualTo(100L);
		});
	}

	@Test
	void takesPrecedenceOverTheVoucherifyProperties() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.app-id=real-app",
					"voucherify.secret-key=real-secret", "voucherify.base-url=https://api.voucherify.io")
			.run((context) -> assertThat(context.getBean(VoucherifyConnectionDetails.class).getBaseUrl())
				.startsWith("http://127.0.0.1:"));
	}

	@Test
	void seedsFromTheSeedLocations() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true",
					"voucherify.emulator.seed=classpath:vouchers.json,classpath:vouchers.csv")
			.run((context) -> {
				VouchersOperations vouchers = context.getBean(VouchersOperations.class);
				assertThat(vouchers.getVoucher("SEED-GIFT").gift().balance()).isEqualTo(7500L);
				assertThat(vouchers.getVoucher("CSV-LOYALTY").loyaltyCard().points()).isEqualTo(300L);
			});
	}

	@Test
	void importsTakeTheConfiguredJobDuration() {
		ByteArrayResource csv = new ByteArrayResource(
				"Code,Voucher Type,Value\nLATER,GIFT_VOUCHER,100\n".getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "later.csv";
			}

		};
		this.runner.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.job-duration=1h")
			.run((context) -> {
				VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);

				context.getBean(VouchersOperations.class).importVouchersUsingCsv(csv);

				assertThat(emulator.csvImports()).as("accepted").hasSize(1);
				assertThat(emulator.voucher("LATER")).as("not imported before the hour is up").isEmpty();
			});
	}

	@Test
	void bindsTheRateLimitProperties() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.rate-limit.calls=100",
					"voucherify.emulator.rate-limit.period=1h")
			.run((context) -> {
				VoucherifyEmulatorProperties.RateLimit rateLimit = context.getBean(VoucherifyEmulatorProperties.class)
					.getRateLimit();
				assertThat(rateLimit.getCalls()).isEqualTo(100);
				assertThat(rateLimit.getPeriod()).isEqualTo(Duration.ofHours(1));
			});
	}

	@Test
	void enforcesTheConfiguredRateLimit() {
		// Windows of 1000 days: none ends while the test runs.
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.rate-limit.calls=2",
					"voucherify.emulator.rate-limit.period=1000d")
			.run((context) -> {
				VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);
				VouchersOperations vouchers = context.getBean(VouchersOperations.class);
				emulator.createGiftCard("GIFT-1", 100);
				vouchers.getVoucher("GIFT-1");
				ResponseEntity<Voucher> second = vouchers.getVoucherWithHttpInfo("GIFT-1");

				assertThatExceptionOfType(VoucherifyRateLimitException.class)
					.isThrownBy(() -> vouchers.getVoucher("GIFT-1"));
				assertThat(second.getHeaders().getFirst("X-Rate-Limit-Limit")).isEqualTo("2");
				assertThat(second.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("0");
				assertThat(emulator.rateLimitStats().acceptedCalls()).isEqualTo(2);
				assertThat(emulator.rateLimitStats().rejectedCalls()).isEqualTo(1);
			});
	}

	@Test
	void enforcesNoRateLimitByDefault() {
		this.runner.withPropertyValues("voucherify.emulator.enabled=true").run((context) -> {
			context.getBean(VoucherifyEmulator.class).createGiftCard("GIFT-1", 100);

			ResponseEntity<Voucher> response = context.getBean(VouchersOperations.class)
				.getVoucherWithHttpInfo("GIFT-1");

			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Limit")).isEqualTo("2000");
			assertThat(response.getHeaders().containsHeader("X-Rate-Limit-Type")).isFalse();
		});
	}

	@Test
	void aNonPositiveRateLimitCallsFailsTheStartupNamingTheProperty() {
		this.runner.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.rate-limit.calls=0")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("voucherify.emulator.rate-limit.calls must be positive, was 0"));
	}

	@Test
	void aNonPositiveRateLimitPeriodFailsTheStartupNamingTheProperty() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.rate-limit.calls=10",
					"voucherify.emulator.rate-limit.period=0s")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("voucherify.emulator.rate-limit.period must be at least 1ms, was PT0S"));
	}

	@Test
	void aMissingSeedFailsTheStartup() {
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.seed=classpath:nope.json")
			.run((context) -> assertThat(context).hasFailed()
				.getFailure()
				.rootCause()
				.hasMessageContaining("classpath:nope.json"));
	}

	@Test
	void listensOnTheConfiguredPortWithTheConfiguredCredentials() throws IOException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		this.runner
			.withPropertyValues("voucherify.emulator.enabled=true", "voucherify.emulator.port=" + port,
					"voucherify.emulator.app-id=demo-app", "voucherify.emulator.secret-key=demo-secret")
			.run((context) -> {
				VoucherifyEmulator emulator = context.getBean(VoucherifyEmulator.class);
				assertThat(emulator.baseUrl()).isEqualTo("http://127.0.0.1:" + port);
				assertThat(emulator.appId()).isEqualTo("demo-app");
				assertThat(context.getBean(VoucherifyConnectionDetails.class).getSecretKey()).isEqualTo("demo-secret");
			});
	}

	@Test
	void closesTheEmulatorWithTheContext() {
		VoucherifyEmulator[] emulator = new VoucherifyEmulator[1];

		this.runner.withPropertyValues("voucherify.emulator.enabled=true")
			.run((context) -> emulator[0] = context.getBean(VoucherifyEmulator.class));

		assertThat(emulator[0].isRunning()).isFalse();
	}

	@Test
	void backsOffWhenTheApplicationDefinesAnEmulator() {
		this.runner.withPropertyValues("voucherify.emulator.enabled=true")
			.withUserConfiguration(OwnEmulatorConfiguration.class)
			.run((context) -> {
				assertThat(context).hasSingleBean(VoucherifyEmulator.class);
				assertThat(context.getBean(VoucherifyEmulator.class).appId()).isEqualTo("own-app");
				assertThat(context.getBean(VoucherifyConnectionDetails.class).getAppId()).isEqualTo("own-app");
			});
	}

	@Configuration(proxyBeanMethods = false)
	static class OwnEmulatorConfiguration {

		@Bean(destroyMethod = "close")
		VoucherifyEmulator ownEmulator() {
			return VoucherifyEmulator.builder().appId("own-app").build();
		}

	}

}
