package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.function.Supplier;

import org.apache.commons.logging.LogFactory;
import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.model.AsyncAction;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import io.voucherify.spring.model.TransactionsExport;
import io.voucherify.spring.model.TransactionsExportRequest;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherTransactionsPage;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
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
import org.springframework.util.function.SingletonSupplier;
import org.springframework.web.client.RestClient;

/**
 * The {@link VouchersOperations} implementation, on Spring's {@link RestClient}.
 * Thread-safe; create one and share it.
 * <p>
 * Spring Boot applications get one auto-configured from {@code voucherify.*} properties.
 * Elsewhere, use the {@linkplain #builder() builder}: <pre class="code">
 * VouchersOperations vouchers = VouchersTemplate.builder()
 *     .appId("...")
 *     .secretKey("...")
 *     .baseUrl(VouchersTemplate.US_BASE_URL)
 *     .build();
 * </pre>
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

	/**
	 * The default size of the connection pool of the default Apache HttpClient 5
	 * transport.
	 */
	public static final int DEFAULT_MAX_CONNECTIONS = 50;

	/**
	 * The default limit of a response read into memory: far above any answer of the
	 * Vouchers API (a page of 100 transactions is about 150 KB), far below a heap.
	 */
	public static final DataSize DEFAULT_MAX_RESPONSE_SIZE = DataSize.ofMegabytes(4);

	/** {@code User-Agent} of every request. */
	public static final String USER_AGENT = "voucherify-spring-boot-starter/" + version();

	private static final String VOUCHER = "/v1/vouchers/{code}";

	private static final String TRANSACTIONS = VOUCHER + "/transactions";

	/**
	 * What makes the calls, with its {@code RestClient}: built on the first call, as the
	 * first {@code RestClient} build of a JVM (converters, Spring's client classes) is
	 * most of the client's cold start-up, and so that a class Spring inspects at start-up
	 * holds the API alone (BENCHMARKS.md).
	 */
	private final SingletonSupplier<VoucherifyCalls> calls;

	private final VoucherifyApiActivity activity;

	private final List<AutoCloseable> resources;

	private VouchersTemplate(Supplier<VoucherifyCalls> calls, VoucherifyApiActivity activity,
			List<AutoCloseable> resources) {
		this.calls = SingletonSupplier.of(calls);
		this.activity = activity;
		this.resources = resources;
	}

	private VoucherifyCalls calls() {
		return this.calls.obtain();
	}

	/** The template's {@code RestClient}, built on first use. */
	RestClient restClient() {
		return calls().restClient();
	}

	/**
	 * Close the HTTP clients this template owns: its default transport, or those handed
	 * to {@link Builder#releaseOnClose(AutoCloseable)} (as the auto-configuration does).
	 * A Spring context calls this when it stops. Calls after closing fail.
	 */
	@Override
	public void close() {
		for (AutoCloseable resource : this.resources) {
			try {
				resource.close();
			}
			catch (Exception ex) {
				LogFactory.getLog(VouchersTemplate.class)
					.debug("Could not close " + resource.getClass().getSimpleName() + ": " + ex);
			}
		}
	}

	/**
	 * Start building a template.
	 * @return a new builder
	 */
	public static Builder builder() {
		return new Builder();
	}

	@Override
	public Voucher getVoucher(String code) {
		return body(getVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> getVoucherWithHttpInfo(String code) {
		String segment = PathSegment.encode(code, "code");
		return calls().exchange(VoucherifyOperation.GET_VOUCHER, code, HttpMethod.GET, VOUCHER,
				"/v1/vouchers/" + segment, Voucher.class);
	}

	@Override
	public Voucher enableVoucher(String code) {
		return body(enableVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> enableVoucherWithHttpInfo(String code) {
		String segment = PathSegment.encode(code, "code");
		return calls().exchange(VoucherifyOperation.ENABLE_VOUCHER, code, HttpMethod.POST, VOUCHER + "/enable",
				"/v1/vouchers/" + segment + "/enable", Voucher.class);
	}

	@Override
	public Voucher disableVoucher(String code) {
		return body(disableVoucherWithHttpInfo(code));
	}

	@Override
	public ResponseEntity<Voucher> disableVoucherWithHttpInfo(String code) {
		String segment = PathSegment.encode(code, "code");
		return calls().exchange(VoucherifyOperation.DISABLE_VOUCHER, code, HttpMethod.POST, VOUCHER + "/disable",
				"/v1/vouchers/" + segment + "/disable", Voucher.class);
	}

	@Override
	public void deleteVoucher(String code) {
		deleteVoucherWithHttpInfo(code);
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
		String segment = PathSegment.encode(code, "code");
		return calls().exchange(VoucherifyOperation.DELETE_VOUCHER, code, HttpMethod.DELETE, VOUCHER,
				"/v1/vouchers/" + segment + "?force=" + force, null);
	}

	@Override
	public BalanceUpdateResponse updateVoucherBalance(String code, BalanceUpdateRequest request) {
		return body(updateVoucherBalanceWithHttpInfo(code, request));
	}

	@Override
	public ResponseEntity<BalanceUpdateResponse> updateVoucherBalanceWithHttpInfo(String code,
			BalanceUpdateRequest request) {
		String segment = PathSegment.encode(code, "code");
		requireNonNull(request, "request");
		VoucherifyCalls calls = calls();
		return calls.exchange(VoucherifyOperation.UPDATE_VOUCHER_BALANCE, code,
				calls.request(HttpMethod.POST, VOUCHER + "/balance", "/v1/vouchers/" + segment + "/balance")
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
		String segment = PathSegment.encode(code, "code");
		requireNonNull(query, "query");
		return calls().exchange(VoucherifyOperation.LIST_VOUCHER_TRANSACTIONS, code, HttpMethod.GET, TRANSACTIONS,
				"/v1/vouchers/" + segment + "/transactions" + query(query), VoucherTransactionsPage.class);
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
		String segment = PathSegment.encode(code, "code");
		requireNonNull(request, "request");
		VoucherifyCalls calls = calls();
		return calls.exchange(VoucherifyOperation.EXPORT_VOUCHER_TRANSACTIONS, code, calls
			.request(HttpMethod.POST, TRANSACTIONS + "/export", "/v1/vouchers/" + segment + "/transactions/export")
			.contentType(MediaType.APPLICATION_JSON)
			.body(request), TransactionsExport.class);
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
		// The Resource itself goes into the part, so the converter streams it to the
		// socket.
		HttpHeaders partHeaders = new HttpHeaders();
		partHeaders.setContentType(MediaType.parseMediaType("text/csv"));
		partHeaders.setContentDispositionFormData("file", filename(csv));
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new HttpEntity<>(csv, partHeaders));
		VoucherifyCalls calls = calls();
		return calls.exchange(VoucherifyOperation.IMPORT_VOUCHERS_USING_CSV, null,
				calls.request(HttpMethod.POST, "/v1/vouchers/importCSV", "/v1/vouchers/importCSV")
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
		String codeSegment = PathSegment.encode(code, "code");
		String sessionSegment = PathSegment.encode(sessionKey, "sessionKey");
		return calls().exchange(VoucherifyOperation.RELEASE_VALIDATION_SESSION, code, HttpMethod.DELETE,
				VOUCHER + "/sessions/{sessionKey}", "/v1/vouchers/" + codeSegment + "/sessions/" + sessionSegment,
				null);
	}

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

	/**
	 * What the client last saw of Voucherify, shared with the health indicator and the
	 * rate-limit gauges.
	 * @return the activity record
	 */
	public VoucherifyApiActivity getActivity() {
		return this.activity;
	}

	private static <T> T body(ResponseEntity<T> entity) {
		T body = entity.getBody();
		if (body == null) {
			throw new VoucherifyInvalidResponseException(entity.getStatusCode().value(), "Response has no body", null);
		}
		return body;
	}

	private static String filename(Resource csv) {
		String filename = csv.getFilename();
		return (filename != null && !filename.isBlank()) ? filename : "vouchers.csv";
	}

	private static void requireNonNull(@Nullable Object value, String name) {
		if (value == null) {
			throw new IllegalArgumentException(name + " must not be null");
		}
	}

	private static String version() {
		try (InputStream in = VouchersTemplate.class.getResourceAsStream("voucherify-version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			String version = properties.getProperty("version");
			return (version != null && !version.startsWith("$")) ? version : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

	/**
	 * Builds a {@link VouchersTemplate}. {@code appId} and {@code secretKey} are
	 * required.
	 */
	public static final class Builder {

		private @Nullable String appId;

		private @Nullable String secretKey;

		private String baseUrl = DEFAULT_BASE_URL;

		private String apiVersion = DEFAULT_API_VERSION;

		private String channel = DEFAULT_CHANNEL;

		private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;

		private Duration readTimeout = DEFAULT_READ_TIMEOUT;

		private Duration bulkReadTimeout = DEFAULT_BULK_READ_TIMEOUT;

		/** Where build() gets the builder to configure; the default transport if null. */
		private @Nullable Supplier<RestClient.Builder> restClientBuilder;

		private VoucherifyErrorHandler errorHandler = new DefaultVoucherifyErrorHandler();

		private final List<VoucherifyRestClientCustomizer> customizers = new ArrayList<>();

		private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

		private @Nullable VoucherifyObservationConvention observationConvention;

		private VoucherifyApiActivity activity = new VoucherifyApiActivity();

		private VoucherifyRetrySettings retrySettings = VoucherifyRetrySettings.defaults();

		private int maxConnections = DEFAULT_MAX_CONNECTIONS;

		private DataSize maxResponseSize = DEFAULT_MAX_RESPONSE_SIZE;

		private boolean allowPlainHttp;

		private final List<AutoCloseable> resources = new ArrayList<>();

		private Builder() {
		}

		/**
		 * The application id, sent as {@code X-App-Id}.
		 * @param appId the application id
		 * @return this builder
		 */
		public Builder appId(String appId) {
			this.appId = appId;
			return this;
		}

		/**
		 * The secret key, sent as {@code X-App-Token}.
		 * @param secretKey the secret key
		 * @return this builder
		 */
		public Builder secretKey(String secretKey) {
			this.secretKey = secretKey;
			return this;
		}

		/**
		 * The API's base URL, e.g. {@link #US_BASE_URL}. Defaults to
		 * {@link #DEFAULT_BASE_URL}.
		 * @param baseUrl an absolute http(s) URL without query or fragment
		 * @return this builder
		 */
		public Builder baseUrl(String baseUrl) {
			this.baseUrl = baseUrl;
			return this;
		}

		/**
		 * The {@code X-Voucherify-API-Version} header. Defaults to
		 * {@link #DEFAULT_API_VERSION}.
		 * @param apiVersion the API version
		 * @return this builder
		 */
		public Builder apiVersion(String apiVersion) {
			this.apiVersion = apiVersion;
			return this;
		}

		/**
		 * The {@code X-Voucherify-Channel} header. Defaults to {@link #DEFAULT_CHANNEL}.
		 * @param channel the channel
		 * @return this builder
		 */
		public Builder channel(String channel) {
			this.channel = channel;
			return this;
		}

		/**
		 * Timeouts of the default transport. Ignored when a
		 * {@link #restClientBuilder(RestClient.Builder) RestClient builder} is given: its
		 * request factory then decides.
		 * @param connect the connect timeout
		 * @param read the read timeout of most operations
		 * @param bulkRead the read timeout of CSV import and transactions export
		 * @return this builder
		 */
		public Builder timeouts(Duration connect, Duration read, Duration bulkRead) {
			this.connectTimeout = requirePositive(connect, "connect");
			this.readTimeout = requirePositive(read, "read");
			this.bulkReadTimeout = requirePositive(bulkRead, "bulkRead");
			return this;
		}

		/**
		 * The builder to start from, with its request factory (for example a
		 * {@link VoucherifyClientHttpRequestFactory}), message converters and Spring
		 * customizations already applied. Without one, a plain
		 * {@code RestClient.builder()} on the default transport is used: Apache
		 * HttpClient 5 when it is on the class path (a pool of
		 * {@link #maxConnections(int)}, no automatic retries: the template's own retries
		 * decide), else the JDK {@code HttpClient}, either with this builder's timeouts
		 * and built on the first call.
		 * @param restClientBuilder the builder; {@link #build()} configures a copy of it,
		 * so that this one is left as it is and later changes to it do not reach the
		 * client
		 * @return this builder
		 */
		public Builder restClientBuilder(RestClient.Builder restClientBuilder) {
			this.restClientBuilder = (restClientBuilder != null) ? () -> independentCopy(restClientBuilder) : null;
			return this;
		}

		/**
		 * Like {@link #restClientBuilder(RestClient.Builder)}, for a builder made for
		 * this template alone: {@link #build()} calls the supplier once and configures
		 * the builder it returns without copying it. Copying a builder initialises
		 * Spring's {@code HttpHeaders} during start-up (BENCHMARKS.md); the
		 * auto-configuration hands its builder over this way.
		 * @param restClientBuilder supplies a new builder that nothing else keeps or
		 * changes, such as {@code () -> RestClient.builder().requestFactory(factory)}
		 * @return this builder
		 */
		public Builder restClientBuilder(Supplier<RestClient.Builder> restClientBuilder) {
			this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder");
			return this;
		}

		/**
		 * The handler that turns failed responses into exceptions. Defaults to
		 * {@link DefaultVoucherifyErrorHandler}.
		 * @param errorHandler the error handler
		 * @return this builder
		 */
		public Builder errorHandler(VoucherifyErrorHandler errorHandler) {
			this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
			return this;
		}

		/**
		 * The registry that records one {@code voucherify.client.requests} observation
		 * per call. Defaults to {@link ObservationRegistry#NOOP}.
		 * @param observationRegistry the registry
		 * @return this builder
		 */
		public Builder observationRegistry(ObservationRegistry observationRegistry) {
			this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
			return this;
		}

		/**
		 * A convention that renames or extends the observations. Defaults to
		 * {@link DefaultVoucherifyObservationConvention}.
		 * @param observationConvention the convention, or {@code null} for the default
		 * @return this builder
		 */
		public Builder observationConvention(@Nullable VoucherifyObservationConvention observationConvention) {
			this.observationConvention = observationConvention;
			return this;
		}

		/**
		 * Where the template records what it sees of Voucherify (last status, rate-limit
		 * headers). Defaults to a new {@link VoucherifyApiActivity}.
		 * @param activity the activity record
		 * @return this builder
		 */
		public Builder activity(VoucherifyApiActivity activity) {
			this.activity = Objects.requireNonNull(activity, "activity");
			return this;
		}

		/**
		 * How failed calls are retried. Defaults to
		 * {@link VoucherifyRetrySettings#defaults()};
		 * {@link VoucherifyRetrySettings#disabled()} turns retries off.
		 * @param retrySettings the retry settings
		 * @return this builder
		 */
		public Builder retry(VoucherifyRetrySettings retrySettings) {
			this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings");
			return this;
		}

		/**
		 * The size of the default Apache HttpClient 5 transport's connection pool, per
		 * route and in all. Defaults to {@link #DEFAULT_MAX_CONNECTIONS}. Ignored when a
		 * {@link #restClientBuilder(RestClient.Builder) RestClient builder} is given.
		 * @param maxConnections the pool size, at least 1
		 * @return this builder
		 */
		public Builder maxConnections(int maxConnections) {
			if (maxConnections < 1) {
				throw new IllegalArgumentException("maxConnections must be at least 1, was " + maxConnections);
			}
			this.maxConnections = maxConnections;
			return this;
		}

		/**
		 * The largest response read into memory, counted after decompression. A larger
		 * one fails with a {@link VoucherifyInvalidResponseException} and its connection
		 * is closed. The CSV upload and transaction streams are not limited by it, only
		 * each page. Defaults to {@link #DEFAULT_MAX_RESPONSE_SIZE}.
		 * @param maxResponseSize the limit, at least 1 KB
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder maxResponseSize(DataSize maxResponseSize) {
			if (maxResponseSize == null || maxResponseSize.toBytes() < 1024) {
				throw new IllegalArgumentException("maxResponseSize must be at least 1KB, was " + maxResponseSize);
			}
			this.maxResponseSize = maxResponseSize;
			return this;
		}

		/**
		 * Allow a plain-http base URL to a host other than this machine, such as a proxy
		 * inside your network. The secret key then travels unencrypted to it; a warning
		 * is logged. Off by default: {@link #build()} refuses such a URL.
		 * @param allowPlainHttp whether to allow it
		 * @return this builder
		 * @since 0.1.0
		 */
		public Builder allowPlainHttp(boolean allowPlainHttp) {
			this.allowPlainHttp = allowPlainHttp;
			return this;
		}

		/**
		 * A resource, such as the request factory of the given
		 * {@link #restClientBuilder(RestClient.Builder) RestClient builder}, that the
		 * template closes on {@link VouchersTemplate#close()}.
		 * @param resource the resource
		 * @return this builder
		 */
		public Builder releaseOnClose(AutoCloseable resource) {
			this.resources.add(Objects.requireNonNull(resource, "resource"));
			return this;
		}

		/**
		 * Add a customizer, applied by {@link #build()} after the template's own
		 * settings. A header it sets replaces the template's header of that name.
		 * @param customizer the customizer
		 * @return this builder
		 */
		public Builder customizer(VoucherifyRestClientCustomizer customizer) {
			this.customizers.add(Objects.requireNonNull(customizer, "customizer"));
			return this;
		}

		/**
		 * Build the template.
		 * @return the template
		 * @throws IllegalArgumentException if a setting is missing or invalid
		 */
		public VouchersTemplate build() {
			String appId = requireHeaderValue(this.appId, "appId");
			String secretKey = requireHeaderValue(this.secretKey, "secretKey");
			String apiVersion = requireHeaderValue(this.apiVersion, "apiVersion");
			String channel = requireHeaderValue(this.channel, "channel");
			String baseUrl = validateBaseUrl(this.baseUrl, this.allowPlainHttp);
			if (isPlainHttpToAnotherHost(baseUrl)) {
				LogFactory.getLog(VouchersTemplate.class)
					.warn("Voucherify calls go over plain http to " + URI.create(baseUrl).getHost()
							+ ": the secret key travels unencrypted (plain http explicitly allowed)");
			}
			List<AutoCloseable> resources = new ArrayList<>(this.resources);
			RestClient.Builder builder = restClientBuilder(resources);
			// The client's JSON converter also in the JSON slot, so that the defaults do
			// not build a JsonMapper of their own only to have it removed.
			builder.configureMessageConverters((converters) -> converters.withJsonConverter(VoucherifyJson.CONVERTER)
				.registerDefaults()
				.configureMessageConvertersList(VoucherifyJson::useOwnJsonConverter));
			// Spring's own convention would put the expanded URL, code included, in
			// http.url.
			builder.observationConvention(new CodeFreeClientRequestObservationConvention());
			// Customizers run now, so that one that fails stops the application's start.
			for (VoucherifyRestClientCustomizer customizer : this.customizers) {
				customizer.customize(builder);
			}
			VoucherifyErrorHandler errorHandler = this.errorHandler;
			ObservationRegistry observationRegistry = this.observationRegistry;
			VoucherifyObservationConvention observationConvention = this.observationConvention;
			VoucherifyApiActivity activity = this.activity;
			VoucherifyRetrySettings retrySettings = this.retrySettings;
			Duration bulkReadTimeout = this.bulkReadTimeout;
			long maxResponseBytes = this.maxResponseSize.toBytes();
			return new VouchersTemplate(
					() -> new VoucherifyCalls(restClient(builder, appId, secretKey, channel, apiVersion), baseUrl,
							errorHandler, observationRegistry, observationConvention, activity, retrySettings,
							bulkReadTimeout, maxResponseBytes),
					activity, List.copyOf(resources));
		}

		/**
		 * Build the client, on the first call. The template's headers join the builder's
		 * then, where a customizer has not set them: setting them at start-up would
		 * initialise the JVM's first HttpHeaders.
		 */
		private static RestClient restClient(RestClient.Builder builder, String appId, String secretKey, String channel,
				String apiVersion) {
			return builder.defaultHeaders((headers) -> {
				setIfAbsent(headers, "X-App-Id", appId);
				setIfAbsent(headers, "X-App-Token", secretKey);
				setIfAbsent(headers, "X-Voucherify-Channel", channel);
				setIfAbsent(headers, "X-Voucherify-API-Version", apiVersion);
				setIfAbsent(headers, HttpHeaders.USER_AGENT, USER_AGENT);
				// A string: MediaType would load its parser and cache.
				setIfAbsent(headers, HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
			}).build();
		}

		private static void setIfAbsent(HttpHeaders headers, String name, String value) {
			if (!headers.containsHeader(name)) {
				headers.set(name, value);
			}
		}

		/**
		 * The builder the template configures: a copy of the one handed in, so that
		 * neither changes the other, or a new one on the default transport.
		 */
		private RestClient.Builder restClientBuilder(List<AutoCloseable> resources) {
			if (this.restClientBuilder != null) {
				return Objects.requireNonNull(this.restClientBuilder.get(), "supplied RestClient.Builder");
			}
			VoucherifyClientHttpRequestFactory transport = VoucherifyHttpClients.defaultTransport(this.connectTimeout,
					this.readTimeout, this.bulkReadTimeout, this.maxConnections);
			resources.add(transport);
			return RestClient.builder().requestFactory(transport);
		}

		/** {@code clone()} shares the default header and cookie value lists. */
		private static RestClient.Builder independentCopy(RestClient.Builder builder) {
			RestClient.Builder copy = builder.clone();
			copy.defaultHeaders((headers) -> {
				for (String name : List.copyOf(headers.headerNames())) {
					headers.put(name, new ArrayList<>(headers.getOrEmpty(name)));
				}
			});
			copy.defaultCookies((cookies) -> cookies.replaceAll((name, values) -> new ArrayList<>(values)));
			return copy;
		}

		private static String requireSetting(@Nullable String value, String name) {
			if (value == null || value.isBlank()) {
				throw new IllegalArgumentException(name + " must be set");
			}
			return value;
		}

		/**
		 * A header value: set, and free of control characters (a CR or LF could split the
		 * request; a trailing newline from a file would be sent as part of the key). The
		 * value is never in the message.
		 */
		private static String requireHeaderValue(@Nullable String value, String name) {
			String text = requireSetting(value, name);
			if (hasControlCharacter(text)) {
				throw new IllegalArgumentException(
						name + " must not contain control characters (CR, LF, NUL, tab, ...); check for a trailing"
								+ " newline");
			}
			return text;
		}

		/**
		 * Whether a value holds a control character, which no Voucherify header value may
		 * hold.
		 * @param value the value
		 * @return {@code true} if it holds one
		 */
		public static boolean hasControlCharacter(String value) {
			for (int i = 0; i < value.length(); i++) {
				if (Character.isISOControl(value.charAt(i))) {
					return true;
				}
			}
			return false;
		}

		private static Duration requirePositive(Duration value, String name) {
			if (value == null || value.isZero() || value.isNegative()) {
				throw new IllegalArgumentException(name + " timeout must be positive");
			}
			return value;
		}

		/**
		 * Check a base URL: https, or plain http to this machine (loopback), unless plain
		 * http is allowed.
		 * @param baseUrl the URL
		 * @param allowPlainHttp whether plain http to another host is allowed
		 * @return the URL without a trailing slash
		 * @throws IllegalArgumentException if it is not an absolute http(s) URL with a
		 * host and without query or fragment, or is plain http to another host while not
		 * allowed
		 * @since 0.1.0
		 */
		public static String validateBaseUrl(@Nullable String baseUrl, boolean allowPlainHttp) {
			String value = validateBaseUrl(baseUrl);
			if (!allowPlainHttp && isPlainHttpToAnotherHost(value)) {
				throw new IllegalArgumentException(
						"baseUrl must use https: plain http to " + URI.create(value).getHost()
								+ " would send the secret key unencrypted; only this machine (localhost, 127.0.0.1,"
								+ " [::1]) may be reached over plain http unless it is explicitly allowed");
			}
			return value;
		}

		private static boolean isPlainHttpToAnotherHost(String baseUrl) {
			URI uri = URI.create(baseUrl);
			return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
		}

		/**
		 * Whether a URL's host is this machine: {@code localhost} or a loopback address
		 * literal. Names are not resolved.
		 */
		static boolean isLoopback(@Nullable String host) {
			if (host == null) {
				return false;
			}
			String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
			if (name.equalsIgnoreCase("localhost")) {
				return true;
			}
			boolean literal = name.indexOf(':') >= 0 || name.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
			if (!literal) {
				return false;
			}
			try {
				return InetAddress.getByName(name).isLoopbackAddress();
			}
			catch (UnknownHostException ex) {
				return false;
			}
		}

		/**
		 * Check a base URL's form.
		 * @param baseUrl the URL
		 * @return the URL without a trailing slash
		 * @throws IllegalArgumentException if it is not an absolute http(s) URL with a
		 * host and without query or fragment
		 */
		public static String validateBaseUrl(@Nullable String baseUrl) {
			String value = requireSetting(baseUrl, "baseUrl").strip();
			try {
				URI uri = new URI(value);
				boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
				if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
					throw new IllegalArgumentException(
							"baseUrl must be an absolute http(s) URL with a host and no query or fragment, was '"
									+ value + "'");
				}
			}
			catch (URISyntaxException ex) {
				throw new IllegalArgumentException("baseUrl is not a valid URL: '" + value + "'", ex);
			}
			return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
		}

	}

}
