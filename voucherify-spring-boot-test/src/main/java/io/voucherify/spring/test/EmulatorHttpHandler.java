package io.voucherify.spring.test;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of the emulator, on its two hosts: authentication, routing, strict
 * decoding of path segments, request parsing and Voucherify's error envelope. The API
 * host serves the Vouchers operations, Get Async Action and Get Export; the download
 * host, like Voucherify's {@code download.voucherify.io}, serves only export files. Every
 * call to the API host goes through the {@link ProjectRateLimit} first: counted, or
 * rejected with 429 without running the operation. Every answer carries the rate-limit
 * headers; the download host's only show the limit, without counting.
 */
final class EmulatorHttpHandler {

	/** Voucherify's limit on an imported CSV file. */
	static final long MAX_CSV_BYTES = 10L * 1024 * 1024;

	private static final long MULTIPART_OVERHEAD_BYTES = 1024 * 1024;

	private static final long MAX_DRAIN_BYTES = 64L * 1024 * 1024;

	private static final Set<String> EXPORT_ORDERS = Set.of("-created_at", "created_at");

	private static final Set<String> EXPORT_FIELDS = Set.of("id", "type", "source_id", "reason", "balance", "amount",
			"created_at", "voucher_id", "campaign_id", "source", "details", "related_transaction_id");

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Log logger = LogFactory.getLog(VoucherifyEmulator.class);

	private final EmulatorState state;

	private final byte[] appId;

	private final byte[] secretKey;

	private final ProjectRateLimit rateLimit;

	EmulatorHttpHandler(EmulatorState state, ProjectRateLimit rateLimit, String appId, String secretKey) {
		this.state = state;
		this.rateLimit = rateLimit;
		this.appId = appId.getBytes(StandardCharsets.UTF_8);
		this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
	}

	/**
	 * The handler of one of the emulator's hosts.
	 * @param host the host
	 * @return its handler
	 */
	HttpHandler handler(Host host) {
		return (exchange) -> handle(exchange, host);
	}

	private void handle(HttpExchange exchange, Host host) throws IOException {
		ProjectRateLimit.Verdict verdict = (host == Host.API) ? this.rateLimit.call() : this.rateLimit.peek();
		Answer answer;
		try {
			if (!verdict.accepted()) {
				throw ApiError.tooManyRequests();
			}
			answer = (host == Host.API) ? dispatch(exchange) : dispatchDownload(exchange);
		}
		catch (ApiError ex) {
			answer = error(ex);
		}
		catch (Exception ex) {
			logger.warn("Voucherify emulator failed on " + exchange.getRequestMethod() + " "
					+ exchange.getRequestURI().getRawPath(), ex);
			answer = error(new ApiError(500, "internal_error", "Internal server error", ex.toString(), null, null));
		}
		try {
			drain(exchange.getRequestBody());
			verdict.writeTo(exchange.getResponseHeaders());
			send(exchange, answer);
		}
		finally {
			exchange.close();
		}
	}

	private Answer dispatch(HttpExchange exchange) throws IOException {
		if (!authenticated(exchange.getRequestHeaders())) {
			throw ApiError.unauthorized();
		}
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		String rawPath = exchange.getRequestURI().getRawPath();
		List<String> segments = EmulatorRequests.segments(rawPath);
		if (isResource(segments, "async-actions")) {
			requireMethod(method, "GET");
			return ok(this.state.getAsyncAction(segments.get(2)));
		}
		if (isResource(segments, "exports")) {
			// Get Export, token or not: only the download host serves the file.
			requireMethod(method, "GET");
			return ok(this.state.getExport(segments.get(2)));
		}
		if (segments.size() < 3 || !segments.get(0).equals("v1") || !segments.get(1).equals("vouchers")) {
			throw ApiError.routeNotFound(method, rawPath);
		}
		String code = segments.get(2);
		if (segments.size() == 3) {
			if (code.equals("importCSV") && method.equals("POST")) {
				return importCsv(exchange);
			}
			return switch (method) {
				case "GET" -> ok(this.state.getVoucher(code));
				case "DELETE" -> {
					this.state.delete(code, force(EmulatorRequests.query(exchange)));
					yield Answer.NO_CONTENT;
				}
				default -> throw ApiError.methodNotAllowed(method);
			};
		}
		String resource = segments.get(3);
		if (segments.size() == 4) {
			return switch (resource) {
				case "enable" -> {
					requireMethod(method, "POST");
					yield ok(this.state.setActive(code, true));
				}
				case "disable" -> {
					requireMethod(method, "POST");
					yield ok(this.state.setActive(code, false));
				}
				case "balance" -> {
					requireMethod(method, "POST");
					yield updateBalance(exchange, code);
				}
				case "transactions" -> {
					requireMethod(method, "GET");
					yield ok(this.state.listTransactions(code,
							ListTransactionsQuery.parse(EmulatorRequests.query(exchange))));
				}
				default -> throw ApiError.routeNotFound(method, rawPath);
			};
		}
		if (segments.size() == 5 && resource.equals("transactions") && segments.get(4).equals("export")) {
			requireMethod(method, "POST");
			return export(exchange, code);
		}
		if (segments.size() == 5 && resource.equals("sessions")) {
			requireMethod(method, "DELETE");
			this.state.releaseSession(code, segments.get(4));
			return Answer.NO_CONTENT;
		}
		throw ApiError.routeNotFound(method, rawPath);
	}

	/**
	 * The download host: {@code GET /v1/exports/{id}?token=...} and nothing else. The
	 * token authorizes the download. Voucherify's spec and guide also ask for the
	 * {@code X-App-Id} and {@code X-App-Token} headers, and clients send them (NOTES
	 * §12), but whether the token alone is enough is unverified: the headers are optional
	 * here, and checked when sent.
	 */
	private Answer dispatchDownload(HttpExchange exchange) {
		Headers headers = exchange.getRequestHeaders();
		boolean sendsCredentials = headers.getFirst("X-App-Id") != null || headers.getFirst("X-App-Token") != null;
		if (sendsCredentials && !authenticated(headers)) {
			throw ApiError.unauthorized();
		}
		String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
		String rawPath = exchange.getRequestURI().getRawPath();
		List<String> segments = EmulatorRequests.segments(rawPath);
		if (!isResource(segments, "exports")) {
			throw ApiError.routeNotFound(method, rawPath);
		}
		requireMethod(method, "GET");
		String token = EmulatorRequests.query(exchange).get("token");
		return new Answer(200, null, this.state.exportFile(segments.get(2), token));
	}

	/** Whether the path is {@code /v1/<collection>/<id>}. */
	private static boolean isResource(List<String> segments, String collection) {
		return segments.size() == 3 && segments.get(0).equals("v1") && segments.get(1).equals(collection);
	}

	private boolean authenticated(Headers headers) {
		String appId = headers.getFirst("X-App-Id");
		String token = headers.getFirst("X-App-Token");
		// Both compared in full, in constant time.
		boolean appIdMatches = appId != null
				&& MessageDigest.isEqual(appId.getBytes(StandardCharsets.UTF_8), this.appId);
		boolean tokenMatches = token != null
				&& MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), this.secretKey);
		return appIdMatches && tokenMatches;
	}

	private static void requireMethod(String method, String expected) {
		if (!method.equals(expected)) {
			throw ApiError.methodNotAllowed(method);
		}
	}

	// Operations that read the request

	private Answer updateBalance(HttpExchange exchange, String code) throws IOException {
		JsonNode body = EmulatorRequests.json(exchange);
		if (!body.isObject()) {
			throw ApiError.invalidBalanceParams("The body must be a JSON object with an 'amount'");
		}
		JsonNode amount = body.get("amount");
		if (amount == null || amount.isNull()) {
			throw ApiError.invalidBalanceParams("'amount' is required");
		}
		if (!amount.isIntegralNumber() || !amount.canConvertToLong()) {
			throw ApiError.invalidBalanceParams("'amount' must be an integer, was " + amount);
		}
		if (amount.asLong() == 0) {
			throw ApiError.invalidBalanceParams("'amount' must not be 0");
		}
		String sourceId = optionalText(body, "source_id", ApiError::invalidBalanceParams);
		String reason = optionalText(body, "reason", ApiError::invalidBalanceParams);
		String channel = exchange.getRequestHeaders().getFirst("X-Voucherify-Channel");
		String source = (channel != null && !channel.isBlank()) ? channel : "API";
		return ok(this.state.updateBalance(code, amount.asLong(), sourceId, reason, source));
	}

	private Answer export(HttpExchange exchange, String code) throws IOException {
		byte[] bytes = EmulatorRequests.body(exchange);
		String order = null;
		List<String> fields = null;
		if (!new String(bytes, StandardCharsets.UTF_8).isBlank()) {
			JsonNode body = EmulatorRequests.parse(bytes);
			if (!body.isObject()) {
				throw ApiError.invalidPayload("The body must be a JSON object");
			}
			JsonNode parameters = body.get("parameters");
			if (parameters != null && !parameters.isNull()) {
				if (!parameters.isObject()) {
					throw ApiError.invalidExportParams("'parameters' must be an object");
				}
				order = optionalText(parameters, "order", ApiError::invalidExportParams);
				if (order != null && !EXPORT_ORDERS.contains(order)) {
					throw ApiError.invalidExportParams("'parameters.order' must be one of " + EXPORT_ORDERS);
				}
				JsonNode fieldsJson = parameters.get("fields");
				if (fieldsJson != null && !fieldsJson.isNull()) {
					if (!fieldsJson.isArray()) {
						throw ApiError.invalidExportParams("'parameters.fields' must be an array");
					}
					fields = new ArrayList<>();
					for (JsonNode field : fieldsJson) {
						if (!field.isString() || !EXPORT_FIELDS.contains(field.asString())) {
							throw ApiError.invalidExportParams(
									"'parameters.fields' holds " + field + ", not one of " + EXPORT_FIELDS);
						}
						fields.add(field.asString());
					}
				}
			}
		}
		return ok(this.state.export(code, order, fields));
	}

	private Answer importCsv(HttpExchange exchange) throws IOException {
		String boundary = MultipartReader.boundary(exchange.getRequestHeaders().getFirst("Content-Type"));
		if (boundary == null) {
			throw missingFile();
		}
		InputStream body = new EmulatorRequests.LimitedInputStream(exchange.getRequestBody(),
				MAX_CSV_BYTES + MULTIPART_OVERHEAD_BYTES);
		CsvVouchers.Parsed rows = null;
		try {
			MultipartReader multipart = new MultipartReader(body, boundary);
			MultipartReader.Part part;
			while ((part = multipart.next()) != null) {
				if ("file".equals(part.name())) {
					if (rows != null) {
						throw ApiError.invalidPayload("Payload should have exactly one 'file'");
					}
					rows = CsvVouchers.read(new EmulatorRequests.LimitedInputStream(part.content(), MAX_CSV_BYTES));
				}
			}
		}
		catch (EmulatorRequests.LimitedInputStream.TooLargeException ex) {
			throw ApiError.payloadTooLarge("The CSV file is larger than Voucherify's limit of 10 MB");
		}
		catch (MultipartReader.MalformedMultipartException ex) {
			throw ApiError.invalidPayload("The multipart body is malformed: " + ex.getMessage());
		}
		if (rows == null) {
			throw missingFile();
		}
		String asyncActionId = this.state.importCsv(rows);
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		answer.put("async_action_id", asyncActionId);
		return new Answer(202, MAPPER.writeValueAsBytes(answer), null);
	}

	private static ApiError missingFile() {
		return ApiError.invalidPayload("Payload should have required property 'file'");
	}

	// Request parsing

	private static boolean force(Map<String, String> query) {
		String force = query.get("force");
		if (force == null || force.equals("false")) {
			return false;
		}
		if (force.equals("true")) {
			return true;
		}
		throw ApiError.invalidQueryParams("Query param 'force' must be true or false, was '" + force + "'");
	}

	private static @Nullable String optionalText(JsonNode json, String name, Function<String, ApiError> error) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw error.apply("'" + name + "' must be a string, was " + value);
		}
		return value.asString();
	}

	// Answers

	private static Answer ok(ObjectNode json) {
		return new Answer(200, MAPPER.writeValueAsBytes(json), null);
	}

	private static Answer error(ApiError error) {
		return new Answer(error.status(), MAPPER.writeValueAsBytes(error.json()), null);
	}

	private void send(HttpExchange exchange, Answer answer) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		EmulatorState.ExportFile file = answer.file();
		if (file != null) {
			// The spec answers text/plain, not text/csv; the live Content-Type and its
			// charset are unverified. Length 0: chunked, the file is written as made.
			headers.set("Content-Type", "text/plain; charset=utf-8");
			exchange.sendResponseHeaders(answer.status(), 0);
			try (Writer out = new BufferedWriter(
					new OutputStreamWriter(exchange.getResponseBody(), StandardCharsets.UTF_8))) {
				ExportCsv.write(file.fields(), file.transactions(), out);
			}
			return;
		}
		byte[] body = answer.body();
		if (body == null) {
			exchange.sendResponseHeaders(answer.status(), -1);
			return;
		}
		headers.set("Content-Type", "application/json; charset=utf-8");
		exchange.sendResponseHeaders(answer.status(), body.length);
		try (OutputStream out = exchange.getResponseBody()) {
			out.write(body);
		}
	}

	/**
	 * Read what the handler left of the request body, so the client is not cut off while
	 * still sending (an early error answer to a large upload, say).
	 */
	private static void drain(InputStream body) {
		try (body) {
			byte[] buffer = new byte[16 * 1024];
			long total = 0;
			int n;
			while (total < MAX_DRAIN_BYTES && (n = body.read(buffer)) != -1) {
				total += n;
			}
		}
		catch (IOException ex) {
			// The connection is gone; nothing to answer.
		}
	}

	/**
	 * An answer: a status and a JSON body, an export file, or nothing.
	 */
	private record Answer(int status, byte @Nullable [] body, EmulatorState.@Nullable ExportFile file) {

		static final Answer NO_CONTENT = new Answer(204, null, null);

	}

	/** The emulator's hosts. */
	enum Host {

		/** The API host, Voucherify's {@code api.voucherify.io}. */
		API,

		/** The download host, Voucherify's {@code download.voucherify.io}. */
		DOWNLOAD

	}

}
