package io.voucherify.spring.readme;

import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.voucherify.spring.DefaultVoucherifyErrorHandler;
import io.voucherify.spring.VoucherifyErrorHandler;
import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.AsyncActionStatus;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.CsvImportFailure;
import io.voucherify.spring.model.CsvImportResult;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportOrder;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsOrder;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransaction;
import io.voucherify.spring.model.VoucherTransactionType;
import io.voucherify.spring.model.VoucherTransactionsPage;

import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.ResponseEntity;

/**
 * The README's statement-level examples, each in a method that gives it the variables it
 * uses. They are compiled, not run: they would call the real API.
 */
@SuppressWarnings("unused")
class OperationExamples {

	void backgroundJobs(VouchersOperations vouchers) {
		// tag::background-jobs[]
		// Import: POST /v1/vouchers/importCSV, then GET /v1/async-actions/{id}
		AsyncAction started = vouchers.importVouchersUsingCsv(Path.of("vouchers.csv"));
		AsyncActionDetails imported = vouchers.awaitAsyncAction(started.asyncActionId(), Duration.ofMinutes(5));
		// DONE, yet some rows may have failed
		CsvImportResult result = imported.csvImportResult();
		for (CsvImportFailure failure : result.failed()) {
			System.out.println("row " + failure.row() + " (" + failure.code() + "): " + failure.reason());
		}

		// Export: POST /v1/vouchers/{code}/transactions/export, then GET /v1/exports/{id}
		// until DONE, then the file from its result.url on Voucherify's download host
		TransactionsExport export = vouchers.exportVoucherTransactions("GIFT-2024-0001");
		vouchers.awaitExport(export.id(), Duration.ofMinutes(5));
		long bytes = vouchers.downloadExport(export.id(), Path.of("transactions.csv"));

		// One look, no waiting (e.g. from a scheduled task rather than a blocked thread)
		AsyncActionStatus status = vouchers.getAsyncAction(started.asyncActionId()).status();
		Export current = vouchers.getExport(export.id());
		// end::background-jobs[]
	}

	void everyOperation(VouchersOperations vouchers) {
		// tag::operations[]
		// GET /v1/vouchers/{code}
		Voucher voucher = vouchers.getVoucher("GIFT-2024-0001");
		ResponseEntity<Voucher> response = vouchers.getVoucherWithHttpInfo("GIFT-2024-0001");
		String remaining = response.getHeaders().getFirst("X-Rate-Limit-Remaining");

		// POST /v1/vouchers/{code}/enable and /disable
		vouchers.enableVoucher("GIFT-2024-0001");
		vouchers.disableVoucher("GIFT-2024-0001");

		// DELETE /v1/vouchers/{code}?force= (force=true deletes for good and frees the
		// code; otherwise to the bin)
		vouchers.deleteVoucher("GIFT-2024-0001");
		vouchers.deleteVoucher("GIFT-2024-0001", true);

		// POST /v1/vouchers/{code}/balance (amounts in minor units: 2000 = 20.00)
		BalanceUpdateResponse topUp = vouchers.updateVoucherBalance("GIFT-2024-0001",
				BalanceUpdateRequest.add(2000).withSourceId("refund-1234").withReason("Refund"));
		vouchers.updateVoucherBalance("GIFT-2024-0001", BalanceUpdateRequest.remove(500).withSourceId("order-42"));

		// GET /v1/vouchers/{code}/transactions (only the parameters you set are sent)
		VoucherTransactionsPage page = vouchers.listVoucherTransactions("GIFT-2024-0001",
				TransactionsQuery.firstPage().withLimit(100).withOrder(TransactionsOrder.ID_DESCENDING));
		if (Boolean.TRUE.equals(page.hasMore())) {
			page = vouchers.listVoucherTransactions("GIFT-2024-0001",
					TransactionsQuery.after(page.moreStartingAfter()).withLimit(100));
		}
		vouchers.listVoucherTransactions("GIFT-2024-0001", TransactionsQuery.firstPage().withPage(2)); // older
																										// paging

		// POST /v1/vouchers/{code}/transactions/export
		TransactionsExport export = vouchers.exportVoucherTransactions("GIFT-2024-0001",
				TransactionsExportRequest.allFields(TransactionsExportOrder.CREATED_AT_DESC));

		// POST /v1/vouchers/importCSV (multipart part "file", streamed from disk)
		AsyncAction action = vouchers.importVouchersUsingCsv(Path.of("vouchers.csv"));
		vouchers.importVouchersUsingCsv(new ClassPathResource("seed/vouchers.csv"));

		// DELETE /v1/vouchers/{code}/sessions/{sessionKey}
		vouchers.releaseValidationSession("GIFT-2024-0001", "ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts");
		// end::operations[]
	}

	void handBuilt(String appId, String secretKey) {
		// tag::hand-built[]
		VouchersTemplate vouchers = VouchersTemplate.builder()
			.appId(appId)
			.secretKey(secretKey)
			.baseUrl(VouchersTemplate.US_BASE_URL)
			.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(3))
			.build();
		// ... share it between threads; when the application stops:
		vouchers.close();
		// end::hand-built[]
	}

	void errorHandling(VouchersOperations vouchers, String code, long amount, String orderId) {
		// tag::error-handling[]
		try {
			vouchers.updateVoucherBalance(code, BalanceUpdateRequest.remove(amount).withSourceId(orderId));
		}
		catch (VoucherifyNotFoundException ex) {
			throw new UnknownGiftCardException();
		}
		catch (VoucherifyBadRequestException ex) {
			if ("gift_amount_exceeded".equals(ex.getKey())) {
				throw new InsufficientBalanceException();
			}
			throw ex;
		}
		// end::error-handling[]
	}

	void streaming(VouchersOperations vouchers) {
		// tag::streaming[]
		try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions("GIFT-2024-0001")) {
			long refunds = transactions.filter((t) -> t.type() == VoucherTransactionType.CREDITS_REFUND).count();
		}
		// end::streaming[]
	}

	// tag::error-handler[]
	@Bean
	VoucherifyErrorHandler voucherifyErrorHandler() {
		DefaultVoucherifyErrorHandler defaults = new DefaultVoucherifyErrorHandler();
		return (request, response) -> (response.getStatusCode().value() == 404) ? new UnknownGiftCardException()
				: defaults.toException(request, response);
	}
	// end::error-handler[]

	/** An exception of the application's. */
	static class UnknownGiftCardException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

	/** An exception of the application's. */
	static class InsufficientBalanceException extends RuntimeException {

		private static final long serialVersionUID = 1L;

	}

}
