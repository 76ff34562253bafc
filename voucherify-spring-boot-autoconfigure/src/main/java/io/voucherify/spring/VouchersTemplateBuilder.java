package io.voucherify.spring;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import io.micrometer.observation.ObservationRegistry;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.observation.VoucherifyObservationConvention;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.util.unit.DataSize;
import org.springframework.web.client.RestClient;

/**
 * Builds a {@link VouchersTemplate}. {@code appId} and {@code secretKey} are required;
 * {@link #build()} checks every setting and throws an
 * {@link InvalidVoucherifySettingException} naming the one that is missing or invalid.
 *
 * @since 0.1.0
 */
public final class VouchersTemplateBuilder {

	private @Nullable String appId;

	private @Nullable String secretKey;

	private String baseUrl = VouchersTemplate.DEFAULT_BASE_URL;

	private boolean allowPlainHttp;

	private String apiVersion = VouchersTemplate.DEFAULT_API_VERSION;

	private String channel = VouchersTemplate.DEFAULT_CHANNEL;

	private Duration connectTimeout = VouchersTemplate.DEFAULT_CONNECT_TIMEOUT;

	private Duration readTimeout = VouchersTemplate.DEFAULT_READ_TIMEOUT;

	private Duration bulkReadTimeout = VouchersTemplate.DEFAULT_BULK_READ_TIMEOUT;

	private int maxConnections = VouchersTemplate.DEFAULT_MAX_CONNECTIONS;

	private DataSize maxResponseSize = VouchersTemplate.DEFAULT_MAX_RESPONSE_SIZE;

	private RestClient.@Nullable Builder restClientBuilder;

	private final List<AutoCloseable> resources = new ArrayList<>();

	private final List<VoucherifyRestClientCustomizer> customizers = new ArrayList<>();

	private VoucherifyErrorHandler errorHandler = new DefaultVoucherifyErrorHandler();

	private ObservationRegistry observationRegistry = ObservationRegistry.NOOP;

	private @Nullable VoucherifyObservationConvention observationConvention;

	private VoucherifyApiActivity activity = new VoucherifyApiActivity();

	private VoucherifyCallBudget callBudget = VoucherifyCallBudget.UNLIMITED;

	private VoucherifyRetrySettings retrySettings = VoucherifyRetrySettings.defaults();

	private VoucherifyJobSettings jobSettings = VoucherifyJobSettings.defaults();

	VouchersTemplateBuilder() {
	}

	/**
	 * The application id, sent as {@code X-App-Id}.
	 * @param appId the application id
	 * @return this builder
	 */
	public VouchersTemplateBuilder appId(String appId) {
		this.appId = appId;
		return this;
	}

	/**
	 * The secret key, sent as {@code X-App-Token}.
	 * @param secretKey the secret key
	 * @return this builder
	 */
	public VouchersTemplateBuilder secretKey(String secretKey) {
		this.secretKey = secretKey;
		return this;
	}

	/**
	 * The API's base URL, e.g. {@link VouchersTemplate#US_BASE_URL}: https, or plain http
	 * to this machine (an emulator). Defaults to
	 * {@link VouchersTemplate#DEFAULT_BASE_URL}.
	 * @param baseUrl an absolute URL without query or fragment
	 * @return this builder
	 */
	public VouchersTemplateBuilder baseUrl(String baseUrl) {
		this.baseUrl = baseUrl;
		return this;
	}

	/**
	 * Allow a plain-http base URL to a host other than this machine, such as a proxy
	 * inside your network. The secret key then travels unencrypted to it; a warning is
	 * logged. Off by default.
	 * @param allowPlainHttp whether to allow it
	 * @return this builder
	 */
	public VouchersTemplateBuilder allowPlainHttp(boolean allowPlainHttp) {
		this.allowPlainHttp = allowPlainHttp;
		return this;
	}

	/**
	 * The {@code X-Voucherify-API-Version} header. Defaults to
	 * {@link VouchersTemplate#DEFAULT_API_VERSION}.
	 * @param apiVersion the API version
	 * @return this builder
	 */
	public VouchersTemplateBuilder apiVersion(String apiVersion) {
		this.apiVersion = apiVersion;
		return this;
	}

	/**
	 * The {@code X-Voucherify-Channel} header. Defaults to
	 * {@link VouchersTemplate#DEFAULT_CHANNEL}.
	 * @param channel the channel
	 * @return this builder
	 */
	public VouchersTemplateBuilder channel(String channel) {
		this.channel = channel;
		return this;
	}

	/**
	 * The timeouts. The read timeouts bound each attempt, reading the answer included, on
	 * any transport; the connect timeout applies to the default transport (a
	 * {@linkplain #restClientBuilder(RestClient.Builder) RestClient builder} you give
	 * connects as its request factory says).
	 * @param connect the connect timeout
	 * @param read the read timeout of most operations
	 * @param bulkRead the read timeout of CSV import and transactions export
	 * @return this builder
	 */
	public VouchersTemplateBuilder timeouts(Duration connect, Duration read, Duration bulkRead) {
		this.connectTimeout = connect;
		this.readTimeout = read;
		this.bulkReadTimeout = bulkRead;
		return this;
	}

	/**
	 * The size of the default transport's connection pool, per route and in all. Defaults
	 * to {@link VouchersTemplate#DEFAULT_MAX_CONNECTIONS}.
	 * @param maxConnections the pool size, at least 1
	 * @return this builder
	 */
	public VouchersTemplateBuilder maxConnections(int maxConnections) {
		this.maxConnections = maxConnections;
		return this;
	}

	/**
	 * The largest response read into memory, counted after decompression; a larger one
	 * fails with a {@link VoucherifyInvalidResponseException} and its connection is
	 * closed. The CSV upload and transaction streams are not limited by it, only each
	 * page. Defaults to {@link VouchersTemplate#DEFAULT_MAX_RESPONSE_SIZE}.
	 * @param maxResponseSize the limit, at least 1 KB
	 * @return this builder
	 */
	public VouchersTemplateBuilder maxResponseSize(DataSize maxResponseSize) {
		this.maxResponseSize = maxResponseSize;
		return this;
	}

	/**
	 * The builder to start from, with its request factory. Without one the template
	 * builds its own transport on the first call: Apache HttpClient 5 when it is on the
	 * class path, else the JDK {@code HttpClient}, configured by
	 * {@link VoucherifyHttpClients}.
	 * @param restClientBuilder the builder; {@link #build()} configures a copy of it, so
	 * that neither changes the other
	 * @return this builder
	 */
	public VouchersTemplateBuilder restClientBuilder(RestClient.Builder restClientBuilder) {
		this.restClientBuilder = Objects.requireNonNull(restClientBuilder, "restClientBuilder");
		return this;
	}

	/**
	 * A resource, such as the request factory of the given
	 * {@linkplain #restClientBuilder(RestClient.Builder) RestClient builder}, that the
	 * template closes on {@link VouchersTemplate#close()}. Every template this builder
	 * builds shares it and closes it: build one template from a builder that holds one
	 * (the auto-configured prototype builder is a new one, with its own HTTP client, for
	 * each injection point).
	 * @param resource the resource
	 * @return this builder
	 */
	public VouchersTemplateBuilder releaseOnClose(AutoCloseable resource) {
		this.resources.add(Objects.requireNonNull(resource, "resource"));
		return this;
	}

	/**
	 * Add a customizer of the template's {@code RestClient}, applied in order by
	 * {@link #build()}, after the template's own settings: a default header it sets
	 * replaces the template's header of that name.
	 * @param customizer the customizer
	 * @return this builder
	 */
	public VouchersTemplateBuilder customizer(VoucherifyRestClientCustomizer customizer) {
		this.customizers.add(Objects.requireNonNull(customizer, "customizer"));
		return this;
	}

	/**
	 * The handler that turns failed responses into exceptions. Defaults to
	 * {@link DefaultVoucherifyErrorHandler}.
	 * @param errorHandler the error handler
	 * @return this builder
	 */
	public VouchersTemplateBuilder errorHandler(VoucherifyErrorHandler errorHandler) {
		this.errorHandler = Objects.requireNonNull(errorHandler, "errorHandler");
		return this;
	}

	/**
	 * The registry that records one {@code voucherify.client.requests} observation per
	 * call. Defaults to {@link ObservationRegistry#NOOP}.
	 * @param observationRegistry the registry
	 * @return this builder
	 */
	public VouchersTemplateBuilder observationRegistry(ObservationRegistry observationRegistry) {
		this.observationRegistry = Objects.requireNonNull(observationRegistry, "observationRegistry");
		return this;
	}

	/**
	 * A convention that renames or extends the observations.
	 * @param observationConvention the convention, or {@code null} for
	 * {@link io.voucherify.spring.observation.DefaultVoucherifyObservationConvention}
	 * @return this builder
	 */
	public VouchersTemplateBuilder observationConvention(
			@Nullable VoucherifyObservationConvention observationConvention) {
		this.observationConvention = observationConvention;
		return this;
	}

	/**
	 * Where the template records what it sees of Voucherify (last status, rate-limit
	 * headers). Defaults to a new {@link VoucherifyApiActivity}.
	 * @param activity the activity record
	 * @return this builder
	 */
	public VouchersTemplateBuilder activity(VoucherifyApiActivity activity) {
		this.activity = Objects.requireNonNull(activity, "activity");
		return this;
	}

	/**
	 * The budget each HTTP attempt, retries included, takes a permit from before it is
	 * sent, such as a {@code io.voucherify.spring.ratelimit.BucketCallBudget} shared by a
	 * fleet. Defaults to {@link VoucherifyCallBudget#UNLIMITED}.
	 * @param callBudget the budget
	 * @return this builder
	 * @since 0.1.0
	 */
	public VouchersTemplateBuilder callBudget(VoucherifyCallBudget callBudget) {
		this.callBudget = Objects.requireNonNull(callBudget, "callBudget");
		return this;
	}

	/**
	 * How failed calls are retried, and the longest a call may take. Defaults to
	 * {@link VoucherifyRetrySettings#defaults()}.
	 * @param retrySettings the retry settings
	 * @return this builder
	 */
	public VouchersTemplateBuilder retry(VoucherifyRetrySettings retrySettings) {
		this.retrySettings = Objects.requireNonNull(retrySettings, "retrySettings");
		return this;
	}

	/**
	 * How {@code awaitAsyncAction} and {@code awaitExport} poll; by default a first poll
	 * after 1 s, then waits of 2 s doubling up to 30 s.
	 * @param jobSettings the polling settings
	 * @return this builder
	 * @since 0.1.0
	 */
	public VouchersTemplateBuilder jobs(VoucherifyJobSettings jobSettings) {
		this.jobSettings = Objects.requireNonNull(jobSettings, "jobSettings");
		return this;
	}

	/**
	 * Build the template and its {@code RestClient}; the HTTP client of the default
	 * transport is built on the first call. The template's headers are set first, where
	 * the given RestClient builder has none of that name, then the customizers run.
	 * @return the template
	 * @throws InvalidVoucherifySettingException if a setting is missing or invalid
	 */
	public VouchersTemplate build() {
		VoucherifyCalls.Limits limits = new VoucherifyCalls.Limits(
				SettingChecks.requirePositive(this.readTimeout, "readTimeout"),
				SettingChecks.requirePositive(this.bulkReadTimeout, "bulkReadTimeout"),
				SettingChecks.requireAtLeastOneKilobyte(this.maxResponseSize, "maxResponseSize"));
		String baseUrl = SettingChecks.baseUrl(this.baseUrl, this.allowPlainHttp);
		Duration connectTimeout = SettingChecks.requirePositive(this.connectTimeout, "connectTimeout");
		int maxConnections = SettingChecks.requireAtLeastOne(this.maxConnections, "maxConnections");
		HttpHeaders headers = new HttpHeaders();
		headers.set("X-App-Id", SettingChecks.requireHeaderValue(this.appId, "appId"));
		headers.set("X-App-Token", SettingChecks.requireHeaderValue(this.secretKey, "secretKey"));
		headers.set("X-Voucherify-Channel", SettingChecks.requireHeaderValue(this.channel, "channel"));
		headers.set("X-Voucherify-API-Version", SettingChecks.requireHeaderValue(this.apiVersion, "apiVersion"));
		headers.set(HttpHeaders.USER_AGENT, VouchersTemplate.USER_AGENT);
		headers.set(HttpHeaders.ACCEPT, MediaType.APPLICATION_JSON_VALUE);
		List<AutoCloseable> resources = new ArrayList<>(this.resources);
		RestClient.Builder restClient = restClientBuilder(connectTimeout, limits, maxConnections, resources);
		restClient.configureMessageConverters(VoucherifyJson::configure)
			// Spring's own convention would put the expanded URL, code included, in
			// http.url.
			.observationConvention(new CodeFreeClientRequestObservationConvention())
			.defaultHeaders((existing) -> headers.forEach(existing::putIfAbsent));
		this.customizers.forEach((customizer) -> customizer.customize(restClient));
		if (SettingChecks.isPlainHttpToAnotherHost(baseUrl)) {
			LogFactory.getLog(VouchersTemplate.class)
				.warn("Voucherify calls go over plain http to " + URI.create(baseUrl).getHost()
						+ ": the secret key travels unencrypted (plain http explicitly allowed)");
		}
		VoucherifyCalls calls = new VoucherifyCalls(restClient.build(), baseUrl, this.errorHandler,
				this.observationRegistry, this.observationConvention, this.activity, this.callBudget,
				this.retrySettings, limits);
		return new VouchersTemplate(calls, this.jobSettings, List.copyOf(resources));
	}

	/**
	 * A copy of the given builder, or one on the default transport, which the template
	 * then owns.
	 */
	private RestClient.Builder restClientBuilder(Duration connectTimeout, VoucherifyCalls.Limits limits,
			int maxConnections, List<AutoCloseable> resources) {
		if (this.restClientBuilder != null) {
			return VoucherifyHttpClients.independentCopy(this.restClientBuilder);
		}
		VoucherifyClientHttpRequestFactory transport = VoucherifyHttpClients.defaultTransport(connectTimeout,
				limits.bulkReadTimeout(), maxConnections);
		resources.add(transport);
		return RestClient.builder().requestFactory(transport);
	}

}
