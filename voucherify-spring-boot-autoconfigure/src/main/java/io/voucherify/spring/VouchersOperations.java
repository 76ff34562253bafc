package io.voucherify.spring;

import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransaction;
import io.voucherify.spring.model.VoucherTransactionsPage;

import org.springframework.core.io.Resource;
import org.springframework.http.ResponseEntity;

/**
 * The operations of the Voucherify Vouchers API, and those that follow the background
 * jobs two of them start (a CSV import's async action, a transactions export and its
 * file). Inject this interface; the auto-configured implementation is
 * {@link VouchersTemplate}.
 * <p>
 * Method names follow Voucherify's SDKs. Each method has a {@code ...WithHttpInfo} twin
 * that returns the status and headers too (e.g. the {@code X-Rate-Limit-Remaining}
 * header), like the SDKs' {@code *_with_http_info}.
 * <p>
 * A voucher {@code code} may be the code itself or Voucherify's id ({@code v_...}); it is
 * sent exactly as given, as one encoded path segment. Bad arguments throw
 * {@link IllegalArgumentException} before any request is sent. A failed request throws a
 * subclass of {@link io.voucherify.spring.exception.VoucherifyException}.
 *
 * @since 0.1.0
 */
public interface VouchersOperations {

	/**
	 * Retrieve a voucher: {@code GET /v1/vouchers/{code}}.
	 * @param code the voucher code or id
	 * @return the voucher
	 * @throws io.voucherify.spring.exception.VoucherifyNotFoundException if there is no
	 * such voucher
	 */
	Voucher getVoucher(String code);

	/**
	 * Retrieve a voucher, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @return the response, its body the voucher
	 * @see #getVoucher(String)
	 */
	ResponseEntity<Voucher> getVoucherWithHttpInfo(String code);

	/**
	 * Enable a voucher ({@code active = true}): {@code POST /v1/vouchers/{code}/enable}.
	 * @param code the voucher code or id
	 * @return the updated voucher
	 */
	Voucher enableVoucher(String code);

	/**
	 * Enable a voucher, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @return the response, its body the updated voucher
	 * @see #enableVoucher(String)
	 */
	ResponseEntity<Voucher> enableVoucherWithHttpInfo(String code);

	/**
	 * Disable a voucher ({@code active = false}): {@code POST
	 * /v1/vouchers/{code}/disable}.
	 * @param code the voucher code or id
	 * @return the updated voucher
	 */
	Voucher disableVoucher(String code);

	/**
	 * Disable a voucher, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @return the response, its body the updated voucher
	 * @see #disableVoucher(String)
	 */
	ResponseEntity<Voucher> disableVoucherWithHttpInfo(String code);

	/**
	 * Move a voucher to the bin: {@code DELETE /v1/vouchers/{code}}. Same as
	 * {@code deleteVoucher(code, false)}.
	 * @param code the voucher code or id
	 */
	void deleteVoucher(String code);

	/**
	 * Delete a voucher: {@code DELETE /v1/vouchers/{code}?force=}. With {@code force} the
	 * voucher is deleted for good and its code can be used again; without, it moves to
	 * the bin. Either way its redemptions are removed.
	 * @param code the voucher code or id
	 * @param force delete permanently
	 */
	void deleteVoucher(String code, boolean force);

	/**
	 * Move a voucher to the bin, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @return the response (204, no body)
	 */
	ResponseEntity<Void> deleteVoucherWithHttpInfo(String code);

	/**
	 * Delete a voucher, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @param force delete permanently
	 * @return the response (204, no body)
	 * @see #deleteVoucher(String, boolean)
	 */
	ResponseEntity<Void> deleteVoucherWithHttpInfo(String code, boolean force);

	/**
	 * Add to or remove from a gift card's balance or a loyalty card's points: {@code POST
	 * /v1/vouchers/{code}/balance}. Not idempotent: each call applies the change.
	 * @param code the voucher code or id
	 * @param request the change, e.g. {@code BalanceUpdateRequest.add(2000)}
	 * @return the new balance
	 */
	BalanceUpdateResponse updateVoucherBalance(String code, BalanceUpdateRequest request);

	/**
	 * Change a balance, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @param request the change
	 * @return the response, its body the new balance
	 * @see #updateVoucherBalance(String, BalanceUpdateRequest)
	 */
	ResponseEntity<BalanceUpdateResponse> updateVoucherBalanceWithHttpInfo(String code, BalanceUpdateRequest request);

	/**
	 * List the first page of a voucher's transactions with Voucherify's default size:
	 * {@code GET /v1/vouchers/{code}/transactions}.
	 * @param code the voucher code or id
	 * @return the page
	 */
	VoucherTransactionsPage listVoucherTransactions(String code);

	/**
	 * List a page of a voucher's transactions. Follow {@code more_starting_after} with
	 * {@link TransactionsQuery#after(String)} for the next page.
	 * @param code the voucher code or id
	 * @param query limit, order and cursor; only what is set is sent
	 * @return the page
	 */
	VoucherTransactionsPage listVoucherTransactions(String code, TransactionsQuery query);

	/**
	 * List a voucher's transactions, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @return the response, its body the page
	 */
	ResponseEntity<VoucherTransactionsPage> listVoucherTransactionsWithHttpInfo(String code);

	/**
	 * List a page of a voucher's transactions, with the HTTP status and headers.
	 * @param code the voucher code or id
	 * @param query limit, order and cursor
	 * @return the response, its body the page
	 */
	ResponseEntity<VoucherTransactionsPage> listVoucherTransactionsWithHttpInfo(String code, TransactionsQuery query);

	/**
	 * Stream all of a voucher's transactions in Voucherify's default order, 100 a page.
	 * Lazy: pages are fetched as the stream is consumed, following the
	 * {@code more_starting_after} cursor, and stopping early fetches nothing more.
	 * @param code the voucher code or id
	 * @return the transactions
	 */
	default Stream<VoucherTransaction> streamVoucherTransactions(String code) {
		return streamVoucherTransactions(code, TransactionsQuery.firstPage().withLimit(TransactionsQuery.MAX_LIMIT));
	}

	/**
	 * Stream a voucher's transactions from a query (limit, order and a starting cursor),
	 * following the cursor page by page as the stream is consumed.
	 * @param code the voucher code or id
	 * @param query the first page's query; {@code page} cannot be set
	 * @return the transactions
	 */
	default Stream<VoucherTransaction> streamVoucherTransactions(String code, TransactionsQuery query) {
		return TransactionPages.stream(this, code, query);
	}

	/**
	 * Schedule an export of all of a voucher's transactions with Voucherify's default
	 * fields: {@code POST /v1/vouchers/{code}/transactions/export}.
	 * @param code the voucher code
	 * @return the scheduled export; wait for its file with {@link #awaitExport}, then
	 * {@link #downloadExport(String, OutputStream) download} it
	 */
	TransactionsExport exportVoucherTransactions(String code);

	/**
	 * Schedule an export of a voucher's transactions.
	 * @param code the voucher code
	 * @param request order and fields of the export
	 * @return the scheduled export
	 */
	TransactionsExport exportVoucherTransactions(String code, TransactionsExportRequest request);

	/**
	 * Schedule an export, with the HTTP status and headers.
	 * @param code the voucher code
	 * @return the response, its body the scheduled export
	 */
	ResponseEntity<TransactionsExport> exportVoucherTransactionsWithHttpInfo(String code);

	/**
	 * Schedule an export, with the HTTP status and headers.
	 * @param code the voucher code
	 * @param request order and fields of the export
	 * @return the response, its body the scheduled export
	 */
	ResponseEntity<TransactionsExport> exportVoucherTransactionsWithHttpInfo(String code,
			TransactionsExportRequest request);

	/**
	 * Import vouchers from a CSV file: {@code POST /v1/vouchers/importCSV}, multipart
	 * part {@code file}. The file is streamed, never held in memory. Voucherify processes
	 * it asynchronously.
	 * @param csv the CSV, its first line the headers ({@code Code}, {@code Voucher Type},
	 * {@code Value}, ...)
	 * @return the id of the asynchronous action; wait for its result with
	 * {@link #awaitAsyncAction}
	 */
	AsyncAction importVouchersUsingCsv(Resource csv);

	/**
	 * Import vouchers from a CSV file on disk.
	 * @param csv the path of the CSV file
	 * @return the id of the asynchronous action to poll
	 * @see #importVouchersUsingCsv(Resource)
	 */
	AsyncAction importVouchersUsingCsv(Path csv);

	/**
	 * Import vouchers from a CSV, with the HTTP status (202) and headers.
	 * @param csv the CSV
	 * @return the response, its body the asynchronous action
	 */
	ResponseEntity<AsyncAction> importVouchersUsingCsvWithHttpInfo(Resource csv);

	/**
	 * Import vouchers from a CSV file on disk, with the HTTP status and headers.
	 * @param csv the path of the CSV file
	 * @return the response, its body the asynchronous action
	 */
	ResponseEntity<AsyncAction> importVouchersUsingCsvWithHttpInfo(Path csv);

	/**
	 * Release a validation session, freeing what it locked: {@code DELETE
	 * /v1/vouchers/{code}/sessions/{sessionKey}}.
	 * @param code the voucher code
	 * @param sessionKey the session key, e.g.
	 * {@code ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts}
	 * @throws io.voucherify.spring.exception.VoucherifyNotFoundException with resource
	 * type {@code session} if there is no such session
	 */
	void releaseValidationSession(String code, String sessionKey);

	/**
	 * Release a validation session, with the HTTP status and headers.
	 * @param code the voucher code
	 * @param sessionKey the session key
	 * @return the response (204, no body)
	 */
	ResponseEntity<Void> releaseValidationSessionWithHttpInfo(String code, String sessionKey);

	/**
	 * Retrieve a background job, such as a CSV import: {@code GET
	 * /v1/async-actions/{asyncActionId}}. One call, no waiting.
	 * @param asyncActionId the job id, {@code aa_...}
	 * @return the job with its status and, once done, its result
	 * @throws io.voucherify.spring.exception.VoucherifyNotFoundException with resource
	 * type {@code async_action} if there is no such job
	 */
	AsyncActionDetails getAsyncAction(String asyncActionId);

	/**
	 * Retrieve a background job, with the HTTP status and headers.
	 * @param asyncActionId the job id, {@code aa_...}
	 * @return the response, its body the job
	 * @see #getAsyncAction(String)
	 */
	ResponseEntity<AsyncActionDetails> getAsyncActionWithHttpInfo(String asyncActionId);

	/**
	 * Wait for a background job to end, polling it with {@link #getAsyncAction} after a
	 * first wait and then at a growing interval ({@code voucherify.jobs.*}); each poll is
	 * an API call that counts against the rate limit. Blocks the calling thread.
	 * <p>
	 * A job that is {@code DONE} is returned even if some or all of its rows failed: see
	 * {@link AsyncActionDetails#csvImportResult()}.
	 * @param asyncActionId the job id, {@code aa_...}
	 * @param timeout the longest to wait, polls included
	 * @return the job, {@code DONE}
	 * @throws io.voucherify.spring.exception.VoucherifyAsyncActionFailedException if the
	 * job ends {@code FAILED}
	 * @throws io.voucherify.spring.exception.VoucherifyJobTimeoutException if it has not
	 * ended within {@code timeout}
	 */
	AsyncActionDetails awaitAsyncAction(String asyncActionId, Duration timeout);

	/**
	 * Wait for a background job to end, with the HTTP status and headers of the last poll
	 * (e.g. its {@code X-Rate-Limit-Remaining}).
	 * @param asyncActionId the job id, {@code aa_...}
	 * @param timeout the longest to wait, polls included
	 * @return the last poll's response, its body the job
	 * @see #awaitAsyncAction(String, Duration)
	 */
	ResponseEntity<AsyncActionDetails> awaitAsyncActionWithHttpInfo(String asyncActionId, Duration timeout);

	/**
	 * Retrieve an export: {@code GET /v1/exports/{exportId}}. One call, no waiting.
	 * @param exportId the export id, {@code exp_...}
	 * @return the export with its status and, once done, its file's URL
	 * @throws io.voucherify.spring.exception.VoucherifyNotFoundException with resource
	 * type {@code export} if there is no such export
	 */
	Export getExport(String exportId);

	/**
	 * Retrieve an export, with the HTTP status and headers.
	 * @param exportId the export id, {@code exp_...}
	 * @return the response, its body the export
	 * @see #getExport(String)
	 */
	ResponseEntity<Export> getExportWithHttpInfo(String exportId);

	/**
	 * Wait for an export's file, polling the export with {@link #getExport} as
	 * {@link #awaitAsyncAction} polls a job. Blocks the calling thread.
	 * @param exportId the export id, {@code exp_...}
	 * @param timeout the longest to wait, polls included
	 * @return the export, {@code DONE}, its file's URL in {@code result}
	 * @throws io.voucherify.spring.exception.VoucherifyExportFailedException if the
	 * export ends with status {@code ERROR}
	 * @throws io.voucherify.spring.exception.VoucherifyJobTimeoutException if it has not
	 * ended within {@code timeout}
	 */
	Export awaitExport(String exportId, Duration timeout);

	/**
	 * Wait for an export's file, with the HTTP status and headers of the last poll.
	 * @param exportId the export id, {@code exp_...}
	 * @param timeout the longest to wait, polls included
	 * @return the last poll's response, its body the export
	 * @see #awaitExport(String, Duration)
	 */
	ResponseEntity<Export> awaitExportWithHttpInfo(String exportId, Duration timeout);

	/**
	 * Download an export's CSV file into a stream: one {@link #getExport} call, then the
	 * file from its {@code result.url}, copied as it arrives through a small buffer, so a
	 * file of any size takes no more memory. Waits for nothing: call {@link #awaitExport}
	 * first.
	 * <p>
	 * The URL carries a download token, and the request also carries the
	 * {@code X-App-Id}/{@code X-App-Token} headers: Voucherify's specification declares
	 * the same authentication on the download as on every other operation, and its guide
	 * says to use the URL "together with authentication headers"; no source says the
	 * token alone is enough. Because the headers go along, the URL must be Voucherify's:
	 * https on a {@code voucherify.io} host or the API's own host (plain http only to the
	 * API's own http host, such as a local emulator). Any other URL is refused before
	 * anything is sent. Redirects are never followed.
	 * @param exportId the export id, {@code exp_...}
	 * @param target where the file goes; written to, not closed
	 * @return the number of bytes written
	 * @throws io.voucherify.spring.exception.VoucherifyExportNotReadyException if the
	 * export is not {@code DONE} or has no URL
	 * @throws io.voucherify.spring.exception.VoucherifyExportFailedException if the
	 * export ended with status {@code ERROR}
	 * @throws io.voucherify.spring.exception.VoucherifyInvalidResponseException if the
	 * export's URL is not Voucherify's
	 * @throws java.io.UncheckedIOException if {@code target} cannot be written; a
	 * download is retried only while nothing has been written
	 */
	long downloadExport(String exportId, OutputStream target);

	/**
	 * Download an export's CSV file to a file. The file is written beside {@code target}
	 * under a temporary name and moved in place when complete, so {@code target} never
	 * holds part of a file.
	 * @param exportId the export id, {@code exp_...}
	 * @param target the file to create or replace
	 * @return the number of bytes written
	 * @see #downloadExport(String, OutputStream)
	 */
	long downloadExport(String exportId, Path target);

}
