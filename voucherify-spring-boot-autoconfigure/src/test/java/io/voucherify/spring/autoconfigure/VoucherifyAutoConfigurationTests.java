package io.voucherify.spring.autoconfigure;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.DefaultVoucherifyErrorHandler;
import io.voucherify.spring.Examples;
import io.voucherify.spring.TestClients;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.Voucher;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.boot.http.client.ClientHttpRequestFactoryBuilder;
import org.springframework.boot.http.client.HttpClientSettings;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.RestClientCustomizer;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.io.support.SpringFactoriesLoader;
import org.springframework.http.HttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notContaining;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.mockito.Mockito.mock;

/**
 * Tests for {@link VoucherifyAutoConfiguration}: conditions, defaults, overrides,
 * back-off, validation of the properties, and what the auto-configured client sends.
 */
class VoucherifyAutoConfigurationTests {

	private static final String APP_ID = "test-app-id";

	private static final String SECRET_KEY = "test-secret-key-5f8e2a";

	private static final String VOUCHER_PATH = "/v1/vouchers/GIFT-1";

	private static final String EXPORT_PATH = "/v1/vouchers/GIFT-1/transactions/export";

	/**
	 * Plain-text HTTP/2 is off: the JDK client's h2c upgrade of a request with a body
	 * intermittently breaks WireMock's connection (wiremock/wiremock#2637). Voucherify
	 * itself is HTTPS only, where HTTP/2 is negotiated without an upgrade.
	 */
	@RegisterExtension
	static WireMockExtension wireMock = TestClients.wireMock();

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner().withConfiguration(
			AutoConfigurations.of(HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
					RestClientAutoConfiguration.class, VoucherifyAutoConfiguration.class));

	private ApplicationContextRunner withCredentials() {
		return this.contextRunner.withPropertyValues("voucherify.app-id=" + APP_ID,
				"voucherify.secret-key=" + SECRET_KEY);
	}

	private ApplicationContextRunner againstWireMock() {
		return withCredentials().withPropertyValues("voucherify.base-url=" + wireMock.baseUrl());
	}

	private static void stubGiftCard() {
		wireMock.stubFor(get(VOUCHER_PATH).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
	}

	// Beans and conditions

	@Test
	void createsVouchersTemplateWhenCredentialsAreSet() {
		withCredentials().run((context) -> {
			assertThat(context).hasSingleBean(VouchersOperations.class);
			assertThat(context.getBean(VouchersOperations.class)).isInstanceOf(VouchersTemplate.class);
		});
	}

	@Test
	void createsDefaultErrorHandlerWhenCredentialsAreSet() {
		withCredentials().run((context) -> {
			assertThat(context).hasSingleBean(VoucherifyErrorHandler.class);
			assertThat(context.getBean(VoucherifyErrorHandler.class))
				.isExactlyInstanceOf(DefaultVoucherifyErrorHandler.class);
		});
	}

	@Test
	void backsOffWhenDisabled() {
		withCredentials().withPropertyValues("voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
			assertThat(context).doesNotHaveBean(VoucherifyErrorHandler.class);
			assertThat(context).doesNotHaveBean(VoucherifyProperties.class);
		});
	}

	@Test
	void startsWithoutCredentialsWhenDisabled() {
		this.contextRunner.withPropertyValues("voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
		});
	}

	@Test
	void backsOffWhenUserDefinesVouchersOperations() {
		this.contextRunner.withUserConfiguration(UserVouchersOperationsConfiguration.class).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasSingleBean(VouchersOperations.class);
			assertThat(context).doesNotHaveBean(VouchersTemplate.class);
			assertThat(context.getBean(VouchersOperations.class))
				.isSameAs(context.getBean(UserVouchersOperationsConfiguration.class).vouchersOperations);
		});
	}

	@Test
	void userErrorHandlerReplacesDefault() {
		withCredentials().withUserConfiguration(UserErrorHandlerConfiguration.class).run((context) -> {
			assertThat(context).hasSingleBean(VoucherifyErrorHandler.class);
			assertThat(context).doesNotHaveBean(DefaultVoucherifyErrorHandler.class);
			assertThat(context.getBean(VoucherifyErrorHandler.class)).isInstanceOf(UserErrorHandler.class);
		});
	}

	@Test
	void userErrorHandlerIsUsedForFailedResponses() {
		wireMock.stubFor(get(VOUCHER_PATH).willReturn(notFound().withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-404-voucher-not-found.json"))));
		againstWireMock().withUserConfiguration(UserErrorHandlerConfiguration.class).run((context) -> {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			assertThatExceptionOfType(UserException.class).isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
				.withMessage("user handler: 404");
		});
	}

	@Test
	void backsOffWhenRestClientIsNotOnTheClasspath() {
		withCredentials().withClassLoader(new FilteredClassLoader(RestClient.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
		});
	}

	@Test
	void backsOffWhenBootRestClientCustomizerIsNotOnTheClasspath() {
		withCredentials().withClassLoader(new FilteredClassLoader(RestClientCustomizer.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
		});
	}

	@Test
	void backsOffWhenBootHttpClientSupportIsNotOnTheClasspath() {
		withCredentials().withClassLoader(new FilteredClassLoader(ClientHttpRequestFactoryBuilder.class))
			.run((context) -> {
				assertThat(context).hasNotFailed();
				assertThat(context).doesNotHaveBean(VouchersOperations.class);
			});
	}

	// Validation of the properties

	@Test
	void failsWhenAppIdIsMissing() {
		this.contextRunner.withPropertyValues("voucherify.secret-key=" + SECRET_KEY)
			.run(failsWithAnalysisNaming("voucherify.app-id"));
	}

	@Test
	void failsWhenAppIdIsBlank() {
		withCredentials().withPropertyValues("voucherify.app-id=  ").run(failsWithAnalysisNaming("voucherify.app-id"));
	}

	@Test
	void failsWhenSecretKeyIsMissing() {
		this.contextRunner.withPropertyValues("voucherify.app-id=" + APP_ID)
			.run(failsWithAnalysisNaming("voucherify.secret-key"));
	}

	@Test
	void failsWhenSecretKeyIsBlank() {
		withCredentials().withPropertyValues("voucherify.secret-key= ")
			.run(failsWithAnalysisNaming("voucherify.secret-key"));
	}

	@Test
	void failsWhenApiVersionIsBlank() {
		withCredentials().withPropertyValues("voucherify.api-version=")
			.run(failsWithAnalysisNaming("voucherify.api-version"));
	}

	@Test
	void failsWhenChannelIsBlank() {
		withCredentials().withPropertyValues("voucherify.channel=").run(failsWithAnalysisNaming("voucherify.channel"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "not a url", "ftp://x", "https://api.voucherify.io?x=1", "https://api.voucherify.io#top",
			"api.voucherify.io" })
	void failsWhenBaseUrlIsMalformed(String baseUrl) {
		withCredentials().withPropertyValues("voucherify.base-url=" + baseUrl).run((context) -> {
			FailureAnalysis analysis = analyzeStartupFailure(context);
			assertThat(analysis.getDescription()).contains("voucherify.base-url");
			assertThat(analysis.getAction()).contains("Set 'voucherify.base-url'")
				.contains(VouchersTemplate.DEFAULT_BASE_URL, VouchersTemplate.US_BASE_URL,
						VouchersTemplate.ASIA_BASE_URL);
			assertSecretKeyNotDisclosed(context, analysis);
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "app-id", "secret-key", "base-url" })
	void failsWhenAValueIsAnUnresolvedPlaceholder(String property) {
		withCredentials().withPropertyValues("voucherify." + property + "=${VOUCHERIFY_UNSET_VARIABLE_7F3A}")
			.run((context) -> {
				FailureAnalysis analysis = analyzeStartupFailure(context);
				assertThat(analysis.getDescription()).contains("'voucherify." + property + "' is not set")
					.contains("${VOUCHERIFY_UNSET_VARIABLE_7F3A}");
				assertThat(analysis.getAction()).startsWith("Set 'voucherify." + property + "' to ")
					.contains("environment variable VOUCHERIFY_UNSET_VARIABLE_7F3A");
				assertSecretKeyNotDisclosed(context, analysis);
			});
	}

	@Test
	void failsWhenASecretKeyStillHoldsAPlaceholderNamingTheVariableToSet() {
		withCredentials().withPropertyValues("voucherify.secret-key=${my.voucherify-secret:${OTHER_UNSET_7F3A}}")
			.run((context) -> {
				FailureAnalysis analysis = analyzeStartupFailure(context);
				assertThat(analysis.getDescription()).contains("'voucherify.secret-key' is not set");
				assertThat(analysis.getAction()).contains("environment variable OTHER_UNSET_7F3A");
			});
	}

	@Test
	void valuesThatMerelyHoldDollarsOrBracesStart() {
		this.contextRunner
			.withPropertyValues("voucherify.app-id=$app{1}", "voucherify.secret-key=pa$$w{or}d$",
					"voucherify.base-url=" + wireMock.baseUrl())
			.run((context) -> {
				assertThat(context).hasNotFailed();
				stubGiftCard();
				context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
				wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("X-App-Id", equalTo("$app{1}"))
					.withHeader("X-App-Token", equalTo("pa$$w{or}d$")));
			});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void theQuickstartWithItsVariableUnsetDoesNotStart(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("voucherify.app-id", "${VOUCHERIFY_APP_ID_UNSET_7F3A}",
				"voucherify.secret-key", "${VOUCHERIFY_SECRET_KEY_UNSET_7F3A}"));
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("Property 'voucherify.app-id' is not set")
			.contains("environment variable VOUCHERIFY_APP_ID_UNSET_7F3A");
	}

	@ParameterizedTest
	@ValueSource(strings = { "app-id", "secret-key", "channel", "api-version" })
	void failsWhenAHeaderValueEndsWithANewline(String property) {
		withExactly("voucherify." + property, SECRET_KEY + "\n")
			.run(failsWithControlCharacterAnalysisNaming("voucherify." + property));
	}

	@ParameterizedTest
	@ValueSource(strings = { "app-id", "secret-key", "channel", "api-version" })
	void failsWhenAHeaderValueHoldsACarriageReturnAndLineFeed(String property) {
		withExactly("voucherify." + property, SECRET_KEY + "\r\nX-Injected: 1")
			.run(failsWithControlCharacterAnalysisNaming("voucherify." + property));
	}

	@ParameterizedTest
	@ValueSource(strings = { "app-id", "secret-key", "channel", "api-version" })
	void failsWhenAHeaderValueHoldsANul(String property) {
		withExactly("voucherify." + property, SECRET_KEY + "\u0000")
			.run(failsWithControlCharacterAnalysisNaming("voucherify." + property));
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://api.voucherify.io", "http://us1.api.voucherify.io/", "HTTP://10.0.0.8:8080",
			"http://localhost.example.com" })
	void failsWhenBaseUrlIsPlainHttpToAnotherHost(String baseUrl) {
		withCredentials().withPropertyValues("voucherify.base-url=" + baseUrl).run((context) -> {
			FailureAnalysis analysis = analyzeStartupFailure(context);
			assertThat(analysis.getDescription()).contains("'voucherify.base-url'").contains("plain http");
			assertThat(analysis.getAction()).contains("https").contains("voucherify.allow-plain-http=true");
			assertSecretKeyNotDisclosed(context, analysis);
		});
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void plainHttpToAnotherHostStartsWithAWarningWhenExplicitlyAllowed(CapturedOutput output) {
		withCredentials()
			.withPropertyValues("voucherify.base-url=http://voucherify-proxy.internal:8080",
					"voucherify.allow-plain-http=true")
			.run((context) -> {
				assertThat(context).hasNotFailed().hasSingleBean(VouchersOperations.class);
				assertThat(output).contains("WARN")
					.contains("plain http to voucherify-proxy.internal")
					.doesNotContain(SECRET_KEY);
			});
	}

	@ParameterizedTest
	@ValueSource(
			strings = { "http://127.0.0.1:8080", "http://localhost:8080", "http://[::1]:8080", "http://127.1.2.3" })
	@ExtendWith(OutputCaptureExtension.class)
	void plainHttpToThisMachineStartsWithoutAWarning(String baseUrl, CapturedOutput output) {
		withCredentials().withPropertyValues("voucherify.base-url=" + baseUrl).run((context) -> {
			assertThat(context).hasNotFailed().hasSingleBean(VouchersOperations.class);
			assertThat(output).doesNotContain("plain http");
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "read-timeout", "connect-timeout", "bulk-read-timeout" })
	void failsWhenTimeoutIsZero(String timeout) {
		withCredentials().withPropertyValues("voucherify." + timeout + "=0s")
			.run(failsWithAnalysisNaming("voucherify." + timeout));
	}

	@ParameterizedTest
	@ValueSource(strings = { "read-timeout", "connect-timeout", "bulk-read-timeout" })
	void failsWhenTimeoutIsNegative(String timeout) {
		withCredentials().withPropertyValues("voucherify." + timeout + "=-1s")
			.run(failsWithAnalysisNaming("voucherify." + timeout));
	}

	@Test
	void failureAnalyzerIsRegisteredInSpringFactories() {
		List<FailureAnalyzer> analyzers = SpringFactoriesLoader.forDefaultResourceLocation(getClass().getClassLoader())
			.load(FailureAnalyzer.class, null,
					// Other analyzers may need constructor arguments: only ours matters
					// here.
					SpringFactoriesLoader.FailureHandler.handleMessage((message, failure) -> {
					}));
		assertThat(analyzers).hasAtLeastOneElementOfType(InvalidVoucherifyPropertyFailureAnalyzer.class);
	}

	@Test
	@ExtendWith(OutputCaptureExtension.class)
	void failureAnalysisIsReportedWhenApplicationFailsToStart(CapturedOutput output) {
		SpringApplication application = new SpringApplication(StartupConfiguration.class);
		application.setWebApplicationType(WebApplicationType.NONE);
		application.setDefaultProperties(Map.of("voucherify.secret-key", SECRET_KEY));
		assertThatExceptionOfType(BeanCreationException.class).isThrownBy(application::run);
		assertThat(output).contains("APPLICATION FAILED TO START")
			.contains("The Voucherify client could not be configured: Property 'voucherify.app-id' is not set.")
			.contains("Set 'voucherify.app-id' to the Application ID of your Voucherify project")
			.doesNotContain(SECRET_KEY);
	}

	private ContextConsumer<AssertableApplicationContext> failsWithAnalysisNaming(String property) {
		return (context) -> {
			FailureAnalysis analysis = analyzeStartupFailure(context);
			assertThat(analysis.getDescription()).contains("'" + property + "'");
			assertThat(analysis.getAction()).startsWith("Set '" + property + "' to ");
			assertSecretKeyNotDisclosed(context, analysis);
		};
	}

	private static FailureAnalysis analyzeStartupFailure(AssertableApplicationContext context) {
		assertThat(context).hasFailed();
		assertThat(context.getStartupFailure()).hasRootCauseInstanceOf(InvalidVoucherifyPropertyException.class);
		FailureAnalysis analysis = new InvalidVoucherifyPropertyFailureAnalyzer().analyze(context.getStartupFailure());
		assertThat(analysis).isNotNull();
		return analysis;
	}

	/**
	 * The credentials and a property of exactly this value: property values given as
	 * {@code key=value} text are trimmed.
	 */
	private ApplicationContextRunner withExactly(String property, String value) {
		return withCredentials().withInitializer((context) -> context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("exact", Map.of(property, value))));
	}

	private ContextConsumer<AssertableApplicationContext> failsWithControlCharacterAnalysisNaming(String property) {
		return (context) -> {
			FailureAnalysis analysis = analyzeStartupFailure(context);
			assertThat(analysis.getDescription()).contains("'" + property + "'").contains("control character");
			assertThat(analysis.getAction()).contains(property).contains("newline");
			assertSecretKeyNotDisclosed(context, analysis);
		};
	}

	private static void assertSecretKeyNotDisclosed(AssertableApplicationContext context, FailureAnalysis analysis) {
		assertThat(analysis.getDescription()).doesNotContain(SECRET_KEY);
		assertThat(analysis.getAction()).doesNotContain(SECRET_KEY);
		for (Throwable failure = context.getStartupFailure(); failure != null; failure = failure.getCause()) {
			assertThat(failure.getMessage()).doesNotContain(SECRET_KEY);
		}
	}

	// Properties

	@Test
	void defaultPropertiesMatchTemplateDefaults() {
		withCredentials().run((context) -> {
			VoucherifyProperties properties = context.getBean(VoucherifyProperties.class);
			assertThat(properties.isEnabled()).isTrue();
			assertThat(properties.getBaseUrl()).isEqualTo(VouchersTemplate.DEFAULT_BASE_URL);
			assertThat(properties.getApiVersion()).isEqualTo(VouchersTemplate.DEFAULT_API_VERSION);
			assertThat(properties.getChannel()).isEqualTo(VouchersTemplate.DEFAULT_CHANNEL);
			assertThat(properties.getConnectTimeout()).isEqualTo(VouchersTemplate.DEFAULT_CONNECT_TIMEOUT);
			assertThat(properties.getReadTimeout()).isEqualTo(VouchersTemplate.DEFAULT_READ_TIMEOUT);
			assertThat(properties.getBulkReadTimeout()).isEqualTo(VouchersTemplate.DEFAULT_BULK_READ_TIMEOUT);
		});
	}

	@Test
	void overriddenPropertiesBind() {
		withCredentials().withPropertyValues("voucherify.base-url=" + VouchersTemplate.US_BASE_URL,
				"voucherify.api-version=v2024-01-01", "voucherify.channel=my-shop", "voucherify.connect-timeout=150ms",
				"voucherify.read-timeout=3s", "voucherify.bulk-read-timeout=10m")
			.run((context) -> {
				assertThat(context).hasSingleBean(VouchersOperations.class);
				VoucherifyProperties properties = context.getBean(VoucherifyProperties.class);
				assertThat(properties.getAppId()).isEqualTo(APP_ID);
				assertThat(properties.getSecretKey()).isEqualTo(SECRET_KEY);
				assertThat(properties.getBaseUrl()).isEqualTo(VouchersTemplate.US_BASE_URL);
				assertThat(properties.getApiVersion()).isEqualTo("v2024-01-01");
				assertThat(properties.getChannel()).isEqualTo("my-shop");
				assertThat(properties.getConnectTimeout()).isEqualTo(Duration.ofMillis(150));
				assertThat(properties.getReadTimeout()).isEqualTo(Duration.ofSeconds(3));
				assertThat(properties.getBulkReadTimeout()).isEqualTo(Duration.ofMinutes(10));
			});
	}

	// What the client sends

	@Test
	void clientSendsCredentialsAndDefaultHeaders() {
		stubGiftCard();
		againstWireMock().run((context) -> {
			Voucher voucher = context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			assertThat(voucher.code()).isEqualTo("GIFT-CARD-xwc6X7Tk");
			wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("X-App-Id", equalTo(APP_ID))
				.withHeader("X-App-Token", equalTo(SECRET_KEY))
				.withHeader("X-Voucherify-Channel", equalTo("voucherify-spring-boot-starter"))
				.withHeader("X-Voucherify-API-Version", equalTo("v2018-08-01"))
				.withHeader("User-Agent", matching("voucherify-spring-boot-starter/[0-9][^/ ]*"))
				.withHeader("User-Agent", equalTo(VouchersTemplate.USER_AGENT)));
		});
	}

	@Test
	void userAgentNamesAResolvedVersion() {
		assertThat(VouchersTemplate.USER_AGENT).startsWith("voucherify-spring-boot-starter/")
			.doesNotContain("unknown")
			.doesNotContain("${");
	}

	@Test
	void clientSendsOverriddenChannelAndApiVersion() {
		stubGiftCard();
		againstWireMock().withPropertyValues("voucherify.channel=my-shop", "voucherify.api-version=v2024-01-01")
			.run((context) -> {
				context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
				wireMock.verify(
						getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("X-Voucherify-Channel", equalTo("my-shop"))
							.withHeader("X-Voucherify-API-Version", equalTo("v2024-01-01")));
			});
	}

	@Test
	void baseUrlWithTrailingSlashIsAccepted() {
		stubGiftCard();
		withCredentials().withPropertyValues("voucherify.base-url=" + wireMock.baseUrl() + "/").run((context) -> {
			assertThat(context.getBean(VouchersOperations.class).getVoucher("GIFT-1").code())
				.isEqualTo("GIFT-CARD-xwc6X7Tk");
			wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)));
		});
	}

	// Timeouts

	@Test
	void readTimeoutAppliesToVoucherifyClient() {
		wireMock.stubFor(get(VOUCHER_PATH)
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json")).withFixedDelay(2000)));
		againstWireMock().withPropertyValues("voucherify.read-timeout=300ms", "voucherify.retry.enabled=false")
			.run((context) -> {
				VouchersOperations vouchers = context.getBean(VouchersOperations.class);
				long start = System.nanoTime();
				assertThatExceptionOfType(VoucherifyTransportException.class)
					.isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
					.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1500));
			});
	}

	@Test
	void readTimeoutDoesNotApplyToApplicationRestClients() {
		wireMock.stubFor(get(VOUCHER_PATH).willReturn(okJson("{\"code\":\"GIFT-1\"}").withFixedDelay(1500)));
		againstWireMock().withPropertyValues("voucherify.read-timeout=300ms").run((context) -> {
			RestClient appClient = context.getBean(RestClient.Builder.class).baseUrl(wireMock.baseUrl()).build();
			String body = appClient.get().uri(VOUCHER_PATH).retrieve().body(String.class);
			assertThat(body).contains("GIFT-1");
		});
	}

	@Test
	void bulkOperationsUseBulkReadTimeout() {
		wireMock.stubFor(post(EXPORT_PATH)
			.willReturn(okJson(Examples.read("export-transactions-200.json")).withFixedDelay(800)));
		againstWireMock().withPropertyValues("voucherify.read-timeout=300ms", "voucherify.bulk-read-timeout=5s")
			.run((context) -> {
				TransactionsExport export = context.getBean(VouchersOperations.class)
					.exportVoucherTransactions("GIFT-1");
				assertThat(export.id()).isEqualTo("exp_ARi2UbRjgfrHQJoVcKFrBUgA");
			});
	}

	@Test
	void otherOperationsDoNotUseBulkReadTimeout() {
		wireMock.stubFor(get(VOUCHER_PATH)
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json")).withFixedDelay(800)));
		againstWireMock().withPropertyValues("voucherify.read-timeout=300ms", "voucherify.bulk-read-timeout=5s")
			.run((context) -> {
				VouchersOperations vouchers = context.getBean(VouchersOperations.class);
				assertThatExceptionOfType(VoucherifyTransportException.class)
					.isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
					.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
			});
	}

	// Customizers

	@Test
	void appliesBootRestClientCustomizersToVoucherifyClient() {
		stubGiftCard();
		againstWireMock().withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("X-Boot-Customizer", equalTo("boot")));
		});
	}

	@Test
	void aUserAgentSetByABootRestClientCustomizerReplacesTheStartersOwn() {
		stubGiftCard();
		againstWireMock()
			.withBean(RestClientCustomizer.class, () -> (builder) -> builder.defaultHeader("User-Agent", "shop/2.0"))
			.run((context) -> {
				context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
				wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("User-Agent", equalTo("shop/2.0"))
					.withHeader("X-App-Id", equalTo(APP_ID)));
			});
	}

	@Test
	void appliesVoucherifyRestClientCustomizersToVoucherifyClient() {
		stubGiftCard();
		againstWireMock().withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("X-Voucherify-Customizer",
					equalTo("voucherify")));
		});
	}

	@Test
	void doesNotApplyVoucherifyRestClientCustomizersToApplicationRestClientBuilder() {
		wireMock.stubFor(get("/other").willReturn(okJson("{}")));
		againstWireMock().withUserConfiguration(CustomizersConfiguration.class).run((context) -> {
			RestClient appClient = context.getBean(RestClient.Builder.class).baseUrl(wireMock.baseUrl()).build();
			appClient.get().uri("/other").retrieve().toBodilessEntity();
			wireMock.verify(getRequestedFor(urlEqualTo("/other")).withHeader("X-Boot-Customizer", equalTo("boot"))
				.withHeader("X-Voucherify-Customizer", absent())
				.withHeader("X-App-Token", absent()));
		});
	}

	// HTTP library

	@Test
	void usesApacheHttpClientWhenPresentAsWithTheStarter() {
		stubGiftCard();
		againstWireMock().run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			// Apache HttpClient 5 asks for compressed answers in its own words: x-gzip.
			// Not the whole header: Boot 4.0's httpclient5 5.5 sends
			// "gzip, x-gzip, deflate", Boot 4.1's 5.6 "gzip, deflate, x-gzip".
			wireMock
				.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("Accept-Encoding", containing("x-gzip")));
		});
	}

	@ParameterizedTest
	@ValueSource(strings = { "0", "-1" })
	void failsWhenMaxConnectionsIsBelowOne(String maxConnections) {
		withCredentials().withPropertyValues("voucherify.max-connections=" + maxConnections)
			.run(failsWithAnalysisNaming("voucherify.max-connections"));
	}

	@Test
	void httpClientDoesNotRetryOnItsOwnSoTheRetryTableDecides() {
		// Apache HttpClient would resend a GET after an empty reply by default.
		wireMock.stubFor(get(VOUCHER_PATH).willReturn(aResponse().withFault(Fault.EMPTY_RESPONSE)));
		againstWireMock().withPropertyValues("voucherify.retry.enabled=false").run((context) -> {
			assertThatExceptionOfType(VoucherifyTransportException.class)
				.isThrownBy(() -> context.getBean(VouchersOperations.class).getVoucher("GIFT-1"));
			assertThat(wireMock.findAll(getRequestedFor(urlEqualTo(VOUCHER_PATH)))).hasSize(1);
		});
	}

	@Test
	void httpClientKeepsNoCookies() {
		wireMock.stubFor(get(VOUCHER_PATH).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))
			.withHeader("Set-Cookie", "session=abc; Path=/")));
		againstWireMock().run((context) -> {
			VouchersOperations vouchers = context.getBean(VouchersOperations.class);
			vouchers.getVoucher("GIFT-1");
			vouchers.getVoucher("GIFT-1");
			assertThat(wireMock.findAll(getRequestedFor(urlEqualTo(VOUCHER_PATH)))).hasSize(2)
				.allSatisfy((request) -> assertThat(request.containsHeader("Cookie")).isFalse());
		});
	}

	@Test
	void theHttpClientIsBuiltOnTheFirstCallNotAtStartUp() {
		stubGiftCard();
		CountingRequestFactoryBuilder factoryBuilder = new CountingRequestFactoryBuilder();
		againstWireMock().withBean(ClientHttpRequestFactoryBuilder.class, () -> factoryBuilder).run((context) -> {
			assertThat(factoryBuilder.builds).as("after start-up").hasValue(0);
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			assertThat(factoryBuilder.builds).as("after two calls").hasValue(1);
		});
	}

	@Test
	void usesJdkHttpClientWhenApacheHttpClientIsAbsent() {
		stubGiftCard();
		againstWireMock().withClassLoader(new FilteredClassLoader("org.apache.hc.client5")).run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			// The JDK client neither asks in Apache's words nor sends Connection.
			wireMock
				.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withHeader("Accept-Encoding", notContaining("x-gzip"))
					.withoutHeader("Connection"));
		});
	}

	@Test
	void honoursGlobalRequestFactoryChoice() {
		stubGiftCard();
		againstWireMock().withPropertyValues("spring.http.clients.imperative.factory=simple").run((context) -> {
			context.getBean(VouchersOperations.class).getVoucher("GIFT-1");
			// HttpURLConnection asks for no compression at all.
			wireMock.verify(getRequestedFor(urlEqualTo(VOUCHER_PATH)).withoutHeader("Accept-Encoding"));
		});
	}

	@Test
	void readTimeoutAppliesWithGlobalRequestFactoryChoice() {
		wireMock.stubFor(get(VOUCHER_PATH)
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json")).withFixedDelay(2000)));
		againstWireMock()
			.withPropertyValues("spring.http.clients.imperative.factory=simple", "voucherify.read-timeout=300ms")
			.run((context) -> {
				VouchersOperations vouchers = context.getBean(VouchersOperations.class);
				assertThatExceptionOfType(VoucherifyTransportException.class)
					.isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
					.satisfies((ex) -> assertThat(ex.isTimeout()).isTrue());
			});
	}

	/** Boot's detected builder, counting the request factories it builds. */
	static final class CountingRequestFactoryBuilder
			implements ClientHttpRequestFactoryBuilder<ClientHttpRequestFactory> {

		final AtomicInteger builds = new AtomicInteger();

		@Override
		public ClientHttpRequestFactory build(@Nullable HttpClientSettings settings) {
			this.builds.incrementAndGet();
			return ClientHttpRequestFactoryBuilder.jdk().build(settings);
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ImportAutoConfiguration({ HttpClientAutoConfiguration.class, ImperativeHttpClientAutoConfiguration.class,
			RestClientAutoConfiguration.class, VoucherifyAutoConfiguration.class })
	static class StartupConfiguration {

	}

	@Configuration(proxyBeanMethods = false)
	static class UserVouchersOperationsConfiguration {

		final VouchersOperations vouchersOperations = mock(VouchersOperations.class);

		@Bean
		VouchersOperations userVouchersOperations() {
			return this.vouchersOperations;
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class UserErrorHandlerConfiguration {

		@Bean
		UserErrorHandler userErrorHandler() {
			return new UserErrorHandler();
		}

	}

	static class UserErrorHandler implements VoucherifyErrorHandler {

		@Override
		public RuntimeException toException(HttpRequest request, ClientHttpResponse response) throws IOException {
			return new UserException("user handler: " + response.getStatusCode().value());
		}

	}

	static class UserException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		UserException(String message) {
			super(message);
		}

	}

	@Configuration(proxyBeanMethods = false)
	static class CustomizersConfiguration {

		@Bean
		RestClientCustomizer bootCustomizer() {
			return (builder) -> builder.defaultHeader("X-Boot-Customizer", "boot");
		}

		@Bean
		VoucherifyRestClientCustomizer voucherifyCustomizer() {
			return (builder) -> builder.defaultHeader("X-Voucherify-Customizer", "voucherify");
		}

	}

}
