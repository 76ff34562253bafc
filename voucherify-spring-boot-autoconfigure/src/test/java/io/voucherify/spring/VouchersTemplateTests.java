package io.voucherify.spring;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.BalanceOperationType;
import io.voucherify.spring.model.BalanceType;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.DiscountType;
import io.voucherify.spring.model.ExportStatus;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportField;
import io.voucherify.spring.model.TransactionsExportOrder;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsOrder;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransactionType;
import io.voucherify.spring.model.VoucherTransactionsPage;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import static com.github.tomakehurst.wiremock.client.WireMock.aMultipart;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The nine operations against a WireMock Voucherify, plain and {@code WithHttpInfo}: the
 * exact request (method, raw path, query, headers, body) and the parsed example
 * responses. Every request sent is validated against the OpenAPI contract after each
 * test.
 */
class VouchersTemplateTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private VouchersTemplate vouchers;

	@BeforeEach
	void createTemplate() {
		this.vouchers = VouchersTemplate.builder()
			.appId("app-id-123")
			.secretKey("secret-key-456")
			.baseUrl(wireMock.baseUrl())
			.build();
	}

	@AfterEach
	void everyRequestConformsToTheContractAndCarriesTheHeaders() {
		List<LoggedRequest> requests = wireMock.findAll(anyRequestedFor(anyUrl()));
		OpenApiContract.assertConforms(requests);
		for (LoggedRequest request : requests) {
			assertThat(request.getHeader("X-App-Id")).isEqualTo("app-id-123");
			assertThat(request.getHeader("X-App-Token")).isEqualTo("secret-key-456");
			assertThat(request.getHeader("X-Voucherify-Channel")).isEqualTo("voucherify-spring-boot-starter");
			assertThat(request.getHeader("X-Voucherify-API-Version")).isEqualTo("v2018-08-01");
			assertThat(request.getHeader("User-Agent")).matches("voucherify-spring-boot-starter/\\d+\\.\\d+\\.\\d+.*");
		}
	}

	@Nested
	class GetVoucher {

		@Test
		void readsAGiftCard() {
			wireMock.stubFor(
					get("/v1/vouchers/GIFT-1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.getVoucher("GIFT-1");

			assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
			assertThat(voucher.code()).isNotBlank();
			assertThat(voucher.gift()).isNotNull();
			assertThat(voucher.gift().amount()).isPositive();
			assertThat(voucher.gift().balance()).isNotNull();
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("Accept",
					containing("application/json")));
		}

		@Test
		void readsAnAmountDiscount() {
			wireMock.stubFor(get("/v1/vouchers/AMOUNT")
				.willReturn(okJson(Examples.read("get-voucher-200-discount-amount.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.getVoucher("AMOUNT");

			assertThat(voucher.type()).isEqualTo(VoucherType.DISCOUNT_VOUCHER);
			assertThat(voucher.discount().type()).isEqualTo(DiscountType.AMOUNT);
			assertThat(voucher.discount().amountOff()).isPositive();
		}

		@Test
		void readsAPercentDiscount() {
			wireMock.stubFor(get("/v1/vouchers/PERCENT")
				.willReturn(okJson(Examples.read("get-voucher-200-discount-percent.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.getVoucher("PERCENT");

			assertThat(voucher.discount().type()).isEqualTo(DiscountType.PERCENT);
			assertThat(voucher.discount().percentOff()).isPositive();
		}

		@Test
		void readsALoyaltyCard() {
			wireMock.stubFor(
					get("/v1/vouchers/LOYAL").willReturn(okJson(Examples.read("get-voucher-200-loyalty-card.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.getVoucher("LOYAL");

			assertThat(voucher.type()).isEqualTo(VoucherType.LOYALTY_CARD);
			assertThat(voucher.loyaltyCard().points()).isNotNull();
		}

		@Test
		void withHttpInfoGivesStatusAndHeaders() {
			wireMock
				.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))
					.withHeader("X-Rate-Limit-Remaining", "97")));

			ResponseEntity<Voucher> response = VouchersTemplateTests.this.vouchers.getVoucherWithHttpInfo("GIFT-1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getHeaders().getFirst("X-Rate-Limit-Remaining")).isEqualTo("97");
			assertThat(response.getBody().type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		}

	}

	@Nested
	class EnableAndDisable {

		@Test
		void enablePostsToEnable() {
			wireMock
				.stubFor(post("/v1/vouchers/V1/enable").willReturn(okJson(Examples.read("enable-voucher-200.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.enableVoucher("V1");

			assertThat(voucher.active()).isTrue();
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/V1/enable")));
		}

		@Test
		void enableWithHttpInfoGivesStatus() {
			wireMock
				.stubFor(post("/v1/vouchers/V1/enable").willReturn(okJson(Examples.read("enable-voucher-200.json"))));

			ResponseEntity<Voucher> response = VouchersTemplateTests.this.vouchers.enableVoucherWithHttpInfo("V1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().active()).isTrue();
		}

		@Test
		void disablePostsToDisable() {
			wireMock
				.stubFor(post("/v1/vouchers/V1/disable").willReturn(okJson(Examples.read("disable-voucher-200.json"))));

			Voucher voucher = VouchersTemplateTests.this.vouchers.disableVoucher("V1");

			assertThat(voucher.active()).isFalse();
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/V1/disable")));
		}

		@Test
		void disableWithHttpInfoGivesStatus() {
			wireMock
				.stubFor(post("/v1/vouchers/V1/disable").willReturn(okJson(Examples.read("disable-voucher-200.json"))));

			ResponseEntity<Voucher> response = VouchersTemplateTests.this.vouchers.disableVoucherWithHttpInfo("V1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().active()).isFalse();
		}

	}

	@Nested
	class DeleteVoucher {

		@Test
		void movesToTheBinByDefault() {
			wireMock.stubFor(delete("/v1/vouchers/V1?force=false").willReturn(aResponse().withStatus(204)));

			VouchersTemplateTests.this.vouchers.deleteVoucher("V1");

			wireMock.verify(1, deleteRequestedFor(urlEqualTo("/v1/vouchers/V1?force=false")));
		}

		@Test
		void sendsForce() {
			wireMock.stubFor(delete("/v1/vouchers/V1?force=true").willReturn(aResponse().withStatus(204)));

			VouchersTemplateTests.this.vouchers.deleteVoucher("V1", true);

			wireMock.verify(1, deleteRequestedFor(urlEqualTo("/v1/vouchers/V1?force=true")));
		}

		@Test
		void withHttpInfoGives204WithoutBody() {
			wireMock.stubFor(delete("/v1/vouchers/V1?force=true").willReturn(aResponse().withStatus(204)));

			ResponseEntity<Void> response = VouchersTemplateTests.this.vouchers.deleteVoucherWithHttpInfo("V1", true);

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(response.getBody()).isNull();
		}

		@Test
		void withHttpInfoMovesToTheBinByDefault() {
			wireMock.stubFor(delete("/v1/vouchers/V1?force=false").willReturn(aResponse().withStatus(204)));

			ResponseEntity<Void> response = VouchersTemplateTests.this.vouchers.deleteVoucherWithHttpInfo("V1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
		}

		@Test
		void neverParsesTheBodyOfABodilessOperation() {
			wireMock.stubFor(delete("/v1/vouchers/V1?force=false").willReturn(
					aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("not json")));

			ResponseEntity<Void> response = VouchersTemplateTests.this.vouchers.deleteVoucherWithHttpInfo("V1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		}

	}

	@Nested
	class UpdateVoucherBalance {

		@Test
		void postsTheSpecExampleAndReadsTheGiftCardBalance() {
			wireMock.stubFor(post("/v1/vouchers/GIFT-1/balance")
				.willReturn(okJson(Examples.read("update-balance-200-gift-card.json"))));

			BalanceUpdateResponse balance = VouchersTemplateTests.this.vouchers.updateVoucherBalance("GIFT-1",
					BalanceUpdateRequest.add(10000));

			assertThat(balance.type()).isEqualTo(BalanceType.GIFT_VOUCHER);
			assertThat(balance.amount()).isEqualTo(10000L);
			assertThat(balance.balance()).isNotNull();
			wireMock.verify(1,
					postRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1/balance"))
						.withHeader("Content-Type", containing("application/json"))
						.withRequestBody(equalToJson(Examples.read("update-balance-request.json"))));
		}

		@Test
		void sendsANegativeAmountWithSourceIdAndReasonToRemove() {
			wireMock.stubFor(post("/v1/vouchers/LOYAL/balance")
				.willReturn(okJson(Examples.read("update-balance-200-loyalty-card.COMPOSED.json"))));
			String expected = Examples.read("update-balance-request-subtract.COMPOSED.json");
			BalanceUpdateRequest request = BalanceUpdateRequest.remove(2000)
				.withSourceId(jsonField(expected, "source_id"))
				.withReason(jsonField(expected, "reason"));

			BalanceUpdateResponse balance = VouchersTemplateTests.this.vouchers.updateVoucherBalance("LOYAL", request);

			assertThat(balance.type()).isEqualTo(BalanceType.LOYALTY_CARD);
			assertThat(balance.operationType()).isEqualTo(BalanceOperationType.MANUAL);
			wireMock.verify(1,
					postRequestedFor(urlEqualTo("/v1/vouchers/LOYAL/balance")).withRequestBody(equalToJson(expected)));
		}

		@Test
		void withHttpInfoGivesStatus() {
			wireMock.stubFor(post("/v1/vouchers/GIFT-1/balance")
				.willReturn(okJson(Examples.read("update-balance-200-gift-card.json"))));

			ResponseEntity<BalanceUpdateResponse> response = VouchersTemplateTests.this.vouchers
				.updateVoucherBalanceWithHttpInfo("GIFT-1", BalanceUpdateRequest.add(10000));

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().amount()).isEqualTo(10000L);
		}

		private static String jsonField(String json, String field) {
			return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).get(field).asString();
		}

	}

	@Nested
	class ListVoucherTransactions {

		@Test
		void sendsNoQueryParametersByDefault() {
			wireMock.stubFor(get("/v1/vouchers/GIFT-1/transactions")
				.willReturn(okJson(Examples.read("list-transactions-200.json"))));

			VoucherTransactionsPage page = VouchersTemplateTests.this.vouchers.listVoucherTransactions("GIFT-1");

			assertThat(page.data()).isNotEmpty();
			assertThat(page.data().get(0).type()).isIn(VoucherTransactionType.CREDITS_REMOVAL,
					VoucherTransactionType.CREDITS_ADDITION, VoucherTransactionType.CREDITS_REDEMPTION,
					VoucherTransactionType.CREDITS_REFUND);
			assertThat(page.hasMore()).isNotNull();
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1/transactions")));
		}

		@Test
		void sendsLimitOrderAndCursor() {
			wireMock.stubFor(
					get(urlEqualTo("/v1/vouchers/GIFT-1/transactions?limit=100&order=-id&starting_after_id=vtx_0c9"))
						.willReturn(okJson(Examples.read("list-transactions-200.json"))));

			VoucherTransactionsPage page = VouchersTemplateTests.this.vouchers.listVoucherTransactions("GIFT-1",
					TransactionsQuery.after("vtx_0c9").withLimit(100).withOrder(TransactionsOrder.ID_DESCENDING));

			assertThat(page.data()).isNotEmpty();
		}

		@Test
		void sendsTheOlderPageParameter() {
			wireMock.stubFor(get(urlEqualTo("/v1/vouchers/GIFT-1/transactions?limit=10&page=2"))
				.willReturn(okJson(Examples.read("list-transactions-200.json"))));

			ResponseEntity<VoucherTransactionsPage> response = VouchersTemplateTests.this.vouchers
				.listVoucherTransactionsWithHttpInfo("GIFT-1", TransactionsQuery.firstPage().withLimit(10).withPage(2));

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		}

		@Test
		void withHttpInfoGivesStatusAndPage() {
			wireMock.stubFor(get("/v1/vouchers/GIFT-1/transactions")
				.willReturn(okJson(Examples.read("list-transactions-200.json"))));

			ResponseEntity<VoucherTransactionsPage> response = VouchersTemplateTests.this.vouchers
				.listVoucherTransactionsWithHttpInfo("GIFT-1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().data()).isNotEmpty();
		}

	}

	@Nested
	class ExportVoucherTransactions {

		@Test
		void sendsAnEmptyObjectForDefaults() {
			wireMock.stubFor(post("/v1/vouchers/HRwc0oHz/transactions/export")
				.willReturn(okJson(Examples.read("export-transactions-200-no-request-body.json"))));

			TransactionsExport export = VouchersTemplateTests.this.vouchers.exportVoucherTransactions("HRwc0oHz");

			assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/HRwc0oHz/transactions/export"))
				.withRequestBody(equalToJson("{}")));
		}

		@Test
		void sendsTheSpecExampleRequest() {
			wireMock.stubFor(post("/v1/vouchers/HRwc0oHz/transactions/export")
				.willReturn(okJson(Examples.read("export-transactions-200.json"))));
			TransactionsExportRequest request = TransactionsExportRequest.of(
					TransactionsExportOrder.fromValue("-created_at"),
					List.of(TransactionsExportField.fromValue("id"), TransactionsExportField.fromValue("type"),
							TransactionsExportField.fromValue("source_id"), TransactionsExportField.fromValue("reason"),
							TransactionsExportField.fromValue("balance"), TransactionsExportField.fromValue("amount"),
							TransactionsExportField.fromValue("created_at"),
							TransactionsExportField.fromValue("voucher_id"),
							TransactionsExportField.fromValue("campaign_id"),
							TransactionsExportField.fromValue("details"), TransactionsExportField.fromValue("source")));

			TransactionsExport export = VouchersTemplateTests.this.vouchers.exportVoucherTransactions("HRwc0oHz",
					request);

			assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
			assertThat(export.exportedObject()).isEqualTo("voucher_transactions");
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/HRwc0oHz/transactions/export"))
				.withRequestBody(equalToJson(Examples.read("export-transactions-request.json"))));
		}

		@Test
		void withHttpInfoGivesStatus() {
			wireMock.stubFor(post("/v1/vouchers/HRwc0oHz/transactions/export")
				.willReturn(okJson(Examples.read("export-transactions-200.json"))));

			ResponseEntity<TransactionsExport> response = VouchersTemplateTests.this.vouchers
				.exportVoucherTransactionsWithHttpInfo("HRwc0oHz");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			assertThat(response.getBody().createdAt()).isBefore(OffsetDateTime.now());
		}

		@Test
		void withHttpInfoSendsTheRequest() {
			wireMock.stubFor(post("/v1/vouchers/HRwc0oHz/transactions/export")
				.willReturn(okJson(Examples.read("export-transactions-200.json"))));

			ResponseEntity<TransactionsExport> response = VouchersTemplateTests.this.vouchers
				.exportVoucherTransactionsWithHttpInfo("HRwc0oHz", TransactionsExportRequest.allFields());

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/HRwc0oHz/transactions/export"))
				.withRequestBody(matching(".*\"fields\".*")));
		}

	}

	@Nested
	class ImportVouchersUsingCsv {

		private static final String CSV = "Code,Voucher Type,Value\nGIFT-ZŁ-1,GIFT_VOUCHER,1000\n";

		@Test
		void uploadsTheFilePart(@TempDir Path dir) throws Exception {
			Path csv = Files.writeString(dir.resolve("vouchers.csv"), CSV, StandardCharsets.UTF_8);
			wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("import-csv-202.json"))));

			AsyncAction action = VouchersTemplateTests.this.vouchers.importVouchersUsingCsv(csv);

			assertThat(action.asyncActionId()).startsWith("aa_");
			wireMock.verify(1,
					postRequestedFor(urlEqualTo("/v1/vouchers/importCSV"))
						.withHeader("Content-Type", containing("multipart/form-data"))
						.withRequestBodyPart(aMultipart("file")
							.withHeader("Content-Disposition", containing("filename=\"vouchers.csv\""))
							.withBody(equalTo(CSV))
							.build()));
		}

		@Test
		void uploadsAResource() {
			wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("import-csv-202.json"))));
			ByteArrayResource csv = new ByteArrayResource(CSV.getBytes(StandardCharsets.UTF_8)) {
				@Override
				public String getFilename() {
					return "codes.csv";
				}
			};

			ResponseEntity<AsyncAction> response = VouchersTemplateTests.this.vouchers
				.importVouchersUsingCsvWithHttpInfo(csv);

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
			assertThat(response.getBody().asyncActionId()).startsWith("aa_");
			wireMock.verify(1,
					postRequestedFor(urlEqualTo("/v1/vouchers/importCSV")).withRequestBodyPart(
							aMultipart("file").withHeader("Content-Disposition", containing("filename=\"codes.csv\""))
								.withBody(equalTo(CSV))
								.build()));
		}

		@Test
		void withHttpInfoUploadsAPath(@TempDir Path dir) throws Exception {
			Path csv = Files.writeString(dir.resolve("vouchers.csv"), CSV, StandardCharsets.UTF_8);
			wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("import-csv-202.json"))));

			ResponseEntity<AsyncAction> response = VouchersTemplateTests.this.vouchers
				.importVouchersUsingCsvWithHttpInfo(csv);

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
		}

		@Test
		void uploadsAResourceWithoutAFilename(@TempDir Path dir) throws Exception {
			wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("import-csv-202.json"))));

			VouchersTemplateTests.this.vouchers
				.importVouchersUsingCsv(new ByteArrayResource(CSV.getBytes(StandardCharsets.UTF_8)));

			wireMock.verify(1,
					postRequestedFor(urlEqualTo("/v1/vouchers/importCSV")).withRequestBodyPart(aMultipart("file")
						.withHeader("Content-Disposition", containing("filename=\"vouchers.csv\""))
						.build()));
		}

		@Test
		void streamsAFileSystemResource(@TempDir Path dir) throws Exception {
			Path csv = Files.writeString(dir.resolve("big.csv"), CSV.repeat(2000), StandardCharsets.UTF_8);
			wireMock.stubFor(post("/v1/vouchers/importCSV").willReturn(aResponse().withStatus(202)
				.withHeader("Content-Type", "application/json")
				.withBody(Examples.read("import-csv-202.json"))));

			VouchersTemplateTests.this.vouchers.importVouchersUsingCsv(new FileSystemResource(csv));

			wireMock.verify(1, postRequestedFor(urlEqualTo("/v1/vouchers/importCSV"))
				.withRequestBodyPart(aMultipart("file").withBody(equalTo(CSV.repeat(2000))).build()));
		}

	}

	@Nested
	class ReleaseValidationSession {

		@Test
		void deletesTheSession() {
			wireMock.stubFor(delete("/v1/vouchers/V1/sessions/ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts")
				.willReturn(aResponse().withStatus(204)));

			VouchersTemplateTests.this.vouchers.releaseValidationSession("V1", "ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts");

			wireMock.verify(1,
					deleteRequestedFor(urlEqualTo("/v1/vouchers/V1/sessions/ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts")));
		}

		@Test
		void withHttpInfoGives204() {
			wireMock.stubFor(delete("/v1/vouchers/V1/sessions/ssn_1").willReturn(aResponse().withStatus(204)));

			ResponseEntity<Void> response = VouchersTemplateTests.this.vouchers
				.releaseValidationSessionWithHttpInfo("V1", "ssn_1");

			assertThat(response.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
			assertThat(response.getBody()).isNull();
		}

	}

}
