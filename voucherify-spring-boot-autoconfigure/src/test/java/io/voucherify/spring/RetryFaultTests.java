package io.voucherify.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.exception.VoucherifyServerException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

import org.springframework.core.io.ByteArrayResource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * The fault suite: every fault against every class of operation ends in the documented
 * outcome within its time bound, and the number of requests WireMock saw proves the retry
 * table. Idempotent operations (get, list, enable, disable) retry connection failures,
 * timeouts, 429, 502, 503 and 504; the others retry only what provably was not processed
 * (no connection, 429), so a balance POST is sent exactly once after a timeout or a 5xx.
 */
class RetryFaultTests {

	private static final Duration READ_TIMEOUT = Duration.ofSeconds(1);

	private static final VoucherifyRetrySettings RETRY = new VoucherifyRetrySettings(true, 3, Duration.ofMillis(50),
			2.0, Duration.ofMillis(200), Duration.ofMillis(10), Duration.ofSeconds(10), Duration.ofSeconds(3));

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort()
			.http2PlainDisabled(true)
			// Delayed answers must not hold server threads that later tests need.
			.containerThreads(40)
			.asynchronousResponseEnabled(true)
			.asynchronousResponseThreads(20))
		.build();

	private VouchersTemplate vouchers;

	/** A first call warms up both JVMs, so no cold start passes for a timeout. */
	@BeforeAll
	static void warmUp() {
		wireMock.stubFor(any(anyUrl()).willReturn(okJson("get-voucher-200-gift-card.json")));
		TestClients.builder(wireMock.baseUrl()).build().getVoucher("WARM-UP");
	}

	@BeforeEach
	void createTemplate() {
		this.vouchers = TestClients.builder(wireMock.baseUrl())
			.timeouts(Duration.ofSeconds(1), READ_TIMEOUT, READ_TIMEOUT)
			.retry(RETRY)
			.build();
	}

	/** The operations, one of each class, with the answer that means success. */
	enum Op {

		GET_VOUCHER(true, (v) -> v.getVoucher("GIFT-1"), okJson("get-voucher-200-gift-card.json")),

		ENABLE_VOUCHER(true, (v) -> v.enableVoucher("GIFT-1"), okJson("enable-voucher-200.json")),

		LIST_TRANSACTIONS(true, (v) -> v.listVoucherTransactions("GIFT-1"), okJson("list-transactions-200.json")),

		UPDATE_BALANCE(false, (v) -> v.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(500)),
				okJson("update-balance-200-gift-card.json")),

		IMPORT_CSV(false, (v) -> v.importVouchersUsingCsv(new ByteArrayResource("Code\nA\n".getBytes())),
				aResponse().withStatus(202)
					.withHeader("Content-Type", "application/json")
					.withBody(Examples.read("import-csv-202.json"))),

		DELETE_VOUCHER(false, (v) -> {
			v.deleteVoucher("GIFT-1", true);
			return "deleted";
		}, aResponse().withStatus(204));

		final boolean idempotent;

		final boolean bodiless;

		final Function<VouchersOperations, Object> call;

		final ResponseDefinitionBuilder success;

		Op(boolean idempotent, Function<VouchersOperations, Object> call, ResponseDefinitionBuilder success) {
			this.idempotent = idempotent;
			this.bodiless = success.build().getStatus() == 204;
			this.call = call;
			this.success = success;
		}

	}

	/** A fault, the outcome it must end in and how many requests it may cost. */
	enum FaultCase {

		CONNECTION_RESET(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER), VoucherifyTransportException.class,
				true, false),

		EMPTY_REPLY(aResponse().withFault(Fault.EMPTY_RESPONSE), VoucherifyTransportException.class, true, false),

		MALFORMED_CHUNKED_BODY(aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK),
				VoucherifyTransportException.class, true, false),

		RANDOM_DATA_THEN_CLOSE(aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE), VoucherifyTransportException.class,
				true, false),

		DELAY_PAST_READ_TIMEOUT(aResponse().withStatus(200).withFixedDelay(2000), VoucherifyTransportException.class,
				true, false),

		OK_WITH_INVALID_JSON(aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody("{\"code\": \"GIFT"), VoucherifyInvalidResponseException.class, false, true),

		OK_WITH_HTML(aResponse().withStatus(200).withHeader("Content-Type", "text/html").withBody("<html>hi</html>"),
				VoucherifyInvalidResponseException.class, false, true),

		INTERNAL_ERROR_HTML(html(500), VoucherifyServerException.class, false, false),

		BAD_GATEWAY_HTML(html(502), VoucherifyServerException.class, true, false),

		RATE_LIMITED_BEYOND_THE_CAP(rateLimited().withHeader("Retry-After", "3600"), VoucherifyRateLimitException.class,
				false, false);

		final ResponseDefinitionBuilder response;

		final Class<? extends Throwable> outcome;

		final boolean retriedWhenIdempotent;

		final boolean breaksOnlyTheBody;

		FaultCase(ResponseDefinitionBuilder response, Class<? extends Throwable> outcome, boolean retriedWhenIdempotent,
				boolean breaksOnlyTheBody) {
			this.response = response;
			this.outcome = outcome;
			this.retriedWhenIdempotent = retriedWhenIdempotent;
			this.breaksOnlyTheBody = breaksOnlyTheBody;
		}

	}

	static Stream<Arguments> faults() {
		List<Arguments> arguments = new ArrayList<>();
		for (Op op : Op.values()) {
			for (FaultCase fault : FaultCase.values()) {
				arguments.add(Arguments.of(op, fault));
			}
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} after {1}")
	@MethodSource("faults")
	void everyFaultEndsInItsOutcomeWithTheRequestCountOfTheRetryTable(Op op, FaultCase fault) {
		wireMock.stubFor(any(anyUrl()).willReturn(fault.response));
		Instant start = Instant.now();

		Throwable thrown = catchThrowable(() -> op.call.apply(this.vouchers));

		int requests = wireMock.findAll(anyRequestedFor(anyUrl())).size();
		if (op.bodiless && fault.breaksOnlyTheBody) {
			// A bodiless answer is never parsed, so unreadable content cannot fail the
			// call.
			assertThat(thrown).isNull();
			assertThat(requests).isEqualTo(1);
		}
		else if (op.idempotent && fault.retriedWhenIdempotent) {
			assertThat(thrown).isInstanceOf(fault.outcome);
			// Exactly the template's attempts: the HTTP client's own retries are off.
			assertThat(requests).isEqualTo(RETRY.maxAttempts());
		}
		else {
			assertThat(thrown).isInstanceOf(fault.outcome);
			assertThat(requests).isEqualTo(1);
		}
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(8));
	}

	static Stream<Arguments> transientThenSuccess() {
		List<Arguments> arguments = new ArrayList<>();
		for (Op op : Op.values()) {
			arguments.add(Arguments.of(op, "503", html(503), op.idempotent ? 2 : 1));
			arguments.add(Arguments.of(op, "504", html(504), op.idempotent ? 2 : 1));
			arguments.add(Arguments.of(op, "429 Retry-After", rateLimited().withHeader("Retry-After", "1"), 2));
			arguments.add(Arguments.of(op, "429 X-Rate-Limit-Retry", rateLimited().withHeader("X-Rate-Limit-Retry",
					Long.toString(Instant.now().plusSeconds(1).getEpochSecond())), 2));
			arguments.add(Arguments.of(op, "429 without retry time", rateLimited(), 2));
		}
		return arguments.stream();
	}

	@ParameterizedTest(name = "{0} after {1}")
	@MethodSource("transientThenSuccess")
	void aTransientFailureThenSuccessIsRetriedOnlyWhereTheTableAllows(Op op, String fault,
			ResponseDefinitionBuilder first, int expectedRequests) {
		wireMock.stubFor(any(anyUrl()).inScenario("transient")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(first)
			.willSetStateTo("recovered"));
		wireMock.stubFor(any(anyUrl()).inScenario("transient").whenScenarioStateIs("recovered").willReturn(op.success));
		Instant start = Instant.now();

		Throwable thrown = catchThrowable(() -> op.call.apply(this.vouchers));

		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(expectedRequests);
		if (expectedRequests == 2) {
			assertThat(thrown).isNull();
		}
		else {
			assertThat(thrown).isInstanceOf(VoucherifyServerException.class);
		}
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(4));
	}

	@Test
	void aRateLimitWaitsTheTimeVoucherifyGives() {
		wireMock.stubFor(any(anyUrl()).inScenario("limited")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(rateLimited().withHeader("Retry-After", "1"))
			.willSetStateTo("free"));
		wireMock.stubFor(
				any(anyUrl()).inScenario("limited").whenScenarioStateIs("free").willReturn(Op.UPDATE_BALANCE.success));
		Instant start = Instant.now();

		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100));

		assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(950));
	}

	@Test
	void aRateLimitBeyondTheCapFailsAtOnceWithTheRetryTime() {
		wireMock.stubFor(any(anyUrl()).willReturn(rateLimited().withHeader("Retry-After", "3600")));
		Instant start = Instant.now();

		Throwable thrown = catchThrowable(() -> this.vouchers.getVoucher("GIFT-1"));

		assertThat(thrown).isInstanceOfSatisfying(VoucherifyRateLimitException.class,
				(ex) -> assertThat(ex.getRetryAfter()).isEqualTo(Duration.ofHours(1)));
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofSeconds(1));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	@Test
	void aRefusedConnectionIsRetriedEvenForABalanceChange() throws Exception {
		int port;
		try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		VouchersTemplate unreachable = TestClients.builder("http://127.0.0.1:" + port).retry(RETRY).build();

		Throwable thrown = catchThrowable(
				() -> unreachable.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1)));

		assertThat(thrown).isInstanceOfSatisfying(VoucherifyTransportException.class, (ex) -> {
			assertThat(ex.isConnectFailure()).isTrue();
			assertThat(ex.getSuppressed()).as("earlier attempts").hasSize(RETRY.maxAttempts() - 1);
		});
	}

	@Test
	void retriesStopWithinTheTotalTimeBudget() {
		VouchersTemplate impatient = TestClients.builder(wireMock.baseUrl())
			.timeouts(Duration.ofSeconds(1), READ_TIMEOUT, READ_TIMEOUT)
			.retry(new VoucherifyRetrySettings(true, 10, Duration.ofMillis(300), 1.0, Duration.ofMillis(300),
					Duration.ZERO, Duration.ofSeconds(1), Duration.ofSeconds(3)))
			.build();
		wireMock.stubFor(any(anyUrl()).willReturn(html(503)));
		Instant start = Instant.now();

		Throwable thrown = catchThrowable(() -> impatient.getVoucher("GIFT-1"));

		assertThat(thrown).isInstanceOf(VoucherifyServerException.class);
		assertThat(Duration.between(start, Instant.now())).isLessThan(Duration.ofMillis(1500));
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSizeLessThan(10);
	}

	@Test
	void disabledRetriesMakeOneAttempt() {
		VouchersTemplate once = TestClients.builder(wireMock.baseUrl())
			.retry(VoucherifyRetrySettings.disabled())
			.build();
		wireMock.stubFor(any(anyUrl()).willReturn(html(503)));

		assertThat(catchThrowable(() -> once.getVoucher("GIFT-1"))).isInstanceOf(VoucherifyServerException.class);
		assertThat(wireMock.findAll(anyRequestedFor(anyUrl()))).hasSize(1);
	}

	@Test
	void everyRetryIsLoggedAtDebugWithOperationAttemptReasonAndAMaskedCode() {
		Logger logger = (Logger) LoggerFactory.getLogger(VouchersTemplate.class);
		ListAppender<ILoggingEvent> appender = new ListAppender<>();
		appender.start();
		Level level = logger.getLevel();
		logger.setLevel(Level.DEBUG);
		logger.addAppender(appender);
		try {
			wireMock.stubFor(any(anyUrl()).inScenario("once")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(html(503))
				.willSetStateTo("ok"));
			wireMock
				.stubFor(any(anyUrl()).inScenario("once").whenScenarioStateIs("ok").willReturn(Op.GET_VOUCHER.success));

			this.vouchers.getVoucher("GIFT-2024-0001");

			assertThat(appender.list).extracting(ILoggingEvent::getFormattedMessage)
				.singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
				.startsWith("Retrying get_voucher for GI****01, attempt 2 of 3, after 503")
				.doesNotContain("GIFT-2024-0001");
		}
		finally {
			logger.detachAppender(appender);
			logger.setLevel(level);
		}
	}

	private static ResponseDefinitionBuilder okJson(String example) {
		return aResponse().withStatus(200)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read(example));
	}

	private static ResponseDefinitionBuilder html(int status) {
		return aResponse().withStatus(status)
			.withHeader("Content-Type", "text/html")
			.withBody("<html><body><h1>" + status + "</h1></body></html>");
	}

	private static ResponseDefinitionBuilder rateLimited() {
		return aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withBody(Examples.read("error-429-rate-limited.json"));
	}

}
