package io.voucherify.spring;

import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.voucherify.spring.exception.VoucherifyAsyncActionFailedException;
import io.voucherify.spring.exception.VoucherifyJobTimeoutException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.AsyncActionOperationStatus;
import io.voucherify.spring.model.AsyncActionStatus;
import io.voucherify.spring.model.CsvImportFailure;
import io.voucherify.spring.model.CsvImportResult;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code getAsyncAction} and {@code awaitAsyncAction} against a WireMock Voucherify: the
 * contract's examples read into the model, unknown values tolerated, and the wait's
 * polling, failure and timeout. Every request is validated against the contract.
 */
class AsyncActionsTests {

	/** Polls without the production pauses, so that a wait takes milliseconds. */
	static final VoucherifyJobSettings FAST_POLLING = new VoucherifyJobSettings(Duration.ZERO, Duration.ofMillis(10),
			2.0, Duration.ofMillis(40));

	private static final String PATH = "/v1/async-actions/aa_0c555db3d697b643e1";

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private VouchersTemplate vouchers;

	@BeforeEach
	void createTemplate() {
		this.vouchers = TestClients.builder(wireMock.baseUrl()).jobs(FAST_POLLING).build();
	}

	@AfterEach
	void everyRequestConformsToTheContract() {
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		OpenApiContract.assertConforms(requests);
		assertThat(requests).allSatisfy((request) -> assertThat(request.getHeader("X-App-Token")).isEqualTo("secret"));
	}

	@Nested
	class GetAsyncAction {

		@Test
		void readsADoneCsvImportWithItsFailedRows() {
			wireMock.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-import-csv-done.json"))));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1");

			assertThat(action.id()).isEqualTo("aa_0c555db3d697b643e1");
			assertThat(action.type()).isEqualTo("VOUCHERS.IMPORT_CSV");
			assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
			assertThat(action.isFinished()).isTrue();
			assertThat(action.progress()).isEqualTo(100);
			assertThat(action.processingTime()).isEqualTo(173L);
			assertThat(action.requestId()).isEqualTo("v-0c555db3ba8b0f0767");
			assertThat(action.createdAt()).isNotNull();
			assertThat(action.operationStatus()).isNull();
			CsvImportResult result = action.csvImportResult();
			assertThat(result).isNotNull();
			assertThat(result.message()).isEqualTo("0 voucher(s) imported successfully, 2 failed.");
			assertThat(result.doneCount()).isZero();
			assertThat(result.failedCount()).isEqualTo(2);
			assertThat(result.hasFailures()).isTrue();
			assertThat(result.failed()).containsExactly(new CsvImportFailure("FALL2023", 1, "Voucher Type is required"),
					new CsvImportFailure("FALL2024", 2, "Voucher Type is required"));
		}

		@Test
		void readsAnActionInProgressWithoutAResult() {
			wireMock
				.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-in-progress.COMPOSED.json"))));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1");

			assertThat(action.status()).isEqualTo(AsyncActionStatus.IN_PROGRESS);
			assertThat(action.isFinished()).isFalse();
			assertThat(action.progress()).isEqualTo(40);
			assertThat(action.result()).isNull();
			assertThat(action.csvImportResult()).isNull();
		}

		@ParameterizedTest
		@CsvSource({ "ENQUEUED, false", "IN_PROGRESS, false", "DONE, true", "FAILED, true" })
		void readsEveryStatusAndWhetherItIsFinal(String status, boolean finished) {
			wireMock.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-in-progress.COMPOSED.json")
				.replace("\"IN_PROGRESS\"", "\"" + status + "\""))));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1");

			assertThat(action.status()).isEqualTo(AsyncActionStatus.valueOf(status));
			assertThat(action.isFinished()).isEqualTo(finished);
		}

		@Test
		void unknownStatusesTypesAndFieldsAreTolerated() {
			wireMock.stubFor(get(PATH).willReturn(okJson("""
					{"id":"aa_1","type":"VOUCHERS.SOMETHING_NEW","status":"PAUSED","operation_status":"PARTIAL",
					 "user":{"id":"user_1"},"log_id":"log_1","progress":null,"result":null}""")));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1");

			assertThat(action.status()).isEqualTo(AsyncActionStatus.UNKNOWN);
			assertThat(action.isFinished()).isFalse();
			assertThat(action.operationStatus()).isEqualTo(AsyncActionOperationStatus.UNKNOWN);
			assertThat(action.progress()).isNull();
			assertThat(action.result()).isNull();
		}

		@Test
		void anotherTypesResultStaysReadableAsJson() {
			wireMock.stubFor(get(PATH).willReturn(
					okJson("""
							{"id":"aa_1","type":"VOUCHERS.BULK_UPDATE","status":"DONE","operation_status":"SUCCESS",
							 "result":{"results":[{"code":"A","updated":true}],"reports_available_till":"2030-01-01T00:00:00Z"}}""")));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1");

			assertThat(action.operationStatus()).isEqualTo(AsyncActionOperationStatus.SUCCESS);
			assertThat(action.csvImportResult()).isNull();
			assertThat(action.result().path("results").get(0).path("code").stringValue()).isEqualTo("A");
		}

		@Test
		void aCsvImportResultOfUnexpectedShapeReadsAsAbsentValues() {
			wireMock.stubFor(get(PATH).willReturn(okJson("""
					{"id":"aa_1","type":"VOUCHERS.IMPORT_CSV","status":"DONE",
					 "result":{"done_count":"3","failed":[{"code":7,"row":"x"},"oops"],"message":null}}""")));

			CsvImportResult result = AsyncActionsTests.this.vouchers.getAsyncAction("aa_0c555db3d697b643e1")
				.csvImportResult();

			assertThat(result.doneCount()).isNull();
			assertThat(result.message()).isNull();
			assertThat(result.failed()).containsExactly(new CsvImportFailure(null, null, null));
		}

		@Test
		void withHttpInfoGivesTheStatusAndHeaders() {
			wireMock.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-import-csv-done.json"))
				.withHeader("X-Rate-Limit-Remaining", "99")));

			ResponseEntity<AsyncActionDetails> response = AsyncActionsTests.this.vouchers
				.getAsyncActionWithHttpInfo("aa_0c555db3d697b643e1");

			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("99");
			assertThat(response.getBody().status()).isEqualTo(AsyncActionStatus.DONE);
		}

		@Test
		void anUnknownIdIsNotFoundWithVoucherifysEnvelope() {
			wireMock.stubFor(get("/v1/async-actions/aa_0aeb82bd55d5beffb").willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("error-404-async-action-not-found.json"))));

			assertThatExceptionOfType(VoucherifyNotFoundException.class)
				.isThrownBy(() -> AsyncActionsTests.this.vouchers.getAsyncAction("aa_0aeb82bd55d5beffb"))
				.satisfies((ex) -> {
					assertThat(ex.getKey()).isEqualTo("not_found");
					assertThat(ex.getResourceType()).isEqualTo("async_action");
					assertThat(ex.getResourceId()).isEqualTo("aa_0aeb82bd55d5beffb");
					assertThat(ex.getRequestId()).isEqualTo("v-0aeb88df54c82af560");
				});
		}

		@Test
		void theIdIsOneEncodedPathSegment() {
			wireMock.stubFor(get(urlEqualTo("/v1/async-actions/aa_1%2F..%3Fx%3D1"))
				.willReturn(okJson(Examples.read("get-async-action-200-in-progress.COMPOSED.json"))));

			AsyncActionsTests.this.vouchers.getAsyncAction("aa_1/..?x=1");

			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/async-actions/aa_1%2F..%3Fx%3D1")));
		}

		@Test
		void aBlankIdFailsBeforeAnythingIsSent() {
			assertThatIllegalArgumentException().isThrownBy(() -> AsyncActionsTests.this.vouchers.getAsyncAction(" "))
				.withMessageContaining("asyncActionId");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		}

	}

	@Nested
	class AwaitAsyncAction {

		@Test
		void pollsUntilTheActionIsDoneAndReturnsIt() {
			stubProgression("get-async-action-200-in-progress.COMPOSED.json",
					"get-async-action-200-in-progress.COMPOSED.json", "get-async-action-200-import-csv-done.json");

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
					Duration.ofSeconds(10));

			assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
			assertThat(action.csvImportResult().failedCount()).isEqualTo(2);
			wireMock.verify(3, getRequestedFor(urlEqualTo(PATH)));
		}

		@Test
		void withHttpInfoGivesTheLastPollsStatusAndHeaders() {
			wireMock.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-import-csv-done.json"))
				.withHeader("X-Rate-Limit-Remaining", "97")));

			ResponseEntity<AsyncActionDetails> response = AsyncActionsTests.this.vouchers
				.awaitAsyncActionWithHttpInfo("aa_0c555db3d697b643e1", Duration.ofSeconds(10));

			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("97");
			assertThat(response.getBody().status()).isEqualTo(AsyncActionStatus.DONE);
		}

		@Test
		void doneWithEveryRowFailedIsAResultNotAnException() {
			stubProgression("get-async-action-200-import-csv-done.json");

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
					Duration.ofSeconds(10));

			assertThat(action.csvImportResult().doneCount()).isZero();
			assertThat(action.csvImportResult().failed()).hasSize(2);
		}

		@Test
		void failedIsAnExceptionCarryingTheAction() {
			wireMock.stubFor(get(PATH).willReturn(okJson("""
					{"id":"aa_0c555db3d697b643e1","type":"VOUCHERS.IMPORT_CSV","status":"FAILED","progress":30}""")));

			assertThatExceptionOfType(VoucherifyAsyncActionFailedException.class)
				.isThrownBy(() -> AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
						Duration.ofSeconds(10)))
				.withMessage("Async action aa_0c555db3d697b643e1 (VOUCHERS.IMPORT_CSV) failed")
				.satisfies((ex) -> {
					assertThat(ex.getJobId()).isEqualTo("aa_0c555db3d697b643e1");
					assertThat(ex.getAsyncAction().status()).isEqualTo(AsyncActionStatus.FAILED);
					assertThat(ex.getAsyncAction().progress()).isEqualTo(30);
				});
		}

		@Test
		void aTimeoutSaysHowLongItWaitedAndTheLastStatusSeen() {
			wireMock
				.stubFor(get(PATH).willReturn(okJson(Examples.read("get-async-action-200-in-progress.COMPOSED.json"))));
			long start = System.nanoTime();

			assertThatExceptionOfType(VoucherifyJobTimeoutException.class)
				.isThrownBy(() -> AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
						Duration.ofMillis(300)))
				.withMessageStartingWith("Async action aa_0c555db3d697b643e1 did not finish within 300 ms (waited ")
				.withMessageEndingWith("last status IN_PROGRESS)")
				.satisfies((ex) -> {
					assertThat(ex.getJobId()).isEqualTo("aa_0c555db3d697b643e1");
					assertThat(ex.getLastStatus()).isEqualTo("IN_PROGRESS");
					assertThat(ex.getWaited()).isBetween(Duration.ofMillis(150), Duration.ofMillis(1_300));
				});
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
		}

		@Test
		void aPollThatHangsEndsByTheTimeout() {
			wireMock.stubFor(get(PATH).willReturn(
					okJson(Examples.read("get-async-action-200-in-progress.COMPOSED.json")).withFixedDelay(5_000)));
			long start = System.nanoTime();

			assertThatExceptionOfType(VoucherifyJobTimeoutException.class)
				.isThrownBy(() -> AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
						Duration.ofMillis(500)))
				.withMessageContaining("last status unknown: no poll answered")
				.satisfies((ex) -> assertThat(ex.getLastStatus()).isNull());
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(1_500));
		}

		@Test
		void theFirstPollWaitsTheFirstPollDelay() {
			VouchersTemplate patient = TestClients.builder(wireMock.baseUrl())
				.jobs(new VoucherifyJobSettings(Duration.ofMillis(400), Duration.ofMillis(10), 1.0,
						Duration.ofMillis(10)))
				.build();
			stubProgression("get-async-action-200-import-csv-done.json");
			long start = System.nanoTime();

			patient.awaitAsyncAction("aa_0c555db3d697b643e1", Duration.ofSeconds(10));

			assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
			wireMock.verify(1, getRequestedFor(urlEqualTo(PATH)));
		}

		@Test
		void aPollIsRetriedAsARead() {
			wireMock.stubFor(get(PATH).inScenario("poll")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("up"));
			wireMock.stubFor(get(PATH).inScenario("poll")
				.whenScenarioStateIs("up")
				.willReturn(okJson(Examples.read("get-async-action-200-import-csv-done.json"))));

			AsyncActionDetails action = AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
					Duration.ofSeconds(10));

			assertThat(action.status()).isEqualTo(AsyncActionStatus.DONE);
			wireMock.verify(2, getRequestedFor(urlEqualTo(PATH)));
		}

		@Test
		void aMissingActionIsNotFoundAtOnce() {
			wireMock.stubFor(get(PATH).willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("error-404-async-action-not-found.json"))));

			assertThatExceptionOfType(VoucherifyNotFoundException.class)
				.isThrownBy(() -> AsyncActionsTests.this.vouchers.awaitAsyncAction("aa_0c555db3d697b643e1",
						Duration.ofSeconds(10)));
			wireMock.verify(1, getRequestedFor(urlEqualTo(PATH)));
		}

		@Test
		void badArgumentsFailBeforeAnythingIsSent() {
			VouchersTemplate vouchers = AsyncActionsTests.this.vouchers;
			assertThatIllegalArgumentException().isThrownBy(() -> vouchers.awaitAsyncAction("", Duration.ofSeconds(1)))
				.withMessageContaining("asyncActionId");
			assertThatIllegalArgumentException().isThrownBy(() -> vouchers.awaitAsyncAction("aa_1", null))
				.withMessageContaining("timeout");
			assertThatIllegalArgumentException().isThrownBy(() -> vouchers.awaitAsyncAction("aa_1", Duration.ZERO))
				.withMessageContaining("timeout");
			wireMock.verify(0, anyRequestedFor(anyUrl()));
		}

		/** Each poll answers the next example, the last one for good. */
		private void stubProgression(String... examples) {
			for (int i = 0; i < examples.length; i++) {
				String state = (i == 0) ? Scenario.STARTED : "poll " + i;
				var stub = get(PATH).inScenario("progress")
					.whenScenarioStateIs(state)
					.willReturn(okJson(Examples.read(examples[i])));
				wireMock.stubFor((i < examples.length - 1) ? stub.willSetStateTo("poll " + (i + 1)) : stub);
			}
		}

	}

}
