package io.voucherify.spring.test;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * A streaming {@code multipart/form-data} reader (RFC 7578): parts are read one after the
 * other straight from the request body, each through its own stream that ends at the next
 * boundary, so an upload is never held whole in memory.
 */
final class MultipartReader {

	private static final Pattern BOUNDARY = Pattern.compile("(?i)boundary=(?:\"([^\"]+)\"|([^;\\s]+))");

	private static final Pattern NAME = Pattern.compile("(?i);\\s*name=(?:\"([^\"]*)\"|([^;\\s]+))");

	private static final Pattern FILENAME = Pattern.compile("(?i);\\s*filename=(?:\"([^\"]*)\"|([^;\\s]+))");

	private static final int MAX_HEADER_LINE = 8 * 1024;

	private static final int MAX_HEADERS = 64;

	private final PushbackInputStream in;

	private final byte[] delimiter;

	private final byte[] lookahead;

	private @Nullable PartStream current;

	private boolean finished;

	MultipartReader(InputStream in, String boundary) throws IOException {
		this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
		this.lookahead = new byte[this.delimiter.length - 1];
		this.in = new PushbackInputStream(new BufferedInputStream(in, 16 * 1024), this.delimiter.length + 2);
		// The first delimiter has no CRLF before it: supply one, then skip the preamble.
		this.in.unread(new byte[] { '\r', '\n' });
		this.current = new PartStream();
	}

	/**
	 * The boundary of a {@code multipart/form-data} content type.
	 * @param contentType the {@code Content-Type} header
	 * @return the boundary, or {@code null} if the type is not multipart/form-data with a
	 * boundary
	 */
	static @Nullable String boundary(@Nullable String contentType) {
		if (contentType == null || !contentType.strip().toLowerCase(Locale.ROOT).startsWith("multipart/form-data")) {
			return null;
		}
		Matcher matcher = BOUNDARY.matcher(contentType);
		if (!matcher.find()) {
			return null;
		}
		String boundary = (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		return (boundary.isEmpty() || boundary.length() > 200) ? null : boundary;
	}

	/**
	 * Move to the next part, skipping what is left of the current one.
	 * @return the part, or {@code null} after the last one
	 * @throws IOException if the body is not well-formed multipart
	 */
	@Nullable Part next() throws IOException {
		if (this.finished) {
			return null;
		}
		if (this.current != null) {
			this.current.transferTo(OutputStream.nullOutputStream());
		}
		int first = this.in.read();
		int second = this.in.read();
		if (first == '-' && second == '-') {
			this.finished = true;
			return null;
		}
		if (second != -1) {
			this.in.unread(second);
		}
		if (first != -1) {
			this.in.unread(first);
		}
		// Transport padding up to the end of the boundary line.
		readLine();
		Map<String, String> headers = new LinkedHashMap<>();
		String line;
		while (!(line = readLine()).isEmpty()) {
			if (headers.size() >= MAX_HEADERS) {
				throw new MalformedMultipartException("Too many part headers");
			}
			int colon = line.indexOf(':');
			if (colon > 0) {
				headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT),
						line.substring(colon + 1).strip());
			}
		}
		PartStream part = new PartStream();
		this.current = part;
		return new Part(headers, part);
	}

	private String readLine() throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		while (true) {
			int c = this.in.read();
			if (c == -1) {
				throw new MalformedMultipartException("The multipart body ends inside a part's headers");
			}
			if (c == '\n') {
				break;
			}
			if (c == '\r') {
				int next = this.in.read();
				if (next == '\n') {
					break;
				}
				if (next != -1) {
					this.in.unread(next);
				}
			}
			line.write(c);
			if (line.size() > MAX_HEADER_LINE) {
				throw new MalformedMultipartException("A part header line is too long");
			}
		}
		return line.toString(StandardCharsets.UTF_8);
	}

	/**
	 * One part: its headers and its content.
	 *
	 * @param headers the part's headers, names in lower case
	 * @param content the content, ending at the next boundary
	 */
	record Part(Map<String, String> headers, InputStream content) {

		/**
		 * The {@code name} of the part's {@code Content-Disposition}.
		 * @return the name, or {@code null}
		 */
		@Nullable String name() {
			return parameter(NAME);
		}

		/**
		 * The {@code filename} of the part's {@code Content-Disposition}.
		 * @return the file name, or {@code null}
		 */
		@Nullable String filename() {
			return parameter(FILENAME);
		}

		private @Nullable String parameter(Pattern pattern) {
			String disposition = this.headers.get("content-disposition");
			if (disposition == null) {
				return null;
			}
			Matcher matcher = pattern.matcher(disposition);
			if (!matcher.find()) {
				return null;
			}
			return (matcher.group(1) != null) ? matcher.group(1) : matcher.group(2);
		}

	}

	/** The content of one part: bytes up to the next delimiter. */
	private final class PartStream extends InputStream {

		private boolean ended;

		@Override
		public int read() throws IOException {
			if (this.ended) {
				return -1;
			}
			PushbackInputStream source = MultipartReader.this.in;
			byte[] delimiter = MultipartReader.this.delimiter;
			int c = source.read();
			if (c == -1) {
				throw new MalformedMultipartException("The multipart body ends without a closing boundary");
			}
			if (c == (delimiter[0] & 0xFF)) {
				byte[] rest = MultipartReader.this.lookahead;
				int n = source.readNBytes(rest, 0, rest.length);
				if (n == rest.length && Arrays.equals(rest, 0, n, delimiter, 1, delimiter.length)) {
					this.ended = true;
					return -1;
				}
				if (n > 0) {
					source.unread(rest, 0, n);
				}
			}
			return c;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			int count = 0;
			while (count < length) {
				int c = read();
				if (c == -1) {
					break;
				}
				buffer[offset + count++] = (byte) c;
			}
			return (count == 0) ? -1 : count;
		}

	}

	/** The body is not well-formed multipart. */
	static final class MalformedMultipartException extends IOException {

		private static final long serialVersionUID = 1L;

		MalformedMultipartException(String message) {
			super(message);
		}

	}

}
