package io.voucherify.spring;

import java.nio.file.Path;
import java.util.stream.Stream;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.TransactionsQuery;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.function.ThrowingConsumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.FileSystemResource;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Bad input fails with an {@link IllegalArgumentException} naming the argument, before
 * any request is sent.
 */
class VouchersTemplateArgumentTests {

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	private static VouchersTemplate vouchers;

	@BeforeAll
	static void createTemplate() {
		vouchers = TestClients.builder(wireMock.baseUrl()).build();
	}

	@AfterEach
	void noRequestWasSent() {
		wireMock.verify(0, anyRequestedFor(anyUrl()));
	}

	static Stream<Arguments> operationsTakingACode() {
		return Stream.of(operation("getVoucher", (code) -> vouchers.getVoucher(code)),
				operation("getVoucherWithHttpInfo", (code) -> vouchers.getVoucherWithHttpInfo(code)),
				operation("enableVoucher", (code) -> vouchers.enableVoucher(code)),
				operation("enableVoucherWithHttpInfo", (code) -> vouchers.enableVoucherWithHttpInfo(code)),
				operation("disableVoucher", (code) -> vouchers.disableVoucher(code)),
				operation("disableVoucherWithHttpInfo", (code) -> vouchers.disableVoucherWithHttpInfo(code)),
				operation("deleteVoucher", (code) -> vouchers.deleteVoucher(code)),
				operation("deleteVoucher force", (code) -> vouchers.deleteVoucher(code, true)),
				operation("deleteVoucherWithHttpInfo", (code) -> vouchers.deleteVoucherWithHttpInfo(code, true)),
				operation("updateVoucherBalance",
						(code) -> vouchers.updateVoucherBalance(code, BalanceUpdateRequest.add(1))),
				operation("updateVoucherBalanceWithHttpInfo",
						(code) -> vouchers.updateVoucherBalanceWithHttpInfo(code, BalanceUpdateRequest.add(1))),
				operation("listVoucherTransactions", (code) -> vouchers.listVoucherTransactions(code)),
				operation("listVoucherTransactionsWithHttpInfo",
						(code) -> vouchers.listVoucherTransactionsWithHttpInfo(code, TransactionsQuery.firstPage())),
				operation("exportVoucherTransactions", (code) -> vouchers.exportVoucherTransactions(code)),
				operation("exportVoucherTransactionsWithHttpInfo",
						(code) -> vouchers.exportVoucherTransactionsWithHttpInfo(code)),
				operation("releaseValidationSession", (code) -> vouchers.releaseValidationSession(code, "ssn_1")),
				operation("releaseValidationSessionWithHttpInfo",
						(code) -> vouchers.releaseValidationSessionWithHttpInfo(code, "ssn_1")));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operationsTakingACode")
	void nullCodeIsRejected(String name, ThrowingConsumer<String> operation) {
		assertThatIllegalArgumentException().isThrownBy(() -> operation.accept(null)).withMessageContaining("code");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("operationsTakingACode")
	void blankCodeIsRejected(String name, ThrowingConsumer<String> operation) {
		assertThatIllegalArgumentException().isThrownBy(() -> operation.accept(" \t")).withMessageContaining("code");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { "  " })
	void blankSessionKeyIsRejected(String sessionKey) {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.releaseValidationSession("V1", sessionKey))
			.withMessageContaining("sessionKey");
	}

	@ParameterizedTest
	@ValueSource(ints = { 0, -1, 101 })
	void limitOutsideOneToHundredIsRejected(int limit) {
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionsQuery.firstPage().withLimit(limit))
			.withMessageContaining("limit");
	}

	@Test
	void codeWithALoneSurrogateIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.getVoucher("A\uD800"))
			.withMessageContaining("code");
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.releaseValidationSession("A", "\uDC00B"))
			.withMessageContaining("sessionKey");
	}

	@Test
	void zeroAmountIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> new BalanceUpdateRequest(0, null, null))
			.withMessageContaining("amount");
	}

	@ParameterizedTest
	@ValueSource(longs = { 0, -5 })
	void addAndRemoveTakePositiveAmounts(long amount) {
		assertThatIllegalArgumentException().isThrownBy(() -> BalanceUpdateRequest.add(amount))
			.withMessageContaining("amount");
		assertThatIllegalArgumentException().isThrownBy(() -> BalanceUpdateRequest.remove(amount))
			.withMessageContaining("amount");
	}

	@Test
	void nullBalanceRequestIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.updateVoucherBalance("V1", null))
			.withMessageContaining("request");
	}

	@Test
	void nullQueryIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.listVoucherTransactions("V1", null))
			.withMessageContaining("query");
	}

	@Test
	void nullExportRequestIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.exportVoucherTransactions("V1", null))
			.withMessageContaining("request");
	}

	@Test
	void missingCsvFileIsRejected(@TempDir Path dir) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> vouchers.importVouchersUsingCsv(dir.resolve("missing.csv")))
			.withMessageContaining("csv");
	}

	@Test
	void directoryIsNotACsvFile(@TempDir Path dir) {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.importVouchersUsingCsv(dir))
			.withMessageContaining("csv");
	}

	@Test
	void missingCsvResourceIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> vouchers.importVouchersUsingCsv(new ClassPathResource("no/such/file.csv")))
			.withMessageContaining("csv");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> vouchers.importVouchersUsingCsv(new FileSystemResource("/no/such/file.csv")))
			.withMessageContaining("csv");
	}

	@Test
	void unreadableCsvResourceIsRejected() {
		ByteArrayResource unreadable = new ByteArrayResource(new byte[0]) {
			@Override
			public boolean isReadable() {
				return false;
			}
		};
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.importVouchersUsingCsv(unreadable))
			.withMessageContaining("csv");
	}

	@Test
	void nullCsvResourceIsRejected() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> vouchers.importVouchersUsingCsv((org.springframework.core.io.Resource) null))
			.withMessageContaining("csv");
	}

	@ParameterizedTest
	@NullAndEmptySource
	@ValueSource(strings = { " " })
	void blankCursorIsRejected(String cursor) {
		assertThatIllegalArgumentException().isThrownBy(() -> TransactionsQuery.after(cursor))
			.withMessageContaining("startingAfterId");
	}

	@Test
	void nullCsvIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.importVouchersUsingCsv((Path) null))
			.withMessageContaining("csv");
	}

	@Test
	void builderRequiresCredentialsAndAValidBaseUrl() {
		assertThatIllegalArgumentException().isThrownBy(() -> VouchersTemplate.builder().secretKey("s").build())
			.withMessageContaining("appId");
		assertThatIllegalArgumentException().isThrownBy(() -> VouchersTemplate.builder().appId("a").build())
			.withMessageContaining("secretKey");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder().appId("a").secretKey("s").baseUrl("api.voucherify.io").build())
			.withMessageContaining("baseUrl");
	}

	@ParameterizedTest
	@ValueSource(strings = { "key\n", "key\r\nX-Injected: 1", "k\u0000ey", "\tkey" })
	void builderRefusesControlCharactersInHeaderValuesWithoutPrintingThem(String value) {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder().appId("a").secretKey(value).build())
			.withMessageContaining("secretKey")
			.withMessageContaining("control character")
			.withMessageNotContaining(value.strip());
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder().appId(value).secretKey("s").build())
			.withMessageContaining("appId");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder().appId("a").secretKey("s").channel(value).build())
			.withMessageContaining("channel");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> VouchersTemplate.builder().appId("a").secretKey("s").apiVersion(value).build())
			.withMessageContaining("apiVersion");
	}

	@Test
	void builderRefusesPlainHttpToAnotherHost() {
		assertThatIllegalArgumentException().isThrownBy(
				() -> VouchersTemplate.builder().appId("a").secretKey("s").baseUrl("http://api.voucherify.io").build())
			.withMessageContaining("baseUrl must use https");
	}

	@Test
	void builderAllowsPlainHttpToAnotherHostWhenAskedTo() {
		try (VouchersTemplate template = VouchersTemplate.builder()
			.appId("a")
			.secretKey("s")
			.baseUrl("http://voucherify-proxy.internal")
			.allowPlainHttp(true)
			.build()) {
			assertThat(template).isNotNull();
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:8080", "http://localhost", "http://[::1]:8080" })
	void builderAllowsPlainHttpToThisMachine(String baseUrl) {
		try (VouchersTemplate template = VouchersTemplate.builder()
			.appId("a")
			.secretKey("s")
			.baseUrl(baseUrl)
			.build()) {
			assertThat(template).isNotNull();
		}
	}

	private static Arguments operation(String name, ThrowingConsumer<String> call) {
		return Arguments.of(name, call);
	}

}
