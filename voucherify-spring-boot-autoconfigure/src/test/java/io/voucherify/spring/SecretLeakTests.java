package io.voucherify.spring;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.autoconfigure.VoucherifyActuatorAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyHealthContributorAutoConfiguration;
import io.voucherify.spring.autoconfigure.VoucherifyProperties;
import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.health.VoucherifyHealthIndicator;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.actuate.autoconfigure.context.properties.ConfigurationPropertiesReportEndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.env.EnvironmentEndpointAutoConfiguration;
import org.springframework.boot.actuate.context.properties.ConfigurationPropertiesReportEndpoint;
import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.actuate.env.EnvironmentEndpoint;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.actuate.endpoint.HealthEndpoint;
import org.springframework.boot.health.autoconfigure.actuate.endpoint.HealthEndpointAutoConfiguration;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.HttpClientAutoConfiguration;
import org.springframework.boot.http.client.autoconfigure.imperative.ImperativeHttpClientAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.assertj.AssertableApplicationContext;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.context.runner.ContextConsumer;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The secret key never leaves the client except in the {@code X-App-Token} header: not in
 * any log line (Voucherify's and Spring's HTTP client loggers at TRACE), not in any
 * exception, not in {@code toString()}, and not in the {@code configprops}, {@code env}
 * and {@code health} actuator endpoints, even with {@code show-values=always} and
 * {@code show-details=always}.
 */
@ExtendWith(OutputCaptureExtension.class)
class SecretLeakTests {

	private static final String SECRET_KEY = "sk_live_5eCr3t-DO-NOT-LEAK";

	private static final String APP_ID = "app-id-shown-7f3a91";

	private static final String CODE = "GIFT-CODE-01";

	private static final String MASKED_CODE = "GI****01";

	private static final List<String> TRACED_LOGGERS = List.of("io.voucherify", "org.springframework.web.client",
			"org.springframework.http");

	/**
	 * Plain-text HTTP/2 is off, as in the other WireMock tests (wiremock/wiremock#2637).
	 */
	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private final ListAppender<ILoggingEvent> logs = new ListAppender<>();

	private final Map<String, Level> savedLevels = new LinkedHashMap<>();

	@BeforeEach
	void captureAllLogsAtTrace() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.logs.setContext(loggerContext);
		this.logs.start();
		loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(this.logs);
		for (String name : TRACED_LOGGERS) {
			Logger logger = loggerContext.getLogger(name);
			this.savedLevels.put(name, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
	}

	@AfterEach
	void restoreLogging() {
		LoggerContext loggerContext = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.savedLevels.forEach((name, level) -> loggerContext.getLogger(name).setLevel(level));
		loggerContext.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).detachAppender(this.logs);
		this.logs.stop();
	}

	// Calls, successful and failing

	@ParameterizedTest(name = "{0}")
	@EnumSource(Call.class)
	void secretKeyIsNotLogged(Call call, CapturedOutput output) {
		catchThrowable(() -> call.perform(this));

		assertThat(logLines()).allSatisfy((line) -> assertThat(line).doesNotContain(SECRET_KEY));
		assertThat(output.getAll()).doesNotContain(SECRET_KEY);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Call.class, mode = EnumSource.Mode.EXCLUDE, names = { "OK_200", "BALANCE_UPDATE_200" })
	void secretKeyIsNotInTheExceptionOfAFailedCall(Call call) {
		Throwable failure = catchThrowable(() -> call.perform(this));

		assertThat(failure).isInstanceOf(call.failure);
		assertThat(everythingAbout(failure)).doesNotContain(SECRET_KEY);
	}

	@ParameterizedTest(name = "{0}")
	@EnumSource(value = Call.class, names = { "CONNECTION_REFUSED", "READ_TIMEOUT" })
	void starterLogLinesMaskTheVoucherCode(Call call) {
		catchThrowable(() -> call.perform(this));

		List<String> starterLines = logLines().stream().filter((line) -> line.startsWith("io.voucherify.")).toList();
		assertThat(starterLines).isNotEmpty()
			.allSatisfy((line) -> assertThat(line).doesNotContain(CODE))
			.anySatisfy((line) -> assertThat(line).contains(MASKED_CODE));
	}

	@Test
	void logCaptureSeesSpringHttpClientTraceLogging() {
		Call.BALANCE_UPDATE_200.perform(this);

		assertThat(this.logs.list).anySatisfy((event) -> {
			assertThat(event.getLoggerName()).startsWith("org.springframework.");
			assertThat(event.getLevel().toInt()).isLessThanOrEqualTo(Level.DEBUG.toInt());
		});
	}

	@Test
	void secretKeyIsNotInToStringOfTheTemplateOrItsBuilder() {
		VouchersTemplateBuilder builder = VouchersTemplate.builder()
			.appId(APP_ID)
			.secretKey(SECRET_KEY)
			.baseUrl(wireMock.baseUrl());

		assertThat(builder.toString()).doesNotContain(SECRET_KEY);
		assertThat(builder.build().toString()).doesNotContain(SECRET_KEY);
	}

	@Test
	void secretKeyIsNotInToStringOfTheProperties() {
		VoucherifyProperties properties = new VoucherifyProperties();
		properties.setAppId(APP_ID);
		properties.setSecretKey(SECRET_KEY);

		assertThat(properties.toString()).doesNotContain(SECRET_KEY);
	}

	// Actuator endpoints, with values and details shown

	@Test
	void configpropsMasksTheSecretKey() {
		actuatorContext().run(json(
				(context) -> context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties(),
				(report) -> assertThat(report).doesNotContain(SECRET_KEY).contains("******")));
	}

	@Test
	void configpropsStillShowsOtherValuesSuchAsTheAppId() {
		actuatorContext().run(json(
				(context) -> context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties(),
				(report) -> assertThat(report).contains(APP_ID)));
	}

	@Test
	void envMasksTheSecretKey() {
		actuatorContext().run(json((context) -> context.getBean(EnvironmentEndpoint.class).environment(null),
				(report) -> assertThat(report).doesNotContain(SECRET_KEY).contains("voucherify.secret-key")));
	}

	@Test
	void envStillShowsOtherValuesSuchAsTheAppId() {
		actuatorContext().run(json((context) -> context.getBean(EnvironmentEndpoint.class).environment(null),
				(report) -> assertThat(report).contains(APP_ID)));
	}

	@Test
	void envMasksTheSecretKeySetAsAnEnvironmentVariable() {
		actuatorContext("voucherify.app-id=" + APP_ID)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("VOUCHERIFY_SECRET_KEY", SECRET_KEY))))
			.run(json((context) -> context.getBean(EnvironmentEndpoint.class).environment(null),
					(report) -> assertThat(report).doesNotContain(SECRET_KEY).contains("VOUCHERIFY_SECRET_KEY")));
	}

	@Test
	void configpropsMasksTheSecretKeySetAsAnEnvironmentVariable() {
		actuatorContext("voucherify.app-id=" + APP_ID)
			.withInitializer((context) -> context.getEnvironment()
				.getPropertySources()
				.addFirst(new SystemEnvironmentPropertySource("test-systemEnvironment",
						Map.of("VOUCHERIFY_SECRET_KEY", SECRET_KEY))))
			.run(json(
					(context) -> context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties(),
					(report) -> assertThat(report).doesNotContain(SECRET_KEY)));
	}

	@Test
	void envAndConfigpropsMaskTheSecretKeySetInCamelCase() {
		actuatorContext("voucherify.app-id=" + APP_ID, "voucherify.secretKey=" + SECRET_KEY).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(toJson(context.getBean(EnvironmentEndpoint.class).environment(null)))
				.contains("voucherify.secretKey")
				.doesNotContain(SECRET_KEY);
			assertThat(toJson(context.getBean(ConfigurationPropertiesReportEndpoint.class).configurationProperties()))
				.doesNotContain(SECRET_KEY);
		});
	}

	@Test
	void healthEndpointShowsVoucherifyDetailsWithoutTheSecretKey() {
		stubProbeNotFound();
		actuatorContext().run(json((context) -> context.getBean(HealthEndpoint.class).health(),
				(report) -> assertThat(report).contains("voucherify", wireMock.baseUrl()).doesNotContain(SECRET_KEY)));
	}

	@Test
	void voucherifyHealthIndicatorDetailsDoNotHoldTheSecretKey() {
		stubProbeNotFound();
		actuatorContext().run(json((context) -> context.getBean(VoucherifyHealthIndicator.class).health(),
				(report) -> assertThat(report).contains(wireMock.baseUrl()).doesNotContain(SECRET_KEY)));
	}

	@Test
	void noVoucherifyBeanHoldsTheSecretKeyInItsToString() {
		actuatorContext().run((context) -> {
			List<String> descriptions = new ArrayList<>();
			for (String name : context.getBeanDefinitionNames()) {
				Object bean = context.getBean(name);
				if (bean.getClass().getName().startsWith("io.voucherify.")) {
					descriptions.add(name + "=" + bean);
				}
			}
			assertThat(descriptions).hasSizeGreaterThanOrEqualTo(4)
				.allSatisfy((description) -> assertThat(description).doesNotContain(SECRET_KEY));
		});
	}

	// The sanitizing function itself

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "voucherify.secret-key", "voucherify.secretKey", "voucherify.secret_key",
			"VOUCHERIFY_SECRET_KEY", "VOUCHERIFY_SECRETKEY", "voucherify[secret-key]" })
	void sanitizingFunctionMasksEveryFormOfTheSecretKeyName(String key) {
		sanitizerContext().run((context) -> {
			SanitizableData data = new SanitizableData(null, key, SECRET_KEY);
			assertThat(context.getBean("voucherifySanitizingFunction", SanitizingFunction.class).apply(data).getValue())
				.isEqualTo(SanitizableData.SANITIZED_VALUE);
		});
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "voucherify.app-id", "voucherify.secret-key-file", "other.secret-key", "secret-key" })
	void sanitizingFunctionLeavesOtherKeysAlone(String key) {
		sanitizerContext().run((context) -> {
			SanitizableData data = new SanitizableData(null, key, "value-1");
			assertThat(context.getBean("voucherifySanitizingFunction", SanitizingFunction.class).apply(data).getValue())
				.isEqualTo("value-1");
		});
	}

	@Test
	void sanitizingFunctionIsRegisteredEvenWhenTheClientIsDisabled() {
		actuatorContext("voucherify.enabled=false").run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).hasBean("voucherifySanitizingFunction");
			assertThat(context).doesNotHaveBean(VouchersOperations.class);
		});
	}

	@Test
	void sanitizingFunctionBacksOffWhenTheApplicationDefinesOneOfTheSameName() {
		SanitizingFunction own = (data) -> data;
		sanitizerContext().withBean("voucherifySanitizingFunction", SanitizingFunction.class, () -> own)
			.run((context) -> assertThat(context.getBean("voucherifySanitizingFunction")).isSameAs(own));
	}

	@Test
	void sanitizingFunctionBacksOffWithoutActuatorOnTheClasspath() {
		sanitizerContext().withClassLoader(new FilteredClassLoader(SanitizingFunction.class)).run((context) -> {
			assertThat(context).hasNotFailed();
			assertThat(context).doesNotHaveBean("voucherifySanitizingFunction");
		});
	}

	// Helpers

	private static ApplicationContextRunner sanitizerContext() {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(VoucherifyActuatorAutoConfiguration.class));
	}

	private ApplicationContextRunner actuatorContext() {
		return actuatorContext("voucherify.app-id=" + APP_ID, "voucherify.secret-key=" + SECRET_KEY);
	}

	private ApplicationContextRunner actuatorContext(String... voucherifyProperties) {
		return new ApplicationContextRunner()
			.withConfiguration(AutoConfigurations.of(HttpClientAutoConfiguration.class,
					ImperativeHttpClientAutoConfiguration.class, RestClientAutoConfiguration.class,
					VoucherifyAutoConfiguration.class, VoucherifyHealthContributorAutoConfiguration.class,
					VoucherifyActuatorAutoConfiguration.class, EndpointAutoConfiguration.class,
					ConfigurationPropertiesReportEndpointAutoConfiguration.class,
					EnvironmentEndpointAutoConfiguration.class, HealthContributorAutoConfiguration.class,
					HealthContributorRegistryAutoConfiguration.class, HealthEndpointAutoConfiguration.class))
			.withPropertyValues("voucherify.base-url=" + wireMock.baseUrl(),
					"management.endpoints.web.exposure.include=configprops,env,health",
					"management.endpoint.configprops.show-values=always", "management.endpoint.env.show-values=always",
					"management.endpoint.health.show-details=always")
			.withPropertyValues(voucherifyProperties);
	}

	private static ContextConsumer<AssertableApplicationContext> json(
			ThrowingFunction<AssertableApplicationContext, Object> endpoint, Consumer<String> assertion) {
		return (context) -> {
			assertThat(context).hasNotFailed();
			assertion.accept(toJson(endpoint.apply(context)));
		};
	}

	private static String toJson(Object value) {
		return JsonMapper.builder().build().writeValueAsString(value);
	}

	private static void stubProbeNotFound() {
		wireMock.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(404)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-404-voucher-not-found.json"))));
	}

	private List<String> logLines() {
		List<String> lines = new ArrayList<>();
		for (ILoggingEvent event : this.logs.list) {
			StringBuilder line = new StringBuilder(event.getLoggerName()).append(' ')
				.append(event.getLevel())
				.append(' ')
				.append(event.getFormattedMessage());
			if (event.getArgumentArray() != null) {
				for (Object argument : event.getArgumentArray()) {
					line.append(' ').append(argument);
				}
			}
			line.append(' ').append(event.getMDCPropertyMap());
			if (event.getKeyValuePairs() != null) {
				line.append(' ').append(event.getKeyValuePairs());
			}
			if (event.getThrowableProxy() != null) {
				line.append(' ').append(ThrowableProxyUtil.asString(event.getThrowableProxy()));
			}
			lines.add(line.toString());
		}
		return lines;
	}

	/**
	 * The whole exception chain: the printed stack trace (every cause and suppressed
	 * exception) plus each one's message, localized message and {@code toString()}.
	 */
	private static String everythingAbout(Throwable failure) {
		StringWriter text = new StringWriter();
		failure.printStackTrace(new PrintWriter(text));
		Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
		List<Throwable> pending = new ArrayList<>(List.of(failure));
		while (!pending.isEmpty()) {
			Throwable current = pending.remove(0);
			if (seen.add(current)) {
				text.append('\n')
					.append(String.valueOf(current.getMessage()))
					.append('\n')
					.append(String.valueOf(current.getLocalizedMessage()))
					.append('\n')
					.append(current.toString());
				if (current instanceof VoucherifyApiException api) {
					text.append('\n').append(api.getResponseHeaders().toString());
				}
				if (current.getCause() != null) {
					pending.add(current.getCause());
				}
				pending.addAll(List.of(current.getSuppressed()));
			}
		}
		return text.toString();
	}

	private VouchersTemplate template() {
		return template(wireMock.baseUrl(), VouchersTemplate.DEFAULT_READ_TIMEOUT);
	}

	private static VouchersTemplate template(String baseUrl, Duration readTimeout) {
		return VouchersTemplate.builder()
			.appId(APP_ID)
			.secretKey(SECRET_KEY)
			.baseUrl(baseUrl)
			.timeouts(Duration.ofSeconds(2), readTimeout, readTimeout)
			.build();
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static void stubAll(ResponseDefinitionBuilder response) {
		wireMock.stubFor(any(anyUrl()).willReturn(response));
	}

	private static ResponseDefinitionBuilder jsonResponse(int status, String example) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read(example));
	}

	/**
	 * One call of the client, successful or failing, and the exception it must end in.
	 */
	enum Call {

		OK_200(null) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(okJson(Examples.read("get-voucher-200-gift-card.json")));
				tests.template().getVoucher(CODE);
			}
		},

		BALANCE_UPDATE_200(null) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(okJson(Examples.read("update-balance-200-gift-card.json")));
				tests.template().updateVoucherBalance(CODE, BalanceUpdateRequest.add(10000));
			}
		},

		UNAUTHORIZED_401(VoucherifyAuthenticationException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(jsonResponse(401, "error-401-unauthorized.json"));
				tests.template().getVoucher(CODE);
			}
		},

		NOT_FOUND_404(VoucherifyNotFoundException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(jsonResponse(404, "error-404-voucher-not-found.json"));
				tests.template().getVoucher(CODE);
			}
		},

		SERVER_ERROR_500_HTML(VoucherifyServerException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(aResponse().withStatus(500)
					.withHeader("Content-Type", "text/html")
					.withBody("<html><body><h1>500 Internal Server Error</h1></body></html>"));
				tests.template().getVoucher(CODE);
			}
		},

		RATE_LIMITED_429(VoucherifyRateLimitException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(jsonResponse(429, "error-429-rate-limited.json").withHeader("Retry-After", "3600")
					.withHeader("X-Rate-Limit-Remaining", "0"));
				tests.template().getVoucher(CODE);
			}
		},

		CONNECTION_REFUSED(VoucherifyTransportException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				template("http://localhost:" + freePort(), VouchersTemplate.DEFAULT_READ_TIMEOUT).getVoucher(CODE);
			}
		},

		READ_TIMEOUT(VoucherifyTransportException.class) {
			@Override
			void perform(SecretLeakTests tests) {
				stubAll(okJson(Examples.read("get-voucher-200-gift-card.json")).withFixedDelay(2000));
				template(wireMock.baseUrl(), Duration.ofMillis(300)).getVoucher(CODE);
			}
		};

		private final Class<? extends Throwable> failure;

		Call(Class<? extends Throwable> failure) {
			this.failure = failure;
		}

		abstract void perform(SecretLeakTests tests);

	}

	@FunctionalInterface
	interface ThrowingFunction<T, R> {

		R apply(T input) throws Exception;

	}

}
