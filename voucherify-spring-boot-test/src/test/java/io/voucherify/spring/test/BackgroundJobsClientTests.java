package io.voucherify.spring.test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import io.voucherify.spring.VoucherifyJobSettings;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyExportNotReadyException;
import io.voucherify.spring.exception.VoucherifyJobTimeoutException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.AsyncActionStatus;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.CsvImportFailure;
import io.voucherify.spring.model.CsvImportResult;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.ExportStatus;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportField;
import io.voucherify.spring.model.TransactionsExportOrder;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.VoucherTransaction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The client's background-job operations end to end on an emulator whose jobs take a
 * moment: an import waited for until its summary and failed rows, an export waited for
 * and its file downloaded from the download host.
 */
class BackgroundJobsClientTests {

	private static final Duration JOB_DURATION = Duration.ofMillis(300);

	private VoucherifyEmulator emulator;

	private VouchersTemplate vouchers;

	@BeforeEach
	void start() {
		this.emulator = VoucherifyEmulator.builder().jobDuration(JOB_DURATION).build();
		this.vouchers = TestClients.builder(this.emulator)
			.jobs(new VoucherifyJobSettings(Duration.ZERO, Duration.ofMillis(20), 2.0, Duration.ofMillis(80)))
			.build();
	}

	@AfterEach
	void stop() {
		this.vouchers.close();
		this.emulator.close();
	}

	@Test
	void anImportIsEnqueuedThenDoneWithItsSummaryAndFailedRows() {
		AsyncAction started = this.vouchers.importVouchersUsingCsv(TestClients.csv("""
				Code,Voucher Type,Value
				GIFT-1,GIFT_VOUCHER,2000
				NO-TYPE,,2000
				GIFT-2,GIFT_VOUCHER,3000
				GIFT-1,GIFT_VOUCHER,2500
				"""));

		assertThat(this.vouchers.getAsyncAction(started.asyncActionId()).status())
			.isEqualTo(AsyncActionStatus.ENQUEUED);
		AsyncActionDetails done = this.vouchers.awaitAsyncAction(started.asyncActionId(), Duration.ofSeconds(10));

		assertThat(done.status()).isEqualTo(AsyncActionStatus.DONE);
		assertThat(done.type()).isEqualTo("VOUCHERS.IMPORT_CSV");
		CsvImportResult result = done.csvImportResult();
		assertThat(result.doneCount()).isEqualTo(2);
		assertThat(result.failedCount()).isEqualTo(2);
		assertThat(result.message()).isEqualTo("2 voucher(s) imported successfully, 2 failed.");
		assertThat(result.failed()).extracting(CsvImportFailure::code, CsvImportFailure::row)
			.containsExactly(tuple("NO-TYPE", 2), tuple("GIFT-1", 4));
		assertThat(result.failed().get(0).reason()).isEqualTo("Voucher Type is required");
		assertThat(this.vouchers.getVoucher("GIFT-2").gift().balance()).isEqualTo(3000L);
	}

	@Test
	void aWaitShorterThanTheJobTimesOutWithTheLastStatus() {
		AsyncAction started = this.vouchers
			.importVouchersUsingCsv(TestClients.csv("Code,Voucher Type,Value\nGIFT-1,GIFT_VOUCHER,2000\n"));

		assertThatExceptionOfType(VoucherifyJobTimeoutException.class)
			.isThrownBy(() -> this.vouchers.awaitAsyncAction(started.asyncActionId(), Duration.ofMillis(100)))
			.satisfies((ex) -> assertThat(ex.getLastStatus()).isIn("ENQUEUED", "IN_PROGRESS"));
	}

	@Test
	void anExportIsWaitedForAndItsFileDownloadedWithTheRequestedColumns() {
		this.emulator.createGiftCard("GIFT-1", 5000);
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(2500).withSourceId("refund-1"));
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1200).withSourceId("order-42"));
		TransactionsExport export = this.vouchers.exportVoucherTransactions("GIFT-1",
				TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_ASC, List.of(TransactionsExportField.ID,
						TransactionsExportField.SOURCE_ID, TransactionsExportField.AMOUNT)));

		Export done = this.vouchers.awaitExport(export.id(), Duration.ofSeconds(10));
		ByteArrayOutputStream file = new ByteArrayOutputStream();
		long bytes = this.vouchers.downloadExport(export.id(), file);

		assertThat(done.status()).isEqualTo(ExportStatus.DONE);
		assertThat(done.downloadUrl()).startsWith(this.emulator.downloadBaseUrl() + "/v1/exports/" + export.id());
		assertThat(bytes).isEqualTo(file.size());
		List<VoucherTransaction> transactions = this.vouchers.listVoucherTransactions("GIFT-1").data();
		assertThat(file.toString(StandardCharsets.UTF_8).split("\r\n")).containsExactly("ID,Source ID,Amount",
				transactions.get(1).id() + ",refund-1,2500", transactions.get(0).id() + ",order-42,-1200");
	}

	@Test
	void anExportIsDownloadedToAFile(@TempDir Path directory) throws Exception {
		this.emulator.createGiftCard("GIFT-1", 5000);
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(100).withSourceId("refund-1"));
		TransactionsExport export = this.vouchers.exportVoucherTransactions("GIFT-1");
		this.vouchers.awaitExport(export.id(), Duration.ofSeconds(10));
		Path target = directory.resolve("transactions.csv");

		long bytes = this.vouchers.downloadExport(export.id(), target);

		assertThat(Files.size(target)).isEqualTo(bytes);
		assertThat(Files.readAllLines(target).get(0))
			.isEqualTo("ID,Type,Source ID,Reason,Source,Balance,Amount,Created At");
	}

	@Test
	void aDownloadBeforeTheExportIsDoneIsNotReady() {
		this.emulator.createGiftCard("GIFT-1", 5000);
		TransactionsExport export = this.vouchers.exportVoucherTransactions("GIFT-1");

		assertThatExceptionOfType(VoucherifyExportNotReadyException.class)
			.isThrownBy(() -> this.vouchers.downloadExport(export.id(), new ByteArrayOutputStream()))
			.satisfies(
					(ex) -> assertThat(ex.getExport().status()).isIn(ExportStatus.SCHEDULED, ExportStatus.IN_PROGRESS));
	}

	@Test
	void unknownJobsAreNotFoundWithTheirResourceType() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.awaitAsyncAction("aa_0aeb82bd55d5beffb", Duration.ofSeconds(5)))
			.satisfies((ex) -> assertThat(ex.getResourceType()).isEqualTo("async_action"));
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.downloadExport("exp_8fNoLwgVPuhoxNzVsr50kq0", new ByteArrayOutputStream()))
			.satisfies((ex) -> assertThat(ex.getResourceType()).isEqualTo("export"));
	}

}
