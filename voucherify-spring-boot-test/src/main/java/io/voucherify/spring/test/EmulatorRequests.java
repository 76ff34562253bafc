package io.voucherify.spring.test;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * How the emulator reads a request: its path segments and query, strictly percent-decoded
 * as Voucherify does, and its JSON body, up to 1 MB.
 */
final class EmulatorRequests {

	private static final long MAX_JSON_BYTES = 1024 * 1024;

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private EmulatorRequests() {
	}

	static JsonNode json(HttpExchange exchange) throws IOException {
		return parse(body(exchange));
	}

	static JsonNode parse(byte[] bytes) {
		try {
			JsonNode node = MAPPER.readTree(bytes);
			return (node != null) ? node : JsonNodeFactory.instance.missingNode();
		}
		catch (JacksonException ex) {
			throw ApiError.invalidPayload("The body is not valid JSON: " + ex.getOriginalMessage());
		}
	}

	static byte[] body(HttpExchange exchange) throws IOException {
		try (InputStream in = new LimitedInputStream(exchange.getRequestBody(), MAX_JSON_BYTES)) {
			return in.readAllBytes();
		}
		catch (LimitedInputStream.TooLargeException ex) {
			throw ApiError.payloadTooLarge("The JSON body is larger than 1 MB");
		}
	}

	static Map<String, String> query(HttpExchange exchange) {
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
