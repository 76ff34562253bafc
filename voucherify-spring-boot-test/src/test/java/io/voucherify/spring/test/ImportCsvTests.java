package io.voucherify.spring.test;

import java.io.IOException;
import java.io.Writer;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyApiException;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.DiscountType;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /v1/vouchers/importCSV}: a problem with the file is a {@code 400}; a
 * problem with a row fails that row alone, reported in the async action's
 * {@code result.failed}.
 */
class ImportCsvTests {

	private static final String HEADERS = "Code,Voucher Type,Value,Discount Type,Category,Start Date,Expiration Date,"
			+ "Redemption Limit,Redeemed Quantity,Redeemed Amount,Active,Additional Info\n";

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	private static Resource csv(String content) {
		return TestClients.csv(content);
	}

	/** Import a file and return its async action's {@code result.failed}. */
	private JsonNode failed(String csv) {
		String id = this.vouchers.importVouchersUsingCsv(csv(csv)).asyncActionId();
		return TestClients.getJson(voucherify.emulator(), "/v1/async-actions/" + id).at("/result/failed");
	}

	@Test
	void anImportIsAcceptedWithAnAsyncActionId() {
		ResponseEntity<AsyncAction> response = this.vouchers
			.importVouchersUsingCsvWithHttpInfo(new ClassPathResource("vouchers.csv"));

		assertThat(response.getStatusCode().value()).isEqualTo(202);
		assertThat(response.getBody().asyncActionId()).matches("aa_[0-9a-f]{18}");
		assertThat(voucherify.emulator().csvImports()).containsExactly(response.getBody().asyncActionId());
	}

	@Test
	void anImportCreatesAGiftCardFromItsRow() {
		this.vouchers.importVouchersUsingCsv(new ClassPathResource("vouchers.csv"));

		Voucher gift = this.vouchers.getVoucher("CSV-GIFT");
		assertThat(gift.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		assertThat(gift.gift().amount()).isEqualTo(5000L);
		assertThat(gift.gift().balance()).isEqualTo(4000L);
		assertThat(gift.redemption().redeemedAmount()).isEqualTo(1000L);
		assertThat(gift.redemption().redeemedQuantity()).isEqualTo(2);
		assertThat(gift.category()).isEqualTo("Imported");
		assertThat(gift.active()).isTrue();
		assertThat(gift.additionalInfo()).isEqualTo("Gift card, imported");
		assertThat(gift.campaign()).isNull();
		assertThat(gift.campaignId()).isNull();
	}

	@Test
	void anImportCreatesDiscountAndLoyaltyVouchers() {
		this.vouchers.importVouchersUsingCsv(new ClassPathResource("vouchers.csv"));

		Voucher amount = this.vouchers.getVoucher("CSV-AMOUNT");
		Voucher percent = this.vouchers.getVoucher("CSV-PERCENT");
		Voucher loyalty = this.vouchers.getVoucher("CSV-LOYALTY");
		assertThat(amount.discount().type()).isEqualTo(DiscountType.AMOUNT);
		assertThat(amount.discount().amountOff()).isEqualTo(1000L);
		assertThat(amount.active()).isFalse();
		assertThat(amount.redemption().quantity()).isEqualTo(10);
		assertThat(percent.discount().type()).isEqualTo(DiscountType.PERCENT);
		assertThat(percent.discount().percentOff()).isEqualByComparingTo("15");
		assertThat(loyalty.loyaltyCard().points()).isEqualTo(300L);
	}

	@Test
	void extraColumnsBecomeMetadata() {
		this.vouchers.importVouchersUsingCsv(new ClassPathResource("vouchers.csv"));

		assertThat(this.vouchers.getVoucher("CSV-GIFT").metadata()).containsExactly(Map.entry("Channel", "store"));
		assertThat(this.vouchers.getVoucher("CSV-AMOUNT").metadata()).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "2024-03-11, 2024-03-11T00:00Z", "2024-03-11T09, 2024-03-11T09:00Z",
			"2024-03-11T09:30, 2024-03-11T09:30Z", "2024-03-11T09:30:15, 2024-03-11T09:30:15Z",
			"2024-03-11T09:30:15Z, 2024-03-11T09:30:15Z", "2024-03-11T09:30:15.250Z, 2024-03-11T09:30:15.250Z",
			"2024-03-11T09:30:15+02:00, 2024-03-11T07:30:15Z" })
	void everyDocumentedDateFormatIsRead(String text, String expected) {
		this.vouchers.importVouchersUsingCsv(csv(
				"Code,Voucher Type,Value,Discount Type,Start Date\nDATED,DISCOUNT_VOUCHER,5,PERCENT," + text + "\n"));

		assertThat(this.vouchers.getVoucher("DATED").startDate()).isEqualTo(OffsetDateTime.parse(expected));
	}

	@Test
	void aDateInAnotherFormatFailsItsRowNamingTheValue() {
		JsonNode failed = failed(
				HEADERS + "OK-1,GIFT_VOUCHER,100,,,,,,,,,\nBAD-1,GIFT_VOUCHER,100,,,11/03/2024,,,,,,\n");

		assertThat(failed).singleElement().satisfies((failure) -> {
			assertThat(failure.get("code").asString()).isEqualTo("BAD-1");
			assertThat(failure.get("row").asInt()).isEqualTo(2);
			assertThat(failure.get("reason").asString())
				.startsWith("Start Date '11/03/2024' is not in a supported format");
		});
	}

	@Test
	void aBadRowFailsAloneAndTheOtherRowsAreImported() {
		JsonNode failed = failed(HEADERS + "OK-1,GIFT_VOUCHER,100,,,,,,,,,\nBAD-1,GIFT_VOUCHER,abc,,,,,,,,,\n");

		assertThat(failed).singleElement()
			.isEqualTo(Json.parse("{\"code\":\"BAD-1\",\"row\":2,\"reason\":\"Value must be a number, was 'abc'\"}"));
		assertThat(voucherify.emulator().voucher("OK-1")).isPresent();
		assertThat(voucherify.emulator().voucher("BAD-1")).isEmpty();
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			textBlock = """
					Code,Voucher Type,Value                   | X,COUPON,100           | Voucher Type must be GIFT_VOUCHER, DISCOUNT_VOUCHER or LOYALTY_CARD, was 'COUPON'
					Code,Voucher Type,Value                   | X,GIFT_VOUCHER,-5      | Value must not be negative, was -5
					Code,Voucher Type,Value                   | X,GIFT_VOUCHER,1.5     | Value must be a whole number, was 1.5
					Code,Voucher Type                         | X,GIFT_VOUCHER         | Value is required
					Code,Voucher Type,Value                   | X,DISCOUNT_VOUCHER,5   | Discount Type is required for a DISCOUNT_VOUCHER (AMOUNT, PERCENT or FIXED)
					Code,Voucher Type,Value,Discount Type     | X,DISCOUNT_VOUCHER,150,PERCENT | Value must be at most 100 for a PERCENT discount, was 150
					Code,Voucher Type,Value,Active            | X,GIFT_VOUCHER,5,maybe | Active must be TRUE or FALSE, was 'maybe'
					Code,Voucher Type,Value,Redemption Limit  | X,GIFT_VOUCHER,5,two   | Redemption Limit must be a number, was 'two'
					Code,Voucher Type,Value,Redeemed Amount   | X,GIFT_VOUCHER,5,6     | Redeemed Amount 6 is more than the Value 5
					""")
	void aBadValueFailsItsRowWithTheReason(String headers, String row, String reason) {
		JsonNode failed = failed(headers + "\n" + row + "\n");

		assertThat(failed).singleElement().satisfies((failure) -> {
			assertThat(failure.get("code").asString()).isEqualTo("X");
			assertThat(failure.get("row").asInt()).isEqualTo(1);
			assertThat(failure.get("reason").asString()).isEqualTo(reason);
		});
	}

	@Test
	void theSameCodeTwiceInAFileFailsOnItsSecondRow() {
		JsonNode failed = failed("Code,Voucher Type,Value\nTWICE,GIFT_VOUCHER,100\nTWICE,GIFT_VOUCHER,200\n");

		assertThat(failed).singleElement().satisfies((failure) -> {
			assertThat(failure.get("row").asInt()).isEqualTo(2);
			assertThat(failure.get("reason").asString()).contains("already on row 1");
		});
		assertThat(this.vouchers.getVoucher("TWICE").gift().amount()).isEqualTo(100L);
	}

	@Test
	void aRowWithoutACodeFailsWithoutOne() {
		JsonNode failed = failed("Code,Voucher Type,Value\n,GIFT_VOUCHER,100\n");

		assertThat(failed).singleElement().isEqualTo(Json.parse("{\"row\":1,\"reason\":\"Code is required\"}"));
	}

	@Test
	void aRowWithMoreFieldsThanHeadersFails() {
		JsonNode failed = failed("Code,Voucher Type,Value\nWIDE,GIFT_VOUCHER,100,extra\n");

		assertThat(failed).singleElement()
			.satisfies((failure) -> assertThat(failure.get("reason").asString()).contains("4 fields", "3 columns"));
	}

	@Test
	void rowsAreNumberedFromTheFirstLineAfterTheHeadersOneRecordARow() {
		JsonNode failed = failed("Code,Voucher Type,Value,Additional Info\n"
				+ "OK-1,GIFT_VOUCHER,100,\"two\nlines\"\n\nBAD-1,GIFT_VOUCHER,abc,\n");

		assertThat(failed).singleElement()
			.satisfies((failure) -> assertThat(failure.get("row").asInt()).as("row after a blank one").isEqualTo(3));
	}

	@Test
	void reUploadingACodeUpdatesOnlyItsActiveFlagAndCategory() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);

		this.vouchers.importVouchersUsingCsv(csv(HEADERS + "GIFT-1,GIFT_VOUCHER,99,,Reissued,,,,,,FALSE,New info\n"));

		Voucher gift = this.vouchers.getVoucher("GIFT-1");
		assertThat(gift.active()).isFalse();
		assertThat(gift.category()).isEqualTo("Reissued");
		assertThat(gift.gift().balance()).isEqualTo(5000L);
		assertThat(gift.additionalInfo()).isNull();
	}

	@Test
	void reUploadingACodeAsAnotherTypeFailsItsRow() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);

		JsonNode failed = failed("Code,Voucher Type,Value,Discount Type\nGIFT-1,DISCOUNT_VOUCHER,5,PERCENT\n");

		assertThat(failed).singleElement()
			.satisfies((failure) -> assertThat(failure.get("reason").asString())
				.isEqualTo("Voucher GIFT-1 is a GIFT_VOUCHER and cannot be re-imported as a DISCOUNT_VOUCHER"));
		assertThat(this.vouchers.getVoucher("GIFT-1").type()).isEqualTo(VoucherType.GIFT_VOUCHER);
	}

	@Test
	void quotedFieldsMayHoldCommasQuotesAndLineBreaks() {
		this.vouchers.importVouchersUsingCsv(csv("Code,Voucher Type,Value,Additional Info,Note\r\n"
				+ "\"A,B\",GIFT_VOUCHER,100,\"Say \"\"hi\"\"\",\"two\r\nlines\"\r\n"));

		Voucher voucher = this.vouchers.getVoucher("A,B");
		assertThat(voucher.additionalInfo()).isEqualTo("Say \"hi\"");
		assertThat(voucher.metadata()).containsEntry("Note", "two\r\nlines");
	}

	@Test
	void headersAreMatchedIgnoringCaseAndSpacing() {
		this.vouchers.importVouchersUsingCsv(
				csv("\uFEFFcode, voucher_type ,VALUE,discount type\nLOWER,DISCOUNT_VOUCHER," + "300,amount\n"));

		assertThat(this.vouchers.getVoucher("LOWER").discount().amountOff()).isEqualTo(300L);
	}

	@Test
	void aFileWithoutACodeColumnIsABadRequest() {
		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(csv("Voucher Type,Value\nGIFT_VOUCHER,100\n")))
			.satisfies((ex) -> assertThat(ex.getDetails()).contains("Code"));
	}

	@Test
	void aNewCodeWithoutAVoucherTypeFailsWithTheReasonOfTheSpecExample() {
		assertThat(failed("Code,Value\nNO-TYPE,100\n")).singleElement()
			.isEqualTo(Json.parse("{\"code\":\"NO-TYPE\",\"row\":1,\"reason\":\"Voucher Type is required\"}"));
	}

	@Test
	void aFileWithAColumnNamedTwiceIsABadRequest() {
		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(csv("Code,Value,value\nX,1,2\n")))
			.satisfies((ex) -> assertThat(ex.getDetails()).contains("two 'value' columns"));
	}

	@Test
	void aFileWithBrokenQuotingIsABadRequest() {
		assertThatExceptionOfType(VoucherifyBadRequestException.class).isThrownBy(
				() -> this.vouchers.importVouchersUsingCsv(csv("Code,Voucher Type,Value\n\"OPEN,GIFT_VOUCHER,1\n")));
		assertThat(voucherify.emulator().csvImports()).isEmpty();
	}

	@Test
	void aRequestWithoutAFilePartIsABadRequestAsInTheSpec() {
		String boundary = "emulator-boundary";
		String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"webhooks_enable\"\r\n\r\ntrue\r\n--"
				+ boundary + "--\r\n";

		HttpResponse<String> response = TestClients.multipart(voucherify.emulator(), boundary,
				body.getBytes(StandardCharsets.UTF_8));

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("invalid_payload");
		assertThat(Json.parse(response.body()).get("details").asString())
			.isEqualTo("Payload should have required property 'file'");
	}

	@Test
	void aRequestThatIsNotMultipartIsABadRequest() {
		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/importCSV",
				"{\"file\":\"x\"}");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void aFileOverTenMegabytesIsRefused(@TempDir Path dir) throws IOException {
		Path big = dir.resolve("big.csv");
		try (Writer writer = Files.newBufferedWriter(big)) {
			writer.write("Code,Voucher Type,Value\n");
			for (int i = 0; i < 400_000; i++) {
				writer.write("BIG-CODE-NUMBER-" + i + ",GIFT_VOUCHER,100\n");
			}
		}
		assertThat(Files.size(big)).isGreaterThan(10L * 1024 * 1024);

		assertThatExceptionOfType(VoucherifyApiException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(big))
			.satisfies((ex) -> {
				assertThat(ex.getStatusCode().value()).isEqualTo(413);
				assertThat(ex.getKey()).isEqualTo("payload_too_large");
			});
		assertThat(voucherify.emulator().voucher("BIG-CODE-NUMBER-0")).isEmpty();
	}

	@Test
	void aLargeFileIsImported(@TempDir Path dir) throws IOException {
		Path large = dir.resolve("large.csv");
		try (Writer writer = Files.newBufferedWriter(large)) {
			writer.write("Code,Voucher Type,Value,Discount Type,Campaign Tag\n");
			for (int i = 0; i < 20_000; i++) {
				writer.write("LARGE-" + i + ",DISCOUNT_VOUCHER,10,PERCENT,spring\n");
			}
		}

		this.vouchers.importVouchersUsingCsv(large);

		assertThat(voucherify.emulator().voucher("LARGE-19999")).get()
			.satisfies((voucher) -> assertThat(voucher.metadata()).containsEntry("Campaign Tag", "spring"));
	}

	@Test
	void aFileThatIsNotUtf8IsABadRequest() {
		Resource latin1 = new ByteArrayResource(
				"Code,Voucher Type,Value\nCAF\u00c9,GIFT_VOUCHER,1\n".getBytes(StandardCharsets.ISO_8859_1)) {

			@Override
			public String getFilename() {
				return "latin1.csv";
			}

		};

		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.importVouchersUsingCsv(latin1));
	}

}
