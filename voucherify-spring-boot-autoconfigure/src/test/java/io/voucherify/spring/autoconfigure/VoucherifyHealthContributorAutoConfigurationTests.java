package io.voucherify.spring.autoconfigure;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.health.VoucherifyHealthIndicator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.convert.DurationStyle;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.health.actuate.endpoint.CompositeHealthDescriptor;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlMatching;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Tests for {@link VoucherifyHealthContributorAutoConfiguration}: conditions, back-off,
 * the {@code voucherify.health.*} properties and their metadata.
 */
class VoucherifyHealthContributorAutoConfigurationTests {

	private static final String APP_ID = "test-app-id";

	private static final String SECRET_KEY = "test-secret-key-a61f04";

	private static final String BEAN_NAME = "voucherifyHealthIndicator";

	private static final String PROBE_URL = "/v1/vouchers/[^/?]+";

	private static final String APP_VOUCHER_PATH = "/v1/vouchers/GIFT-1";

	/**
	 * Plain-text HTTP/2 is off, as in the other WireMock tests (wiremock/wiremock#2637).
	 */
	@RegisterExtension
	static WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
				ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
				VoucherifyAutoConfiguration.class, VoucherifyHealthContributorAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=" + APP_ID, "voucherify.secret-key=" + SECRET_KEY);

	private ApplicationContextRunner againstWireMock() {
		return this.contextRunner.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl());
	}

	// Conditions and back-off

	@Test
	void createsHealthIndicatorWhenHealthIsOnTheClasspath() {
		this.contextRunner.run((context) -> {
			assertThat(context).hasSingleBean(VoucherifyHealthIndicator.class);
			assertThat(context).hasBean(BEAN_NAME);
			assertThat(context.getBean(BEAN_NAME)).isInstanceOf(VoucherifyHealthIndicator.class);
		});
	}

	@Test
	void backsOffWhenVoucherifyHealthIsDisabled() {
		this.contextRunner.withPropertyValues("management.health.voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VoucherifyHealthIndicator.class);
			assertThat(context).hasSingleBean(VouchersOperations.class);
		});
	}

	@Test
	void backsOffWhenDefaultHealthIndicatorsAreDisabled() {
		this.contextRunner.withPropertyValues("management.health.defaults.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VoucherifyHealthIndicator.class);
		});
	}

	@Test
	void explicitlyEnabledWinsOverDisabledDefaults() {
		this.contextRunner
			.withPropertyValues("management.health.defaults.enabled=false", "management.health.voucherify.enabled=true")
			.run((context) -> assertThat(context).hasSingleBean(VoucherifyHealthIndicator.class));
	}

	@Test
	void backsOffWhenUserDefinesBeanNamedVoucherifyHealthIndicator() {
		this.contextRunner.withUserConfiguration(UserHealthIndicatorConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VoucherifyHealthIndicator.class);
			assertThat(context.getBean(BEAN_NAME, HealthIndicator.class).health().getDetails()).containsEntry("user",
					true);
		});
	}

	@Test
	void backsOffWithoutActuatorHealthOnTheClasspath() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(HealthIndicator.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BEAN_NAME);
			assertThat(context).hasSingleBean(VouchersOperations.class);
		});
	}

	@Test
	void backsOffWhenVoucherifyIsDisabled() {
		this.contextRunner.withPropertyValues("voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(BEAN_NAME);
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
		});
	}

	// What the auto-configured indicator does

	@Test
	void probeUsesConfiguredBaseUrlAndCredentials() {
		stubProbe(notFoundJson());
		againstWireMock().run((context) -> {
			Health health = context.getBean(VoucherifyHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("baseUrl", wireMock.baseUrl());
			wireMock.verify(1, getRequestedFor(urlMatching(PROBE_URL)).withHeader("X-App-Id", equalTo(APP_ID))
				.withHeader("X-App-Token", equalTo(SECRET_KEY)));
		});
	}

	@Test
	void realCallOfApplicationClientSuppressesProbe() {
		stubProbe(notFoundJson());
		wireMock.stubFor(
				get(urlEqualTo(APP_VOUCHER_PATH)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		againstWireMock().run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			Health health = context.getBean(VoucherifyHealthIndicator.class).health();
			assertThat(health.getStatus()).isEqualTo(Status.UP);
			assertThat(health.getDetails()).containsEntry("source", "traffic");
			assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	@Test
	void healthTimeoutBoundsTheProbe() {
		stubProbe(notFoundJson().withFixedDelay(1500));
		againstWireMock().withPropertyValues("voucherify.health.timeout=300ms").run((context) -> {
			VoucherifyHealthIndicator indicator = context.getBean(VoucherifyHealthIndicator.class);
			long start = System.nanoTime();
			Health health = indicator.health();
			Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(health.getDetails()).containsEntry("error", "timeout");
			assertThat(elapsed).isLessThan(Duration.ofMillis(1500));
		});
	}

	@Test
	void defaultCacheTtlServesSecondHealthCheckFromCache() {
		stubProbe(notFoundJson());
		againstWireMock().run((context) -> {
			VoucherifyHealthIndicator indicator = context.getBean(VoucherifyHealthIndicator.class);
			indicator.health();
			indicator.health();
			assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
		});
	}

	// What the README says of /actuator/health

	@Test
	void anOutageTakesTheTopLevelStatusDownButNotAGroupWithoutVoucherify() {
		stubProbe(aResponse().withStatus(503));
		againstWireMock()
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withBean("applicationHealthIndicator", HealthIndicator.class, () -> () -> Health.up().build())
			.withPropertyValues("management.endpoint.health.show-components=always",
					"management.endpoint.health.group.lb.include=*",
					"management.endpoint.health.group.lb.exclude=voucherify")
			.run((context) -> {
				HealthEndpoint health = context.getBean(HealthEndpoint.class);
				CompositeHealthDescriptor overall = (CompositeHealthDescriptor) health.health();
				assertThat(overall.getComponents().get("voucherify").getStatus()).isEqualTo(Status.DOWN);
				assertThat(overall.getStatus()).isEqualTo(Status.DOWN);
				assertThat(health.healthForPath("lb").getStatus()).isEqualTo(Status.UP);
			});
	}

	@Test
	void withTheIndicatorSwitchedOffAnOutageLeavesTheTopLevelStatusUp() {
		stubProbe(aResponse().withStatus(503));
		againstWireMock()
			.withConfiguration(AutoConfigurations.of(HealthContributorRegistryAutoConfiguration.class,
					HealthEndpointAutoConfiguration.class))
			.withPropertyValues("management.health.voucherify.enabled=false")
			.run((context) -> assertThat(context.getBean(HealthEndpoint.class).health().getStatus())
				.isEqualTo(Status.UP));
	}

	@Test
	void shortCacheTtlLetsTheNextHealthCheckProbeAgain() {
		stubProbe(notFoundJson());
		againstWireMock().withPropertyValues("voucherify.health.cache-ttl=1ms").run((context) -> {
			VoucherifyHealthIndicator indicator = context.getBean(VoucherifyHealthIndicator.class);
			indicator.health();
			Thread.sleep(50);
			indicator.health();
			assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(2);
		});
	}

	@Test
	void defaultCacheTtlIsMinutes() {
		this.contextRunner
			.run((context) -> assertThat(context.getBean(VoucherifyProperties.class).getHealth().getCacheTtl())
				.isGreaterThanOrEqualTo(Duration.ofMinutes(1)));
	}

	@ParameterizedTest
	@CsvSource({ "health.cache-ttl, 0s", "health.cache-ttl, -1m", "health.timeout, 0ms", "health.timeout, -1s" })
	void failsWhenHealthDurationIsNotPositive(String name, String value) {
		String property = "voucherify." + name;
		this.contextRunner.withPropertyValues(property + "=" + value).run((context) -> {
			assertThat(context).hasFailed();
			assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidVoucherifyPropertyException.class);
			FailureAnalysis analysis = new InvalidVoucherifyPropertyFailureAnalyzer()
				.analyze(context.getStartupFailure());
			assertThat(analysis).isNotNull();
			assertThat(analysis.getDescription()).contains("'" + property + "'").doesNotContain(SECRET_KEY);
			assertThat(analysis.getAction()).startsWith("Set '" + property + "' to ");
		});
	}

	// Metadata

	@Test
	void metadataListsHealthSwitchDefaultingToTrue() throws IOException {
		JsonNode property = property(metadata(), "management.health.voucherify.enabled");
		assertThat(property.path("type").asString()).isEqualTo(Boolean.class.getName());
		assertThat(property.path("description").asString()).isNotBlank();
		assertThat(property.path("defaultValue").isBoolean()).isTrue();
		assertThat(property.path("defaultValue").booleanValue()).isTrue();
	}

	@Test
	void metadataListsCacheTtlWithDefaultOfMinutes() throws IOException {
		JsonNode property = property(metadata(), "voucherify.health.cache-ttl");
		assertThat(property.path("type").asString()).isEqualTo(Duration.class.getName());
		assertThat(property.path("description").asString()).isNotBlank();
		Duration defaultValue = DurationStyle.detectAndParse(property.path("defaultValue").asString());
		assertThat(defaultValue).isGreaterThanOrEqualTo(Duration.ofMinutes(1));
	}

	@Test
	void metadataListsHealthTimeout() throws IOException {
		JsonNode property = property(metadata(), "voucherify.health.timeout");
		assertThat(property.path("description").asString()).isNotBlank();
		assertThat(DurationStyle.detectAndParse(property.path("defaultValue").asString())).isPositive();
	}

	// Helpers

	private static void stubProbe(ResponseDefinitionBuilder response) {
		wireMock.stubFor(get(urlMatching(PROBE_URL)).willReturn(response));
	}

	private static ResponseDefinitionBuilder notFoundJson() {
		return aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-404-voucher-not-found.json"));
	}

	/** This module's metadata: Spring Boot's jars ship their own. */
	private static JsonNode metadata() throws IOException {
		JsonMapper jsonMapper = JsonMapper.builder().build();
		List<JsonNode> candidates = new ArrayList<>();
		Enumeration<URL> resources = VoucherifyHealthContributorAutoConfigurationTests.class.getClassLoader()
			.getResources("META-INF/spring-configuration-metadata.json");
		while (resources.hasMoreElements()) {
			try (InputStream in = resources.nextElement().openStream()) {
				JsonNode candidate = jsonMapper.readTree(in);
				for (JsonNode group : candidate.path("groups")) {
					if (VoucherifyProperties.class.getName().equals(group.path("sourceType").asString())) {
						candidates.add(candidate);
						break;
					}
				}
			}
		}
		assertThat(candidates).as("metadata files describing VoucherifyProperties").hasSize(1);
		return candidates.get(0);
	}

	private static JsonNode property(JsonNode metadata, String name) {
		for (JsonNode property : metadata.path("properties")) {
			if (name.equals(property.path("name").asString())) {
				return property;
			}
		}
		throw new AssertionError("No metadata for " + name);
	}

	@Configuration(proxyBeanMethods = false)
	static class UserHealthIndicatorConfiguration {

		@Bean
		HealthIndicator voucherifyHealthIndicator() {
			return () -> Health.up().withDetail("user", true).build();
		}

	}

}
