package io.voucherify.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.voucherify.spring.exception.VoucherifyAuthenticationException;
import io.voucherify.spring.exception.VoucherifyExportFailedException;
import io.voucherify.spring.exception.VoucherifyExportNotReadyException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyJobTimeoutException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.exception.VoucherifyTransportException;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.ExportStatus;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.micrometer.observation.tck.TestObservationRegistryAssert.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * {@code getExport}, {@code awaitExport} and {@code downloadExport} against a WireMock
 * Voucherify API host and a second WireMock as its download host: the contract's
 * examples, the wait, and a download that sends its credentials only to Voucherify's
 * hosts, streams the file, and is retried only while nothing has been written.
 */
class ExportsTests {

	private static final String ID = "exp_ARi2UbRjgfrHQJoVcKFrBUgA";

	private static final String PATH = "/v1/exports/" + ID;

	private static final String TOKEN = "TOKEN-7f3a9c";

	private static final String CSV = """
			ID,Type,Source ID,Reason,Balance,Amount,Created At
			vtx_1,CREDITS_ADDITION,,,"12,000",2000,2023-05-16T08:30:21.496Z
			""";

	@RegisterExtension
	static final WireMockExtension api = TestClients.wireMock();

	@RegisterExtension
	static final WireMockExtension downloadHost = TestClients.wireMock();

	private final TestObservationRegistry observations = TestObservationRegistry.create();

	private VouchersTemplate vouchers;

	@BeforeEach
	void createTemplate() {
		this.vouchers = TestClients.builder(api.baseUrl())
			.jobs(AsyncActionsTests.FAST_POLLING)
			.observationRegistry(this.observations)
			.build();
	}

	@AfterEach
	void everyRequestConformsToTheContract() {
		List<LoggedRequest> requests = Stream
			.concat(api.findAll(anyRequestedFor(anyUrl())).stream(),
					downloadHost.findAll(anyRequestedFor(anyUrl())).stream())
			.toList();
		OpenApiContract.assertConforms(requests);
	}

	@Nested
	class GetExport {

		@Test
		void readsAScheduledExport() {
			api.stubFor(get(PATH).willReturn(okJson(Examples.read("get-export-200-scheduled.json"))));

			Export export = ExportsTests.this.vouchers.getExport(ID);

			assertThat(export.id()).isEqualTo(ID);
			assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
			assertThat(export.isFinished()).isFalse();
			assertThat(export.exportedObject()).isEqualTo("voucher_transactions");
			assertThat(export.parameters().order()).isEqualTo("-created_at");
			assertThat(export.parameters().fields()).hasSize(12).startsWith("id", "type", "source_id");
			assertThat(export.parameters()
				.filters()
				.path("voucher_id")
				.path("conditions")
				.path("$in")
				.get(0)
				.stringValue()).isEqualTo("HRwc0oHz");
			assertThat(export.result()).isNull();
			assertThat(export.downloadUrl()).isNull();
			assertThat(export.userId()).isNull();
		}

		@Test
		void readsADoneExportWithItsFileUrl() {
			api.stubFor(get(PATH)
				.willReturn(okJson(Examples.read("get-export-200-done-voucher-transactions.COMPOSED.json"))));

			Export export = ExportsTests.this.vouchers.getExport(ID);

			assertThat(export.status()).isEqualTo(ExportStatus.DONE);
			assertThat(export.isFinished()).isTrue();
			assertThat(export.downloadUrl())
				.isEqualTo("https://download.voucherify.io/v1/exports/exp_ARi2UbRjgfrHQJoVcKFrBUgA?token=TOKEN");
		}

		@Test
		void readsExportsOfOtherObjects() {
			api.stubFor(get("/v1/exports/export_lhZvHKphiMESVdIncRKvoaZh")
				.willReturn(okJson(Examples.read("get-export-200-done-csv-export-guide.json"))));
			api.stubFor(get("/v1/exports/exp_CGnCVltmWjI9V1pGlnunw2Nf")
				.willReturn(okJson(Examples.read("get-export-200-done.json"))));

			Export vouchers = ExportsTests.this.vouchers.getExport("export_lhZvHKphiMESVdIncRKvoaZh");
			Export customers = ExportsTests.this.vouchers.getExport("exp_CGnCVltmWjI9V1pGlnunw2Nf");

			assertThat(vouchers.exportedObject()).isEqualTo("voucher");
			assertThat(vouchers.parameters().fields()).containsExactly("code", "voucher_type");
			assertThat(vouchers.userId()).isNull();
			assertThat(customers.exportedObject()).isEqualTo("customer");
			assertThat(customers.parameters().order()).isEmpty();
			assertThat(customers.parameters().fields()).containsExactly("name", "id", "email", "source_id",
					"created_at");
		}

		@ParameterizedTest
		@CsvSource({ "SCHEDULED, false", "IN_PROGRESS, false", "DONE, true", "ERROR, true" })
		void readsEveryStatusAndWhetherItIsFinal(String status, boolean finished) {
			api.stubFor(get(PATH).willReturn(okJson(
					Examples.read("get-export-200-scheduled.json").replace("\"SCHEDULED\"", "\"" + status + "\""))));

			Export export = ExportsTests.this.vouchers.getExport(ID);

			assertThat(export.status()).isEqualTo(ExportStatus.valueOf(status));
			assertThat(export.isFinished()).isEqualTo(finished);
		}

		@Test
		void anUnknownStatusIsTolerated() {
			api.stubFor(get(PATH).willReturn(okJson("""
					{"id":"exp_1","status":"ARCHIVED","exported_object":"something_new","parameters":{"fields":["x"]},
					 "result":null,"surprise":true}""")));

			Export export = ExportsTests.this.vouchers.getExport(ID);

			assertThat(export.status()).isEqualTo(ExportStatus.UNKNOWN);
			assertThat(export.isFinished()).isFalse();
			assertThat(export.exportedObject()).isEqualTo("something_new");
		}

		@Test
		void withHttpInfoGivesTheStatusAndHeaders() {
			api.stubFor(get(PATH).willReturn(
					okJson(Examples.read("get-export-200-scheduled.json")).withHeader("X-Rate-Limit-Remaining", "98")));

			ResponseEntity<Export> response = ExportsTests.this.vouchers.getExportWithHttpInfo(ID);

			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("98");
			assertThat(response.getBody().status()).isEqualTo(ExportStatus.SCHEDULED);
		}

		@Test
		void anUnknownIdIsNotFoundWithVoucherifysEnvelope() {
			api.stubFor(get("/v1/exports/exp_8fNoLwgVPuhoxNzVsr50kq0").willReturn(aResponse().withStatus(404)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("error-404-export-not-found.json"))));

			assertThatExceptionOfType(VoucherifyNotFoundException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.getExport("exp_8fNoLwgVPuhoxNzVsr50kq0"))
				.satisfies((ex) -> {
					assertThat(ex.getResourceType()).isEqualTo("export");
					assertThat(ex.getResourceId()).isEqualTo("exp_8fNoLwgVPuhoxNzVsr50kq0");
					assertThat(ex.getRequestId()).isEqualTo("v-0b029305af4524cf42");
				});
		}

		@Test
		void theResultsTokenIsNotInToString() {
			api.stubFor(get(PATH).willReturn(okJson(doneExport(downloadHost.baseUrl()))));

			Export export = ExportsTests.this.vouchers.getExport(ID);

			assertThat(export.toString()).doesNotContain(TOKEN).contains("(hidden)");
		}

	}

	@Nested
	class AwaitExport {

		@Test
		void pollsUntilTheExportIsDone() {
			api.stubFor(get(PATH).inScenario("export")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(okJson(Examples.read("get-export-200-scheduled.json")))
				.willSetStateTo("in progress"));
			api.stubFor(get(PATH).inScenario("export")
				.whenScenarioStateIs("in progress")
				.willReturn(okJson(Examples.read("get-export-200-scheduled.json").replace("SCHEDULED", "IN_PROGRESS")))
				.willSetStateTo("done"));
			api.stubFor(get(PATH).inScenario("export")
				.whenScenarioStateIs("done")
				.willReturn(okJson(Examples.read("get-export-200-done-voucher-transactions.COMPOSED.json"))));

			Export export = ExportsTests.this.vouchers.awaitExport(ID, Duration.ofSeconds(10));

			assertThat(export.status()).isEqualTo(ExportStatus.DONE);
			api.verify(3, getRequestedFor(urlEqualTo(PATH)));
			assertThat(ExportsTests.this.observations)
				.hasNumberOfObservationsWithNameEqualTo("voucherify.client.requests", 3)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "get_export"));
		}

		@Test
		void withHttpInfoGivesTheLastPollsStatusAndHeaders() {
			api.stubFor(
					get(PATH).willReturn(okJson(Examples.read("get-export-200-done-voucher-transactions.COMPOSED.json"))
						.withHeader("X-Rate-Limit-Remaining", "96")));

			ResponseEntity<Export> response = ExportsTests.this.vouchers.awaitExportWithHttpInfo(ID,
					Duration.ofSeconds(10));

			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("96");
			assertThat(response.getBody().status()).isEqualTo(ExportStatus.DONE);
		}

		@Test
		void errorIsAnExceptionCarryingTheExport() {
			api.stubFor(get(PATH)
				.willReturn(okJson(Examples.read("get-export-200-scheduled.json").replace("SCHEDULED", "ERROR"))));

			assertThatExceptionOfType(VoucherifyExportFailedException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.awaitExport(ID, Duration.ofSeconds(10)))
				.withMessageStartingWith("Export " + ID + " of voucher_transactions ended with status ERROR")
				.satisfies((ex) -> assertThat(ex.getExport().status()).isEqualTo(ExportStatus.ERROR));
		}

		@Test
		void aTimeoutSaysTheLastStatusSeen() {
			api.stubFor(get(PATH).willReturn(okJson(Examples.read("get-export-200-scheduled.json"))));

			assertThatExceptionOfType(VoucherifyJobTimeoutException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.awaitExport(ID, Duration.ofMillis(200)))
				.withMessageStartingWith("Export " + ID + " did not finish within 200 ms")
				.satisfies((ex) -> assertThat(ex.getLastStatus()).isEqualTo("SCHEDULED"));
		}

	}

	@Nested
	class DownloadExport {

		@Test
		void streamsTheFileFromTheResultUrlWithTheTokenAndTheHeaders() {
			stubDoneExport();
			stubDownload(aResponse().withStatus(200).withHeader("Content-Type", "text/plain").withBody(CSV));
			ByteArrayOutputStream target = new ByteArrayOutputStream();

			long bytes = ExportsTests.this.vouchers.downloadExport(ID, target);

			assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(CSV);
			assertThat(bytes).isEqualTo(CSV.getBytes(StandardCharsets.UTF_8).length);
			api.verify(1, getRequestedFor(urlEqualTo(PATH)));
			downloadHost.verify(1,
					getRequestedFor(urlEqualTo(PATH + "?token=" + TOKEN)).withHeader("X-App-Id", equalTo("app"))
						.withHeader("X-App-Token", equalTo("secret"))
						.withHeader("Accept", containing("text/plain")));
		}

		@Test
		void toAFileWritesTheWholeFile(@TempDir Path directory) throws IOException {
			stubDoneExport();
			stubDownload(aResponse().withStatus(200).withBody(CSV));
			Path target = directory.resolve("transactions.csv");

			long bytes = ExportsTests.this.vouchers.downloadExport(ID, target);

			assertThat(target).hasContent(CSV.strip());
			assertThat(bytes).isEqualTo(Files.size(target));
			try (Stream<Path> files = Files.list(directory)) {
				assertThat(files).containsExactly(target);
			}
		}

		@Test
		void toAFileLeavesNothingBehindWhenTheDownloadFails(@TempDir Path directory) throws IOException {
			stubDoneExport();
			stubDownload(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":401,\"message\":\"Unauthorized\",\"key\":\"unauthorized\"}"));
			Path target = directory.resolve("transactions.csv");

			assertThatExceptionOfType(VoucherifyAuthenticationException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, target));
			try (Stream<Path> files = Files.list(directory)) {
				assertThat(files).isEmpty();
			}
		}

		@Test
		void aRejectedTokenIsAnAuthenticationErrorThatDoesNotShowTheToken() {
			stubDoneExport();
			stubDownload(aResponse().withStatus(401)
				.withHeader("Content-Type", "application/json")
				.withBody("{\"code\":401,\"message\":\"Unauthorized\",\"key\":\"unauthorized\"}"));

			assertThatExceptionOfType(VoucherifyAuthenticationException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()))
				.satisfies((ex) -> {
					assertThat(ex.getKey()).isEqualTo("unauthorized");
					assertThat(ex.getMessage()).doesNotContain(TOKEN);
				});
		}

		@Test
		void aUrlOnAnotherHostIsRefusedAndNothingIsSentThere() {
			api.stubFor(get(PATH).willReturn(okJson(doneExport("https://evil.example.com"))));

			assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()))
				.withMessageContaining("https://evil.example.com")
				.withMessageContaining("not one of Voucherify's hosts")
				.withMessageNotContaining(TOKEN);
			api.verify(1, anyRequestedFor(anyUrl()));
		}

		@Test
		void plainHttpToAVoucherifyHostIsRefused() {
			api.stubFor(get(PATH).willReturn(okJson(doneExport("http://download.voucherify.io"))));

			assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()))
				.withMessageContaining("http://download.voucherify.io");
		}

		@Test
		void anExportNotDoneIsNotReadyAndNothingIsDownloaded() {
			api.stubFor(get(PATH).willReturn(okJson(Examples.read("get-export-200-scheduled.json"))));

			assertThatExceptionOfType(VoucherifyExportNotReadyException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()))
				.withMessage("Export " + ID
						+ " is SCHEDULED, not DONE: its file is not ready yet; wait for it with awaitExport first")
				.satisfies((ex) -> assertThat(ex.getExport().status()).isEqualTo(ExportStatus.SCHEDULED));
			downloadHost.verify(0, anyRequestedFor(anyUrl()));
		}

		@Test
		void anExportDoneWithoutAUrlIsNotReady() {
			api.stubFor(get(PATH).willReturn(
					okJson(Examples.read("get-export-200-scheduled.json").replace("\"SCHEDULED\"", "\"DONE\""))));

			assertThatExceptionOfType(VoucherifyExportNotReadyException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()))
				.withMessageContaining("gave no result.url");
		}

		@Test
		void aFailedExportIsAFailure() {
			api.stubFor(get(PATH)
				.willReturn(okJson(Examples.read("get-export-200-scheduled.json").replace("SCHEDULED", "ERROR"))));

			assertThatExceptionOfType(VoucherifyExportFailedException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream()));
		}

		@Test
		void aDownloadThatFailsBeforeAnyByteIsRetried() {
			stubDoneExport();
			downloadHost.stubFor(get(urlPathEqualTo(PATH)).inScenario("download")
				.whenScenarioStateIs(Scenario.STARTED)
				.willReturn(aResponse().withStatus(503))
				.willSetStateTo("up"));
			downloadHost.stubFor(get(urlPathEqualTo(PATH)).inScenario("download")
				.whenScenarioStateIs("up")
				.willReturn(aResponse().withStatus(200).withBody(CSV)));
			ByteArrayOutputStream target = new ByteArrayOutputStream();

			ExportsTests.this.vouchers.downloadExport(ID, target);

			assertThat(target.toString(StandardCharsets.UTF_8)).isEqualTo(CSV);
			downloadHost.verify(2, getRequestedFor(urlPathEqualTo(PATH)));
		}

		@Test
		void aDownloadThatBreaksAfterWritingIsNotRetried() {
			try (HostileServer server = HostileServer.start((exchange) -> {
				if (!exchange.request.path().contains("token=")) {
					byte[] json = doneExport("http://127.0.0.1:" + exchange.request.headers().get("host").split(":")[1])
						.getBytes(StandardCharsets.UTF_8);
					exchange.head(200, "application/json", "Content-Length: " + json.length);
					exchange.out.write(json);
					return;
				}
				// A body cut short: 1000 bytes promised, 100 sent.
				exchange.head(200, "text/plain", "Content-Length: 1000");
				exchange.out.write("x".repeat(100).getBytes(StandardCharsets.US_ASCII));
				exchange.out.flush();
			})) {
				VouchersTemplate vouchers = TestClients.builder(server.baseUrl()).build();
				ByteArrayOutputStream target = new ByteArrayOutputStream();

				assertThatExceptionOfType(VoucherifyTransportException.class)
					.isThrownBy(() -> vouchers.downloadExport(ID, target));

				assertThat(target.size()).isEqualTo(100);
				assertThat(server.requests()).filteredOn((request) -> request.path().contains("token=")).hasSize(1);
			}
		}

		@Test
		void aTargetThatCannotBeWrittenFailsAsItselfAndIsNotRetried() {
			stubDoneExport();
			stubDownload(aResponse().withStatus(200).withBody(CSV));
			OutputStream full = new OutputStream() {

				@Override
				public void write(int b) throws IOException {
					throw new IOException("No space left on device");
				}

			};

			assertThatExceptionOfType(UncheckedIOException.class)
				.isThrownBy(() -> ExportsTests.this.vouchers.downloadExport(ID, full))
				.withMessageContaining("No space left on device");
			downloadHost.verify(1, getRequestedFor(urlPathEqualTo(PATH)));
		}

		@Test
		void eachStepIsItsOwnObservationWithoutTheToken() {
			stubDoneExport();
			stubDownload(aResponse().withStatus(200).withBody(CSV));

			ExportsTests.this.vouchers.downloadExport(ID, new ByteArrayOutputStream());

			assertThat(ExportsTests.this.observations)
				.hasNumberOfObservationsWithNameEqualTo("voucherify.client.requests", 2)
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "get_export"))
				.hasAnObservation((observation) -> observation.hasLowCardinalityKeyValue("operation", "download_export")
					.hasLowCardinalityKeyValue("status", "200"));
			assertThat(ExportsTests.this.observations).hasHandledContextsThatSatisfy((contexts) -> assertThat(contexts)
				.allSatisfy((context) -> assertThat(context.getAllKeyValues().toString()).doesNotContain(TOKEN)));
		}

		@Test
		void badArgumentsFailBeforeAnythingIsSent() {
			VouchersTemplate vouchers = ExportsTests.this.vouchers;
			assertThatIllegalArgumentException()
				.isThrownBy(() -> vouchers.downloadExport(" ", new ByteArrayOutputStream()))
				.withMessageContaining("exportId");
			assertThatIllegalArgumentException().isThrownBy(() -> vouchers.downloadExport(ID, (OutputStream) null))
				.withMessageContaining("target");
			assertThatIllegalArgumentException().isThrownBy(() -> vouchers.downloadExport(ID, (Path) null))
				.withMessageContaining("target");
			assertThatIllegalArgumentException()
				.isThrownBy(() -> vouchers.downloadExport(ID, Path.of("/no/such/directory/file.csv")))
				.withMessageContaining("directory");
			api.verify(0, anyRequestedFor(anyUrl()));
		}

		private void stubDoneExport() {
			api.stubFor(get(PATH).willReturn(okJson(doneExport(downloadHost.baseUrl()))));
		}

		private void stubDownload(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
			downloadHost.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("token", equalTo(TOKEN))
				.withHeader("X-App-Token", equalTo("secret"))
				.willReturn(answer));
			downloadHost.stubFor(get(urlPathEqualTo(PATH)).withQueryParam("token", absent())
				.willReturn(aResponse().withStatus(401)));
		}

	}

	/** The contract's done export, its file on {@code host}. */
	static String doneExport(String host) {
		return Examples.read("get-export-200-done-voucher-transactions.COMPOSED.json")
			.replace("https://download.voucherify.io", host)
			.replace("token=TOKEN", "token=" + TOKEN);
	}

}
