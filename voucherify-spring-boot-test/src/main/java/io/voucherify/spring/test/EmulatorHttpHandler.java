package io.voucherify.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashMap;
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
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The HTTP face of the emulator: authentication, routing, strict decoding of path
 * segments, request parsing and Voucherify's error envelope. Every answer carries
 * {@code X-Rate-Limit-Limit} and {@code X-Rate-Limit-Remaining} (informative only: the
 * limit is never enforced).
 */
final class EmulatorHttpHandler implements HttpHandler {

	/** Voucherify's limit on an imported CSV file. */
	static final long MAX_CSV_BYTES = 10L * 1024 * 1024;

	/** Calls per minute shown in {@code X-Rate-Limit-Limit}. */
	static final int RATE_LIMIT_PER_MINUTE = 2000;

	private static final long MAX_JSON_BYTES = 1024 * 1024;

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

	private final Object rateLimitLock = new Object();

	private long rateLimitMinute;

	private int rateLimitCount;

	EmulatorHttpHandler(EmulatorState state, String appId, String secretKey) {
		this.state = state;
		this.appId = appId.getBytes(StandardCharsets.UTF_8);
		this.secretKey = secretKey.getBytes(StandardCharsets.UTF_8);
	}

	@Override
	public void handle(HttpExchange exchange) throws IOException {
		Answer answer;
		try {
			answer = dispatch(exchange);
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
		List<String> segments = segments(rawPath);
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
					this.state.delete(code, force(query(exchange)));
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
					yield ok(this.state.listTransactions(code, transactionsQuery(query(exchange))));
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
		JsonNode body = json(exchange);
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
		byte[] bytes = body(exchange);
		String order = null;
		List<String> fields = null;
		if (!new String(bytes, StandardCharsets.UTF_8).isBlank()) {
			JsonNode body = parse(bytes);
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
		InputStream body = new LimitedInputStream(exchange.getRequestBody(), MAX_CSV_BYTES + MULTIPART_OVERHEAD_BYTES);
		List<CsvVouchers.Row> rows = null;
		try {
			MultipartReader multipart = new MultipartReader(body, boundary);
			MultipartReader.Part part;
			while ((part = multipart.next()) != null) {
				if ("file".equals(part.name())) {
					if (rows != null) {
						throw ApiError.invalidPayload("Payload should have exactly one 'file'");
					}
					rows = CsvVouchers.read(new LimitedInputStream(part.content(), MAX_CSV_BYTES));
				}
			}
		}
		catch (LimitedInputStream.TooLargeException ex) {
			throw ApiError.payloadTooLarge("The CSV file is larger than Voucherify's limit of 10 MB");
		}
		catch (MultipartReader.MalformedMultipartException ex) {
			throw ApiError.invalidPayload("The multipart body is malformed: " + ex.getMessage());
		}
		if (rows == null) {
			throw missingFile();
		}
		String asyncActionId = this.state.importRows(rows, true);
		ObjectNode answer = JsonNodeFactory.instance.objectNode();
		answer.put("async_action_id", asyncActionId);
		return new Answer(202, MAPPER.writeValueAsBytes(answer));
	}

	private static ApiError missingFile() {
		return ApiError.invalidPayload("Payload should have required property 'file'");
	}

	// Request parsing

	private static EmulatorState.TransactionsQuery transactionsQuery(Map<String, String> query) {
		int limit = EmulatorState.DEFAULT_LIMIT;
		String limitText = query.get("limit");
		if (limitText != null) {
			limit = integer(limitText, "limit");
			if (limit < 1 || limit > EmulatorState.MAX_LIMIT) {
				throw ApiError.invalidQueryParams(
						"Query param 'limit' must be between 1 and " + EmulatorState.MAX_LIMIT + ", was " + limitText);
			}
		}
		String order = query.getOrDefault("order", "-id");
		if (!order.equals("id") && !order.equals("-id")) {
			throw ApiError.invalidQueryParams("Query param 'order' must be 'id' or '-id', was '" + order + "'");
		}
		String startingAfterId = query.get("starting_after_id");
		if (startingAfterId != null && startingAfterId.isEmpty()) {
			throw ApiError.invalidQueryParams("Query param 'starting_after_id' must not be empty");
		}
		Integer page = null;
		String pageText = query.get("page");
		if (pageText != null) {
			page = integer(pageText, "page");
			if (page < 1) {
				throw ApiError.invalidQueryParams("Query param 'page' must be at least 1, was " + pageText);
			}
		}
		return new EmulatorState.TransactionsQuery(limit, order.equals("id"), startingAfterId, page);
	}

	private static int integer(String text, String name) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalidQueryParams("Query param '" + name + "' must be an integer, was '" + text + "'");
		}
	}

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

	private static JsonNode json(HttpExchange exchange) throws IOException {
		return parse(body(exchange));
	}

	private static JsonNode parse(byte[] bytes) {
		try {
			JsonNode node = MAPPER.readTree(bytes);
			return (node != null) ? node : JsonNodeFactory.instance.missingNode();
		}
		catch (JacksonException ex) {
			throw ApiError.invalidPayload("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	private static byte[] body(HttpExchange exchange) throws IOException {
		try (InputStream in = new LimitedInputStream(exchange.getRequestBody(), MAX_JSON_BYTES)) {
			return in.readAllBytes();
		}
		catch (LimitedInputStream.TooLargeException ex) {
			throw ApiError.payloadTooLarge("The JSON body is larger than 1 MB");
		}
	}

	private static Map<String, String> query(HttpExchange exchange) {
		String raw = exchange.getRequestURI().getRawQuery();
		Map<String, String> query = new HashMap<>();
		if (raw == null || raw.isEmpty()) {
			return query;
		}
		for (String pair : raw.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String name = (equals < 0) ? pair : pair.substring(0, equals);
			String value = (equals < 0) ? "" : pair.substring(equals + 1);
			try {
				query.putIfAbsent(decode(name, true), decode(value, true));
			}
			catch (CharacterCodingException | IllegalArgumentException ex) {
				throw ApiError.invalidQueryParams("The query string is not valid percent-encoded UTF-8");
			}
		}
		return query;
	}

	/**
	 * Split a raw path on {@code /} and decode each segment strictly, so {@code A%2FB} is
	 * the one segment {@code A/B}.
	 */
	static List<String> segments(String rawPath) {
		String path = rawPath.startsWith("/") ? rawPath.substring(1) : rawPath;
		List<String> segments = new ArrayList<>();
		for (String segment : path.split("/", -1)) {
			try {
				segments.add(decode(segment, false));
			}
			catch (CharacterCodingException | IllegalArgumentException ex) {
				throw ApiError.malformedPath();
			}
		}
		return segments;
	}

	/**
	 * Strict percent-decoding: every {@code %} must start a two-digit hexadecimal escape
	 * and the bytes must be valid UTF-8.
	 * @param plusIsSpace decode {@code +} as a space (query strings only)
	 */
	static String decode(String text, boolean plusIsSpace) throws CharacterCodingException {
		if (text.indexOf('%') < 0 && !(plusIsSpace && text.indexOf('+') >= 0)) {
			return text;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(text.length());
		StringBuilder literal = new StringBuilder();
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '%' || (plusIsSpace && c == '+')) {
				bytes.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
				literal.setLength(0);
				if (c == '+') {
					bytes.write(' ');
					continue;
				}
				if (i + 2 >= text.length()) {
					throw new IllegalArgumentException("Truncated escape");
				}
				int high = Character.digit(text.charAt(i + 1), 16);
				int low = Character.digit(text.charAt(i + 2), 16);
				if (high < 0 || low < 0) {
					throw new IllegalArgumentException("Invalid escape");
				}
				bytes.write((high << 4) | low);
				i += 2;
			}
			else {
				literal.append(c);
			}
		}
		bytes.writeBytes(literal.toString().getBytes(StandardCharsets.UTF_8));
		return StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT)
			.decode(ByteBuffer.wrap(bytes.toByteArray()))
			.toString();
	}

	// Answers

	private static Answer ok(ObjectNode json) {
		return new Answer(200, MAPPER.writeValueAsBytes(json));
	}

	private static Answer error(ApiError error) {
		ObjectNode json = JsonNodeFactory.instance.objectNode();
		json.put("code", error.status());
		if (error.status() == 401) {
			// Voucherify's 401 carries no more than this.
			json.put("message", error.errorMessage());
			json.put("key", error.key());
			return new Answer(error.status(), MAPPER.writeValueAsBytes(json));
		}
		json.put("key", error.key());
		json.put("message", error.errorMessage());
		if (error.details() != null) {
			json.put("details", error.details());
		}
		json.put("request_id", Ids.requestId());
		if (error.resourceId() != null) {
			json.put("resource_id", error.resourceId());
		}
		if (error.resourceType() != null) {
			json.put("resource_type", error.resourceType());
		}
		return new Answer(error.status(), MAPPER.writeValueAsBytes(json));
	}

	private void send(HttpExchange exchange, Answer answer) throws IOException {
		Headers headers = exchange.getResponseHeaders();
		headers.set("X-Rate-Limit-Limit", Integer.toString(RATE_LIMIT_PER_MINUTE));
		headers.set("X-Rate-Limit-Remaining", Integer.toString(countCall()));
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

	/** Count a call in the current minute and return what is left of the limit. */
	private int countCall() {
		long minute = System.currentTimeMillis() / 60_000;
		synchronized (this.rateLimitLock) {
			if (minute != this.rateLimitMinute) {
				this.rateLimitMinute = minute;
				this.rateLimitCount = 0;
			}
			this.rateLimitCount++;
			return Math.max(0, RATE_LIMIT_PER_MINUTE - this.rateLimitCount);
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
	 * An answer: a status and a JSON body, or none.
	 */
	private record Answer(int status, byte @Nullable [] body) {

		static final Answer NO_CONTENT = new Answer(204, null);

	}

	/** Fails once more than a given number of bytes are read. */
	static final class LimitedInputStream extends FilterInputStream {

		private final long limit;

		private long count;

		LimitedInputStream(InputStream in, long limit) {
			super(in);
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int c = super.read();
			if (c != -1) {
				count(1);
			}
			return c;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = super.read(buffer, offset, length);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		@Override
		public void close() {
			// The underlying stream belongs to the exchange.
		}

		private void count(int n) throws TooLargeException {
			this.count += n;
			if (this.count > this.limit) {
				throw new TooLargeException();
			}
		}

		/** More bytes than allowed. */
		static final class TooLargeException extends IOException {

			private static final long serialVersionUID = 1L;

			TooLargeException() {
				super("Too large");
			}

		}

	}

}
