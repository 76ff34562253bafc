package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.util.List;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.ExportStatus;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportField;
import io.voucherify.spring.model.TransactionsExportOrder;
import io.voucherify.spring.model.TransactionsExportRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /v1/vouchers/{code}/transactions/export}.
 */
class ExportTransactionsTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void anExportIsScheduledAndAnsweredWith200() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		ResponseEntity<TransactionsExport> response = this.vouchers.exportVoucherTransactionsWithHttpInfo("GIFT-1");

		assertThat(response.getStatusCode().value()).isEqualTo(200);
		TransactionsExport export = response.getBody();
		assertThat(export.id()).matches("exp_[A-Za-z0-9]{24}");
		assertThat(export.object()).isEqualTo("export");
		assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
		assertThat(export.channel()).isEqualTo("API");
		assertThat(export.exportedObject()).isEqualTo("voucher_transactions");
		assertThat(export.createdAt()).isNotNull();
		assertThat(export.result()).isNull();
		assertThat(export.userId()).isNull();
	}

	@Test
	void theExportIsFilteredOnTheVouchersCode() {
		EmulatedVoucher card = voucherify.emulator().createGiftCard("GIFT-1", 1000);

		TransactionsExport export = this.vouchers.exportVoucherTransactions(card.id());

		assertThat(export.parameters().filters().voucherId().conditions().in()).containsExactly("GIFT-1");
	}

	@Test
	void theRequestedOrderAndFieldsAreEchoed() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		TransactionsExport export = this.vouchers.exportVoucherTransactions("GIFT-1",
				TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_DESC,
						List.of(TransactionsExportField.ID, TransactionsExportField.AMOUNT)));

		assertThat(export.parameters().order()).isEqualTo(TransactionsExportOrder.CREATED_AT_DESC);
		assertThat(export.parameters().fields()).containsExactly(TransactionsExportField.ID,
				TransactionsExportField.AMOUNT);
	}

	@Test
	void withoutParametersOnlyTheFilterIsShown() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		JsonNode export = Json.parse(
				TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/transactions/export", null).body());

		assertThat(export.get("parameters").propertyNames()).containsExactly("filters");
		assertThat(export.get("result").isNull()).isTrue();
	}

	@Test
	void anUnknownFieldIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST",
				"/v1/vouchers/GIFT-1/transactions/export", "{\"parameters\":{\"fields\":[\"id\",\"colour\"]}}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("invalid_export_params");
	}

	@Test
	void anUnknownOrderIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST",
				"/v1/vouchers/GIFT-1/transactions/export", "{\"parameters\":{\"order\":\"id\"}}");

		assertThat(response.statusCode()).isEqualTo(400);
	}

	@Test
	void exportingTheTransactionsOfAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.exportVoucherTransactions("NO-SUCH-CODE"));
	}

}
