package io.voucherify.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;

/**
 * A local, in-memory Voucherify: a real HTTP server on {@code 127.0.0.1} that answers the
 * nine operations of the Vouchers API, and Get Async Action and Get Export that follow
 * their background jobs, with Voucherify's semantics, as its OpenAPI specs describe them;
 * and a second server, its {@linkplain #downloadBaseUrl() download host}, that serves the
 * exported files. Thread-safe; start one per test class or application context and
 * {@linkplain #close() close} it when done. <pre class="code">
 * try (VoucherifyEmulator emulator = VoucherifyEmulator.start()) {
 *     emulator.createGiftCard("GIFT-1", 5000);
 *     VouchersOperations vouchers = VouchersTemplate.builder()
 *         .baseUrl(emulator.baseUrl())
 *         .appId(emulator.appId())
 *         .secretKey(emulator.secretKey())
 *         .build();
 *     vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1500));
 *     assertThat(emulator.voucher("GIFT-1")).get().extracting(EmulatedVoucher::giftBalance).isEqualTo(3500L);
 * }
 * </pre>
 * <p>
 * Requests must carry the emulator's {@code X-App-Id} and {@code X-App-Token}; codes in
 * paths are matched exactly as sent (case kept) after strict percent-decoding; a code may
 * also be a voucher's id ({@code v_...}). A CSV import and an export are background jobs
 * that take the {@linkplain VoucherifyEmulatorBuilder#jobDuration(Duration) job
 * duration}, none by default. A
 * {@linkplain VoucherifyEmulatorBuilder#rateLimit(int, Duration) project rate limit} can
 * be enforced across all clients, none by default; {@link #rateLimitStats()} tells what
 * it counted. See the module's README for what is not emulated.
 *
 * @since 0.1.0
 */
public final class VoucherifyEmulator implements AutoCloseable {

	/** The application id accepted by default. */
	public static final String DEFAULT_APP_ID = "emulator-app-id";

	/** The secret key accepted by default. */
	public static final String DEFAULT_SECRET_KEY = "emulator-secret-key";

	private static final Log logger = LogFactory.getLog(VoucherifyEmulator.class);

	private static final AtomicInteger INSTANCES = new AtomicInteger();

	static {
		// Small answers written as headers then body otherwise wait for a delayed ACK
		// (Nagle), adding ~40 ms per call. Read once, when the JDK server first loads.
		if (System.getProperty("sun.net.httpserver.nodelay") == null) {
			System.setProperty("sun.net.httpserver.nodelay", "true");
		}
	}

	private final String appId;

	private final String secretKey;

	private final List<Resource> seeds;

	private final HttpServer server;

	private final HttpServer downloadServer;

	private final ExecutorService executor;

	private final EmulatorState state;

	private final ProjectRateLimit rateLimit;

	private final String baseUrl;

	private final String downloadBaseUrl;

	private final VoucherifyConnectionDetails connectionDetails;

	private volatile boolean running;

	VoucherifyEmulator(String appId, String secretKey, int port, List<Resource> seeds, Duration jobDuration,
			Clock clock, ProjectRateLimit rateLimit) {
		this.appId = appId;
		this.secretKey = secretKey;
		this.seeds = List.copyOf(seeds);
		this.server = bind(port);
		try {
			this.downloadServer = bind(0);
		}
		catch (UncheckedIOException ex) {
			this.server.stop(0);
			throw ex;
		}
		this.baseUrl = "http://127.0.0.1:" + this.server.getAddress().getPort();
		this.downloadBaseUrl = "http://127.0.0.1:" + this.downloadServer.getAddress().getPort();
		this.state = new EmulatorState(this.baseUrl, this.downloadBaseUrl, jobDuration, clock);
		this.rateLimit = rateLimit;
		this.connectionDetails = new EmulatorConnectionDetails(this.baseUrl, this.appId, this.secretKey);
		try {
			loadSeeds();
		}
		catch (RuntimeException ex) {
			this.server.stop(0);
			this.downloadServer.stop(0);
			throw ex;
		}
		EmulatorHttpHandler handler = new EmulatorHttpHandler(this.state, this.rateLimit, this.appId, this.secretKey);
		this.server.createContext("/", handler.handler(EmulatorHttpHandler.Host.API));
		this.downloadServer.createContext("/", handler.handler(EmulatorHttpHandler.Host.DOWNLOAD));
		// One pool serves both hosts: downloads are rare next to API calls.
		this.executor = Executors.newFixedThreadPool(8, new EmulatorThreads(INSTANCES.incrementAndGet()));
		this.server.setExecutor(this.executor);
		this.downloadServer.setExecutor(this.executor);
		this.server.start();
		this.downloadServer.start();
		this.running = true;
		logger.debug("Voucherify emulator started at " + this.baseUrl + ", downloads at " + this.downloadBaseUrl);
	}

	private static HttpServer bind(int port) {
		try {
			return HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot start the Voucherify emulator on 127.0.0.1:" + port, ex);
		}
	}

	/**
	 * Start an emulator on {@code 127.0.0.1} and a free port, accepting the default
	 * credentials ({@value #DEFAULT_APP_ID}, {@value #DEFAULT_SECRET_KEY}).
	 * @return the running emulator
	 */
	public static VoucherifyEmulator start() {
		return builder().build();
	}

	/**
	 * Start configuring an emulator.
	 * @return a new builder
	 */
	public static VoucherifyEmulatorBuilder builder() {
		return new VoucherifyEmulatorBuilder();
	}

	/**
	 * The base URL to give the client, e.g. {@code http://127.0.0.1:54321}.
	 * @return the base URL
	 */
	public String baseUrl() {
		return this.baseUrl;
	}

	/**
	 * The base URL of the emulator's download host, e.g. {@code http://127.0.0.1:54322}:
	 * a second server on another port, started and stopped with the emulator, that plays
	 * Voucherify's {@code download.voucherify.io}. It serves only {@code GET
	 * /v1/exports/{id}?token=...}, the CSV file of a finished export; the
	 * {@code result.url} of such an export points here.
	 * @return the download host's base URL
	 */
	public String downloadBaseUrl() {
		return this.downloadBaseUrl;
	}

	/**
	 * The application id the emulator accepts as {@code X-App-Id}.
	 * @return the application id
	 */
	public String appId() {
		return this.appId;
	}

	/**
	 * The secret key the emulator accepts as {@code X-App-Token}.
	 * @return the secret key
	 */
	public String secretKey() {
		return this.secretKey;
	}

	/**
	 * The port the emulator listens on.
	 * @return the port
	 */
	public int port() {
		return this.server.getAddress().getPort();
	}

	/**
	 * Whether the emulator still answers requests.
	 * @return {@code false} once closed
	 */
	public boolean isRunning() {
		return this.running;
	}

	/**
	 * Connection details pointing the Voucherify client at this emulator: declare them as
	 * a bean and the auto-configured {@code VouchersOperations} uses them instead of the
	 * {@code voucherify.*} properties.
	 * @return the connection details
	 */
	public VoucherifyConnectionDetails connectionDetails() {
		return this.connectionDetails;
	}

	/**
	 * Create a gift card whose amount and balance are {@code balance}.
	 * @param code the code
	 * @param balance the balance in minor units (cents), not negative
	 * @return the new voucher
	 * @throws IllegalStateException if the code is taken (by a live voucher or one in the
	 * bin)
	 */
	public EmulatedVoucher createGiftCard(String code, long balance) {
		return this.state.add(VoucherDraft.giftCard(requireCode(code), requireNotNegative(balance, "balance")));
	}

	/**
	 * Create a loyalty card holding {@code points} points.
	 * @param code the code
	 * @param points the points, not negative
	 * @return the new voucher
	 * @throws IllegalStateException if the code is taken
	 */
	public EmulatedVoucher createLoyaltyCard(String code, long points) {
		return this.state.add(VoucherDraft.loyaltyCard(requireCode(code), requireNotNegative(points, "points")));
	}

	/**
	 * Create a discount voucher taking a fixed amount off ({@code AMOUNT} discount).
	 * @param code the code
	 * @param amountOff the amount off in minor units (cents), not negative
	 * @return the new voucher
	 * @throws IllegalStateException if the code is taken
	 */
	public EmulatedVoucher createDiscountVoucher(String code, long amountOff) {
		ObjectNode discount = JsonNodeFactory.instance.objectNode();
		discount.put("type", "AMOUNT");
		discount.put("amount_off", requireNotNegative(amountOff, "amountOff"));
		discount.put("effect", "APPLY_TO_ORDER");
		return this.state.add(VoucherDraft.discountVoucher(requireCode(code), discount));
	}

	/**
	 * Create a discount voucher taking a percentage off ({@code PERCENT} discount).
	 * @param code the code
	 * @param percentOff the percentage, 0 to 100
	 * @return the new voucher
	 * @throws IllegalStateException if the code is taken
	 */
	public EmulatedVoucher createPercentDiscountVoucher(String code, int percentOff) {
		if (percentOff < 0 || percentOff > 100) {
			throw new IllegalArgumentException("percentOff must be between 0 and 100, was " + percentOff);
		}
		ObjectNode discount = JsonNodeFactory.instance.objectNode();
		discount.put("type", "PERCENT");
		discount.put("percent_off", BigDecimal.valueOf(percentOff));
		discount.put("effect", "APPLY_TO_ORDER");
		return this.state.add(VoucherDraft.discountVoucher(requireCode(code), discount));
	}

	/**
	 * Seed a validation session on a voucher, so that releasing it answers 204 (once).
	 * @param code the voucher's code or id
	 * @param sessionKey the session key, e.g.
	 * {@code ssn_yQGMTeKBSw8OOuFPwlBEjzGy8d8VA9Ts}
	 * @throws IllegalArgumentException if there is no such voucher
	 */
	public void createSession(String code, String sessionKey) {
		requireCode(code);
		if (sessionKey == null || sessionKey.isEmpty()) {
			throw new IllegalArgumentException("sessionKey must not be empty");
		}
		this.state.addSession(code, sessionKey);
	}

	/**
	 * Load a seed file: a JSON array of vouchers shaped like the spec's {@code Voucher}
	 * ({@code code}, {@code type}, {@code gift{amount,balance}},
	 * {@code loyalty_card{points,balance}}, {@code discount{...}}, {@code active},
	 * {@code metadata}, {@code category}, {@code start_date}, ...), or an object
	 * {@code {"vouchers": [...], "sessions": [{"code": "...", "key": "..."}]}}, or a CSV
	 * file with Voucherify's import headers. A JSON file is loaded all or nothing.
	 * @param jsonOrCsv the file; {@code .json} or {@code .csv}, else sniffed from its
	 * first character
	 * @throws IllegalArgumentException if the file cannot be read or is invalid
	 * @throws IllegalStateException if a code is already taken
	 */
	public void load(Resource jsonOrCsv) {
		SeedFiles.load(this.state, Objects.requireNonNull(jsonOrCsv, "jsonOrCsv"));
	}

	/**
	 * A snapshot of a voucher, those in the bin included.
	 * @param code the code (exact, case kept) or the id
	 * @return the voucher, or empty if there is none (or it was deleted with force)
	 */
	public Optional<EmulatedVoucher> voucher(String code) {
		return this.state.voucher(code);
	}

	/**
	 * A snapshot of a voucher's transactions.
	 * @param code the code or the id
	 * @return the transactions, oldest first; empty if there is no such voucher
	 */
	public List<EmulatedTransaction> transactions(String code) {
		return this.state.transactions(code);
	}

	/**
	 * The asynchronous action ids of the CSV imports received through the API, oldest
	 * first.
	 * @return the ids
	 */
	public List<String> csvImports() {
		return this.state.csvImports();
	}

	/**
	 * What the project rate limit counted: the calls to the API host it accepted and
	 * those it rejected with {@code 429}, in total and (accepted) per window. Without a
	 * {@linkplain VoucherifyEmulatorBuilder#rateLimit(int, Duration) configured limit}
	 * the calls are still counted, in one-minute windows, and none is rejected. Calls to
	 * the download host are not counted.
	 * @return a snapshot
	 */
	public RateLimitStats rateLimitStats() {
		return this.rateLimit.stats();
	}

	/**
	 * Forget every voucher, transaction, session, import, async action and export, then
	 * load the builder's seed files again: back to the state right after start (with new
	 * ids). The rate limit forgets the calls it counted too: a full window's calls are
	 * available again, and the {@linkplain #rateLimitStats() statistics} start from zero.
	 */
	public void reset() {
		this.state.clear();
		this.rateLimit.reset();
		loadSeeds();
	}

	/**
	 * Stop the server and the download host. Idempotent.
	 */
	@Override
	public void close() {
		if (!this.running) {
			return;
		}
		this.running = false;
		this.server.stop(0);
		this.downloadServer.stop(0);
		this.executor.shutdownNow();
		try {
			this.executor.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		logger.debug("Voucherify emulator at " + this.baseUrl + " stopped");
	}

	@Override
	public String toString() {
		return "VoucherifyEmulator[" + this.baseUrl + (this.running ? "" : ", closed") + "]";
	}

	private void loadSeeds() {
		this.seeds.forEach(this::load);
	}

	private static String requireCode(String code) {
		if (code == null || code.isEmpty()) {
			throw new IllegalArgumentException("code must not be empty");
		}
		return code;
	}

	private static long requireNotNegative(long value, String name) {
		if (value < 0) {
			throw new IllegalArgumentException(name + " must not be negative, was " + value);
		}
		return value;
	}

}
