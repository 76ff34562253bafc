package io.voucherify.spring;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyCallBudgetException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyRateLimitException;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.HttpHeaders;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.notFound;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * A template with a call budget: a permit before every attempt, retries included; nothing
 * sent without one; every answer taught to the budget; the waits observed.
 */
class CallBudgetTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private static final String VOUCHER = "/v1/vouchers/.*";

	@Test
	void everyAttemptTakesAPermitRetriesIncluded() {
		wireMock.stubFor(get(urlPathMatching(VOUCHER)).inScenario("503 once")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(aResponse().withStatus(503))
			.willSetStateTo("up"));
		wireMock.stubFor(get(urlPathMatching(VOUCHER)).inScenario("503 once")
			.whenScenarioStateIs("up")
			.willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		RecordingBudget budget = new RecordingBudget();

		TestClients.builder(wireMock.baseUrl()).callBudget(budget).build().getVoucher("GIFT-1");

		assertThat(budget.permits).containsExactly(VoucherifyOperation.GET_VOUCHER, VoucherifyOperation.GET_VOUCHER);
	}

	@Test
	void aCallWithoutAPermitIsNeverSentNorRetried() {
		RecordingBudget budget = new RecordingBudget();
		budget.deny = true;

		VoucherifyCallBudgetException denied = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> TestClients.builder(wireMock.baseUrl()).callBudget(budget).build().getVoucher("GIFT-1"));

		assertThat(denied).isInstanceOf(VoucherifyRateLimitException.class);
		assertThat(denied.getRetryAfter()).isEqualTo(Duration.ofSeconds(7));
		assertThat(budget.permits).hasSize(1);
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	@Test
	void theBudgetLearnsFromEveryAnswerFailedOnesIncluded() {
		wireMock
			.stubFor(get(urlPathMatching(VOUCHER)).willReturn(notFound().withHeader("Content-Type", "application/json")
				.withHeader("X-Rate-Limit-Limit", "100")
				.withHeader("X-Rate-Limit-Remaining", "42")
				.withBody(Examples.read("error-404-voucher-not-found.json"))));
		RecordingBudget budget = new RecordingBudget();

		catchThrowableOfType(VoucherifyNotFoundException.class,
				() -> TestClients.builder(wireMock.baseUrl()).callBudget(budget).build().getVoucher("NONE"));

		assertThat(budget.answers).singleElement().satisfies((answer) -> {
			assertThat(answer.status()).isEqualTo(404);
			assertThat(answer.headers().getFirst("X-Rate-Limit-Remaining")).isEqualTo("42");
		});
	}

	@Test
	void a429FromVoucherifyHoldsTheNextCallsBeforeTheyAreSent() {
		long retryAt = Instant.now().plusSeconds(60).getEpochSecond();
		wireMock.stubFor(get(urlPathMatching(VOUCHER)).willReturn(aResponse().withStatus(429)
			.withHeader("Content-Type", "application/json")
			.withHeader("X-Rate-Limit-Retry", Long.toString(retryAt))
			.withBody("{\"code\":429,\"message\":\"Too many requests hit the API too quickly.\"}")));
		VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl())
			.retry(VoucherifyRetrySettings.disabled())
			.callBudget(BucketCallBudget
				.local(CallBudgetSettings.of(100, Duration.ofMinutes(1)).withMaxWait(Duration.ofMillis(100))))
			.build();

		catchThrowableOfType(VoucherifyRateLimitException.class, () -> vouchers.getVoucher("GIFT-1"));
		VoucherifyCallBudgetException held = catchThrowableOfType(VoucherifyCallBudgetException.class,
				() -> vouchers.getVoucher("GIFT-2"));

		assertThat(held.getRetryAfter()).isGreaterThan(Duration.ofSeconds(1));
		wireMock.verify(1, anyRequestedFor(anyUrl()));
	}

	@Test
	void permitWaitsAreTimedByOperationAndOutcome() {
		wireMock
			.stubFor(get(urlPathMatching(VOUCHER)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		MeterRegistry meters = new SimpleMeterRegistry();
		VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl())
			.observationRegistry(timedIn(meters))
			.callBudget(
					BucketCallBudget.local(CallBudgetSettings.of(1, Duration.ofHours(1)).withMaxWait(Duration.ZERO)))
			.build();

		vouchers.getVoucher("GIFT-1");
		catchThrowableOfType(VoucherifyCallBudgetException.class, () -> vouchers.getVoucher("GIFT-2"));

		assertThat(meters.get("voucherify.client.permits")
			.tags("operation", "get_voucher", "outcome", "granted")
			.timer()
			.count()).isEqualTo(1);
		assertThat(meters.get("voucherify.client.permits")
			.tags("operation", "get_voucher", "outcome", "denied")
			.timer()
			.count()).isEqualTo(1);
	}

	@Test
	void withoutABudgetNoPermitIsObserved() {
		wireMock
			.stubFor(get(urlPathMatching(VOUCHER)).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		MeterRegistry meters = new SimpleMeterRegistry();
		VouchersTemplate vouchers = TestClients.builder(wireMock.baseUrl())
			.observationRegistry(timedIn(meters))
			.build();

		vouchers.getVoucher("GIFT-1");

		assertThat(vouchers.getCallBudget()).isSameAs(VoucherifyCallBudget.UNLIMITED);
		assertThat(meters.find("voucherify.client.permits").meters()).isEmpty();
	}

	/** Observations recorded as timers in {@code meters}, as Boot's actuator does. */
	private static ObservationRegistry timedIn(MeterRegistry meters) {
		ObservationRegistry observations = ObservationRegistry.create();
		observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		return observations;
	}

	/** A budget that records what it is asked and taught. */
	static final class RecordingBudget implements VoucherifyCallBudget {

		final List<VoucherifyOperation> permits = new ArrayList<>();

		final List<Answer> answers = new ArrayList<>();

		boolean deny;

		@Override
		public void acquire(VoucherifyOperation operation, Duration timeLeft) {
			this.permits.add(operation);
			if (this.deny) {
				throw new VoucherifyCallBudgetException(operation.sdkName() + " was not sent", Duration.ofSeconds(7));
			}
		}

		@Override
		public void learn(VoucherifyOperation operation, int statusCode, HttpHeaders headers) {
			this.answers.add(new Answer(statusCode, headers));
		}

		@Override
		public Map<String, Object> describe() {
			return Map.of("recording", true);
		}

	}

	record Answer(int status, HttpHeaders headers) {
	}

}
