package io.voucherify.spring;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import io.voucherify.spring.exception.VoucherifyException;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.Export;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransactionsPage;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.util.unit.DataSize;

/**
 * The {@link VouchersOperations} implementation, on Spring's
 * {@link org.springframework.web.client.RestClient}. Thread-safe; create one and share
 * it.
 * <p>
 * Spring Boot applications get one auto-configured from {@code voucherify.*} properties.
 * Elsewhere, use the {@linkplain #builder() builder}: <pre class="code">
 * VouchersTemplate vouchers = VouchersTemplate.builder()
 *     .appId("...")
 *     .secretKey("...")
 *     .baseUrl(VouchersTemplate.US_BASE_URL)
 *     .build();
 * </pre>
 *
 * @since 0.1.0
 */
public final class VouchersTemplate implements VouchersOperations, AutoCloseable {

	/** Voucherify's Europe region, the default. */
	public static final String DEFAULT_BASE_URL = "https://api.voucherify.io";

	/** Voucherify's United States region. */
	public static final String US_BASE_URL = "https://us1.api.voucherify.io";

	/** Voucherify's Asia (Singapore) region. */
	public static final String ASIA_BASE_URL = "https://as1.api.voucherify.io";

	/**
	 * The API version pinned by default, so project settings cannot change response
	 * shapes.
	 */
	public static final String DEFAULT_API_VERSION = "v2018-08-01";

	/** The default {@code X-Voucherify-Channel}, shown as the source of transactions. */
	public static final String DEFAULT_CHANNEL = "voucherify-spring-boot-starter";

	/** The default connect timeout. */
	public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);

	/** The default read timeout. */
	public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(30);

	/** The default read timeout of CSV import and transactions export. */
	public static final Duration DEFAULT_BULK_READ_TIMEOUT = Duration.ofMinutes(3);

	/** The default size of the connection pool of the default transport. */
	public static final int DEFAULT_MAX_CONNECTIONS = 50;

	/**
	 * The default limit of a response read into memory: far above any answer of the
	 * Vouchers API (a page of 100 transactions is about 150 KB), far below a heap.
	 */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(4);

	/** {@code User-Agent} of every request. */
	public static final String USER_AGENT = "voucherify-spring-boot-starter/" + VoucherifyVersion.get();

	private static final String VOUCHER = "/v1/vouchers/{code}";

	private static final String TRANSACTIONS = VOUCHER + "/transactions";

	private final VoucherifyCalls calls;

	private final BackgroundJobs jobs;

	private final List<AutoCloseable> resources;

	VouchersTemplate(VoucherifyCalls calls, VoucherifyJobSettings jobSettings, List<AutoCloseable> resources) {
		this.calls = calls;
		this.jobs = new BackgroundJobs(calls, jobSettings);
		this.resources = resources;
	}

	/**
	 * Start building a template.
	 * @return a new builder
	 */
	public static VouchersTemplateBuilder builder() {
		return new VouchersTemplateBuilder();
	}

	@Override
	public Voucher getVoucher(String code) {
		return body(getVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> getVoucherWithHttpInfo(String code) {
		return this.calls.exchange(VoucherifyOperation.GET_VOUCHER, code, HttpMethod.GET, VOUCHER,
				"/v1/vouchers/" + segment(code), Voucher.class);
	}

	@Override
	public Voucher enableVoucher(String code) {
		return body(enableVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> enableVoucherWithHttpInfo(String code) {
		return this.calls.exchange(VoucherifyOperation.ENABLE_VOUCHER, code, HttpMethod.POST, VOUCHER + "/enable",
				"/v1/vouchers/" + segment(code) + "/enable", Voucher.class);
	}

	@Override
	public Voucher disableVoucher(String code) {
		return body(disableVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> disableVoucherWithHttpInfo(String code) {
		return this.calls.exchange(VoucherifyOperation.DISABLE_VOUCHER, code, HttpMethod.POST, VOUCHER + "/disable",
				"/v1/vouchers/" + segment(code) + "/disable", Voucher.class);
	}

	@Override
	public void deleteVoucher(String code) {
		deleteVoucherWithHttpInfo(code, false);
	}

	@Override
	public void deleteVoucher(String code, boolean force) {
		deleteVoucherWithHttpInfo(code, force);
	}

	@Override
	public ResponseEntity<Void> deleteVoucherWithHttpInfo(String code) {
		return deleteVoucherWithHttpInfo(code, false);
	}

	@Override
	public ResponseEntity<Void> deleteVoucherWithHttpInfo(String code, boolean force) {
		return this.calls.exchange(VoucherifyOperation.DELETE_VOUCHER, code, HttpMethod.DELETE, VOUCHER,
				"/v1/vouchers/" + segment(code) + "?force=" + force, null);
	}

	@Override
	public BalanceUpdateResponse updateVoucherBalance(String code, BalanceUpdateRequest request) {
		return body(updateVoucherBalanceWithHttpInfo(code, request));
	}

	@Override
	public ResponseEntity<BalanceUpdateResponse> updateVoucherBalanceWithHttpInfo(String code,
			BalanceUpdateRequest request) {
		String path = "/v1/vouchers/" + segment(code) + "/balance";
		requireNonNull(request, "request");
		return this.calls.exchange(VoucherifyOperation.UPDATE_VOUCHER_BALANCE, code,
				this.calls.request(HttpMethod.POST, VOUCHER + "/balance", path)
					.contentType(MediaType.APPLICATION_JSON)
					.body(request),
				BalanceUpdateResponse.class);
	}

	@Override
	public VoucherTransactionsPage listVoucherTransactions(String code) {
		return body(listVoucherTransactionsWithHttpInfo(code));
	}

	@Override
	public VoucherTransactionsPage listVoucherTransactions(String code, TransactionsQuery query) {
		return body(listVoucherTransactionsWithHttpInfo(code, query));
	}

	@Override
	public ResponseEntity<VoucherTransactionsPage> listVoucherTransactionsWithHttpInfo(String code) {
		return listVoucherTransactionsWithHttpInfo(code, TransactionsQuery.firstPage());
	}

	@Override
	public ResponseEntity<VoucherTransactionsPage> listVoucherTransactionsWithHttpInfo(String code,
			TransactionsQuery query) {
		String path = "/v1/vouchers/" + segment(code) + "/transactions";
		requireNonNull(query, "query");
		return this.calls.exchange(VoucherifyOperation.LIST_VOUCHER_TRANSACTIONS, code, HttpMethod.GET, TRANSACTIONS,
				path + query(query), VoucherTransactionsPage.class);
	}

	@Override
	public TransactionsExport exportVoucherTransactions(String code) {
		return body(exportVoucherTransactionsWithHttpInfo(code));
	}

	@Override
	public TransactionsExport exportVoucherTransactions(String code, TransactionsExportRequest request) {
		return body(exportVoucherTransactionsWithHttpInfo(code, request));
	}

	@Override
	public ResponseEntity<TransactionsExport> exportVoucherTransactionsWithHttpInfo(String code) {
		return exportVoucherTransactionsWithHttpInfo(code, TransactionsExportRequest.defaults());
	}

	@Override
	public ResponseEntity<TransactionsExport> exportVoucherTransactionsWithHttpInfo(String code,
			TransactionsExportRequest request) {
		String path = "/v1/vouchers/" + segment(code) + "/transactions/export";
		requireNonNull(request, "request");
		return this.calls.exchange(VoucherifyOperation.EXPORT_VOUCHER_TRANSACTIONS, code,
				this.calls.request(HttpMethod.POST, TRANSACTIONS + "/export", path)
					.contentType(MediaType.APPLICATION_JSON)
					.body(request),
				TransactionsExport.class);
	}

	@Override
	public AsyncAction importVouchersUsingCsv(Resource csv) {
		return body(importVouchersUsingCsvWithHttpInfo(csv));
	}

	@Override
	public AsyncAction importVouchersUsingCsv(Path csv) {
		return body(importVouchersUsingCsvWithHttpInfo(csv));
	}

	@Override
	public ResponseEntity<AsyncAction> importVouchersUsingCsvWithHttpInfo(Path csv) {
		requireNonNull(csv, "csv");
		if (!Files.isRegularFile(csv) || !Files.isReadable(csv)) {
			throw new IllegalArgumentException("csv must be a readable file: " + csv);
		}
		return importVouchersUsingCsvWithHttpInfo(new FileSystemResource(csv));
	}

	@Override
	public ResponseEntity<AsyncAction> importVouchersUsingCsvWithHttpInfo(Resource csv) {
		requireNonNull(csv, "csv");
		if (!csv.exists() || !csv.isReadable()) {
			throw new IllegalArgumentException("csv must be an existing, readable resource: " + csv.getDescription());
		}
		// The Resource itself goes into the part, so that it is streamed to the socket.
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType("text/csv"));
		String filename = csv.getFilename();
		partHeaders.setContentDispositionFormData("file",
				(filename != null && !filename.isBlank()) ? filename : "vouchers.csv");
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(csv, partHeaders));
		return this.calls.exchange(VoucherifyOperation.IMPORT_VOUCHERS_USING_CSV, null,
				this.calls.request(HttpMethod.POST, "/v1/vouchers/importCSV", "/v1/vouchers/importCSV")
					.contentType(MediaType.MULTIPART_FORM_DATA)
					.body(parts),
				AsyncAction.class);
	}

	@Override
	public void releaseValidationSession(String code, String sessionKey) {
		releaseValidationSessionWithHttpInfo(code, sessionKey);
	}

	@Override
	public ResponseEntity<Void> releaseValidationSessionWithHttpInfo(String code, String sessionKey) {
		String path = "/v1/vouchers/" + segment(code) + "/sessions/" + PathSegment.encode(sessionKey, "sessionKey");
		return this.calls.exchange(VoucherifyOperation.RELEASE_VALIDATION_SESSION, code, HttpMethod.DELETE,
				VOUCHER + "/sessions/{sessionKey}", path, null);
	}

	@Override
	public AsyncActionDetails getAsyncAction(String asyncActionId) {
		return body(getAsyncActionWithHttpInfo(asyncActionId));
	}

	@Override
	public ResponseEntity<AsyncActionDetails> getAsyncActionWithHttpInfo(String asyncActionId) {
		return this.jobs.getAsyncAction(asyncActionId);
	}

	@Override
	public AsyncActionDetails awaitAsyncAction(String asyncActionId, Duration timeout) {
		return body(awaitAsyncActionWithHttpInfo(asyncActionId, timeout));
	}

	@Override
	public ResponseEntity<AsyncActionDetails> awaitAsyncActionWithHttpInfo(String asyncActionId, Duration timeout) {
		return this.jobs.awaitAsyncAction(asyncActionId, timeout);
	}

	@Override
	public Export getExport(String exportId) {
		return body(getExportWithHttpInfo(exportId));
	}

	@Override
	public ResponseEntity<Export> getExportWithHttpInfo(String exportId) {
		return this.jobs.getExport(exportId);
	}

	@Override
	public Export awaitExport(String exportId, Duration timeout) {
		return body(awaitExportWithHttpInfo(exportId, timeout));
	}

	@Override
	public ResponseEntity<Export> awaitExportWithHttpInfo(String exportId, Duration timeout) {
		return this.jobs.awaitExport(exportId, timeout);
	}

	@Override
	public long downloadExport(String exportId, OutputStream target) {
		return this.jobs.downloadExport(exportId, target);
	}

	@Override
	public long downloadExport(String exportId, Path target) {
		return this.jobs.downloadExport(exportId, target);
	}

	/**
	 * Check that Voucherify answers this template and accepts its credentials, as a
	 * health check does: a {@code GET} of a voucher code that cannot exist, on this
	 * template's HTTP client and connection pool, in one attempt that ends within
	 * {@code timeout}. The check is not observed, and its failures are Voucherify's own
	 * exceptions whatever error handler the template has.
	 * @param timeout the longest the check may take
	 * @return the status that proved access: 404 (Voucherify looked for the code), or a
	 * 2xx
	 * @throws VoucherifyException if Voucherify is unreachable, fails, rejects the
	 * credentials or limits the rate
	 */
	public int checkAccess(Duration timeout) {
		String code = "voucherify-health-probe-" + UUID.randomUUID();
		try {
			return this.calls.forHealthCheck(SettingChecks.requirePositive(timeout, "timeout"))
				.exchange(VoucherifyOperation.GET_VOUCHER, code, HttpMethod.GET, VOUCHER, "/v1/vouchers/" + code, null)
				.getStatusCode()
				.value();
		}
		catch (VoucherifyNotFoundException ex) {
			return ex.getStatusCode().value();
		}
	}

	/**
	 * What the client last saw of Voucherify, shared with the health indicator and the
	 * rate-limit gauges.
	 * @return the activity record
	 */
	public VoucherifyApiActivity getActivity() {
		return this.calls.activity();
	}

	/**
	 * The budget each HTTP attempt takes a permit from, shown by the health indicator.
	 * @return the budget, {@link VoucherifyCallBudget#UNLIMITED} if none was set
	 * @since 0.1.0
	 */
	public VoucherifyCallBudget getCallBudget() {
		return this.calls.budget();
	}

	/**
	 * Close the HTTP client this template owns: its default transport, or what was handed
	 * to {@link VouchersTemplateBuilder#releaseOnClose(AutoCloseable)} (as the
	 * auto-configuration does). A Spring context calls this when it stops. Calls after
	 * closing fail.
	 */
	@Override
	public void close() {
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				LogFactory.getLog(VouchersTemplate.class).debug("Could not close " + resource + ": " + ex);
			}
		}
	}

	private static String segment(String code) {
		return PathSegment.encode(code, "code");
	}

	/** The query string of the parameters that are set, in a fixed order. */
	private static String query(TransactionsQuery query) {
		StringBuilder parameters = new StringBuilder();
		if (query.limit() != null) {
			parameters.append("&limit=").append(query.limit());
		}
		if (query.order() != null) {
			parameters.append("&order=").append(PathSegment.encodeQueryValue(query.order().value()));
		}
		if (query.startingAfterId() != null) {
			parameters.append("&starting_after_id=").append(PathSegment.encodeQueryValue(query.startingAfterId()));
		}
		if (query.page() != null) {
			parameters.append("&page=").append(query.page());
		}
		return parameters.isEmpty() ? "" : "?" + parameters.substring(1);
	}

	static <T> T body(ResponseEntity<T> entity) {
		T body = entity.getBody();
		if (body == null) {
			throw new VoucherifyInvalidResponseException(entity.getStatusCode().value(), "Response has no body", null);
		}
		return body;
	}

	static void requireNonNull(@Nullable Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
	}

}
