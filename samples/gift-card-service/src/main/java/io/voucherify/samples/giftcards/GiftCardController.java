package io.voucherify.samples.giftcards;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.VoucherTransactionsPage;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The service's HTTP API, one endpoint per Voucherify operation it uses. Voucherify's
 * errors become problem responses in {@link VoucherifyProblemHandler}.
 */
@RestController
@RequestMapping("/cards")
class GiftCardController {

	/** How long a request waits for Voucherify to finish an import or an export. */
	static final Duration JOB_TIMEOUT = Duration.ofMinutes(2);

	private static final MediaType TEXT_CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

	private final VouchersOperations vouchers;

	GiftCardController(VouchersOperations vouchers) {
		this.vouchers = vouchers;
	}

	@GetMapping("/{code}")
	CardView card(@PathVariable String code) {
		return CardView.of(this.vouchers.getVoucher(code));
	}

	@PostMapping("/{code}/top-up")
	BalanceUpdateResponse topUp(@PathVariable String code, @RequestBody BalanceChange change) {
		return this.vouchers.updateVoucherBalance(code,
				BalanceUpdateRequest.add(change.requireAmount())
					.withSourceId(change.sourceId())
					.withReason(change.reason()));
	}

	@PostMapping("/{code}/spend")
	BalanceUpdateResponse spend(@PathVariable String code, @RequestBody BalanceChange change) {
		return this.vouchers.updateVoucherBalance(code,
				BalanceUpdateRequest.remove(change.requireAmount())
					.withSourceId(change.sourceId())
					.withReason(change.reason()));
	}

	@GetMapping("/{code}/transactions")
	VoucherTransactionsPage transactions(@PathVariable String code,
			@RequestParam(required = false) @Nullable Integer limit,
			@RequestParam(required = false) @Nullable String startingAfter) {
		TransactionsQuery query = (startingAfter != null) ? TransactionsQuery.after(startingAfter)
				: TransactionsQuery.firstPage();
		return this.vouchers.listVoucherTransactions(code, (limit != null) ? query.withLimit(limit) : query);
	}

	@PostMapping("/{code}/transactions/export")
	TransactionsExport exportTransactions(@PathVariable String code) {
		return this.vouchers.exportVoucherTransactions(code);
	}

	@PostMapping("/{code}/enable")
	CardView enable(@PathVariable String code) {
		return CardView.of(this.vouchers.enableVoucher(code));
	}

	@PostMapping("/{code}/disable")
	CardView disable(@PathVariable String code) {
		return CardView.of(this.vouchers.disableVoucher(code));
	}

	@DeleteMapping("/{code}")
	ResponseEntity<Void> delete(@PathVariable String code, @RequestParam(defaultValue = "false") boolean force) {
		this.vouchers.deleteVoucher(code, force);
		return ResponseEntity.noContent().build();
	}

	/**
	 * Export a card's transactions and stream the file once Voucherify has written it:
	 * the export is started, waited for (polling at a growing interval), then downloaded
	 * straight into the response, never held in memory.
	 */
	@GetMapping("/{code}/transactions.csv")
	ResponseEntity<StreamingResponseBody> transactionsCsv(@PathVariable String code) {
		TransactionsExport export = this.vouchers.exportVoucherTransactions(code);
		Export done = this.vouchers.awaitExport(export.id(), JOB_TIMEOUT);
		ContentDisposition attachment = ContentDisposition.attachment()
			.filename(code + "-transactions.csv", StandardCharsets.UTF_8)
			.build();
		return ResponseEntity.ok()
			.contentType(TEXT_CSV)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment.toString())
			.body((out) -> this.vouchers.downloadExport(done.id(), out));
	}

	/**
	 * Import cards and answer once Voucherify has finished: how many were imported, and
	 * each row that failed with its reason.
	 */
	@PostMapping("/import-and-wait")
	ImportSummary importCardsAndWait(@RequestPart(name = "file", required = false) @Nullable MultipartFile file)
			throws IOException {
		AsyncAction started = importCards(file);
		return ImportSummary.of(this.vouchers.awaitAsyncAction(started.asyncActionId(), JOB_TIMEOUT));
	}

	@PostMapping("/import")
	@ResponseStatus(HttpStatus.ACCEPTED)
	AsyncAction importCards(@RequestPart(name = "file", required = false) @Nullable MultipartFile file)
			throws IOException {
		if (file == null || file.isEmpty()) {
			throw InvalidFieldException.missingFile();
		}
		// Streams the upload on to Voucherify without holding it in memory.
		InputStreamResource csv = new InputStreamResource(file.getInputStream()) {

			@Override
			public String getFilename() {
				return (file.getOriginalFilename() != null) ? file.getOriginalFilename() : "cards.csv";
			}

			@Override
			public long contentLength() {
				return file.getSize();
			}

		};
		return this.vouchers.importVouchersUsingCsv(csv);
	}

	@DeleteMapping("/{code}/sessions/{sessionKey}")
	ResponseEntity<Void> releaseSession(@PathVariable String code, @PathVariable String sessionKey) {
		this.vouchers.releaseValidationSession(code, sessionKey);
		return ResponseEntity.noContent().build();
	}

}
