package io.voucherify.spring;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.CRC32;

import io.voucherify.spring.model.AsyncAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB CSV uploads in a JVM capped at {@code -Xmx64m} (failsafe's), so the client
 * cannot hold the file in memory, and the server receives every byte. The server counts
 * and checksums the multipart file part as it streams past and stores none of it.
 */
class CsvUploadScaleIT {

	private static final long HEAP_CAP = 80L * 1024 * 1024;

	private static final long FILE_SIZE = 200L * 1024 * 1024;

	@TempDir
	Path tempDir;

	@Test
	@Timeout(120)
	void serverReceivesEveryByteOfA200MegabyteCsv() throws Exception {
		assertThat(Runtime.getRuntime().maxMemory()).as("max heap: run by failsafe with -Xmx64m").isLessThan(HEAP_CAP);
		Path csv = this.tempDir.resolve("vouchers-200mb.csv");
		try {
			long fileChecksum = writeCsv(csv, FILE_SIZE);
			long fileSize = Files.size(csv);
			try (ServerSocket serverSocket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
				CompletableFuture<ReceivedPart> received = CompletableFuture
					.supplyAsync(() -> receiveOneUpload(serverSocket));
				VouchersTemplate vouchers = TestClients.builder("http://127.0.0.1:" + serverSocket.getLocalPort())
					.timeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofMinutes(2))
					.build();

				AsyncAction action = vouchers.importVouchersUsingCsv(csv);

				ReceivedPart part = received.get(30, TimeUnit.SECONDS);
				assertThat(action.asyncActionId()).isEqualTo("aa_1");
				assertThat(part.headers()).containsEntry("content-disposition",
						"form-data; name=\"file\"; filename=\"vouchers-200mb.csv\"");
				assertThat(part.size()).isEqualTo(fileSize);
				assertThat(part.crc32()).isEqualTo(fileChecksum);
			}
		}
		finally {
			Files.deleteIfExists(csv);
		}
	}

	/**
	 * Write {@code Code,Voucher Type,Value} then lines until the file has at least
	 * {@code size} bytes, through a 1 MB buffer.
	 * @return the CRC32 of the file
	 */
	private static long writeCsv(Path csv, long size) throws IOException {
		CRC32 crc = new CRC32();
		byte[] buffer = new byte[1024 * 1024];
		byte[] header = "Code,Voucher Type,Value\n".getBytes(StandardCharsets.US_ASCII);
		byte[] prefix = "CODE-".getBytes(StandardCharsets.US_ASCII);
		byte[] suffix = ",GIFT_VOUCHER,1000\n".getBytes(StandardCharsets.US_ASCII);
		int lineLength = prefix.length + 10 + suffix.length;
		try (OutputStream out = Files.newOutputStream(csv)) {
			System.arraycopy(header, 0, buffer, 0, header.length);
			int used = header.length;
			long written = 0;
			for (long line = 0; written + used < size; line++) {
				if (used + lineLength > buffer.length) {
					out.write(buffer, 0, used);
					crc.update(buffer, 0, used);
					written += used;
					used = 0;
				}
				System.arraycopy(prefix, 0, buffer, used, prefix.length);
				used += prefix.length;
				long number = line;
				for (int digit = 9; digit >= 0; digit--) {
					buffer[used + digit] = (byte) ('0' + number % 10);
					number /= 10;
				}
				used += 10;
				System.arraycopy(suffix, 0, buffer, used, suffix.length);
				used += suffix.length;
			}
			out.write(buffer, 0, used);
			crc.update(buffer, 0, used);
		}
		return crc.getValue();
	}

	/**
	 * Accept one request to {@code POST /v1/vouchers/importCSV}, stream-count its
	 * {@code file} part and answer 202.
	 */
	private static ReceivedPart receiveOneUpload(ServerSocket serverSocket) {
		try (Socket socket = serverSocket.accept()) {
			socket.setSoTimeout(30_000);
			InputStream in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
			String requestLine = readLine(in);
			Map<String, String> headers = readHeaders(in);
			if (!requestLine.startsWith("POST /v1/vouchers/importCSV ")) {
				throw new IllegalStateException("Unexpected request " + requestLine);
			}
			InputStream body = body(in, headers);
			ReceivedPart part = readFilePart(body, boundary(headers.get("content-type")));
			body.transferTo(OutputStream.nullOutputStream());
			byte[] answer = "{\"async_action_id\":\"aa_1\"}".getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: " + answer.length
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.US_ASCII));
			out.write(answer);
			out.flush();
			return part;
		}
		catch (IOException ex) {
			throw new IllegalStateException("The server failed to receive the upload", ex);
		}
	}

	private static InputStream body(InputStream in, Map<String, String> headers) {
		String transferEncoding = headers.getOrDefault("transfer-encoding", "");
		if (transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
			return new ChunkedInputStream(in);
		}
		String contentLength = headers.get("content-length");
		if (contentLength == null) {
			throw new IllegalStateException("Neither chunked nor Content-Length: " + headers);
		}
		return new BoundedInputStream(in, Long.parseLong(contentLength.trim()));
	}

	private static String boundary(String contentType) {
		if (contentType == null || !contentType.startsWith("multipart/form-data")) {
			throw new IllegalStateException("Not multipart: " + contentType);
		}
		for (String parameter : contentType.split(";")) {
			String trimmed = parameter.trim();
			if (trimmed.startsWith("boundary=")) {
				return trimmed.substring("boundary=".length()).replace("\"", "");
			}
		}
		throw new IllegalStateException("No boundary in " + contentType);
	}

	/**
	 * Read the parts of a multipart body, counting and checksumming the content of the
	 * {@code file} part without storing it.
	 */
	private static ReceivedPart readFilePart(InputStream body, String boundary) throws IOException {
		String first = readLine(body);
		if (!first.equals("--" + boundary)) {
			throw new IllegalStateException("Multipart body starts with " + first);
		}
		byte[] delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.US_ASCII);
		ReceivedPart file = null;
		while (true) {
			Map<String, String> partHeaders = readHeaders(body);
			ReceivedPart part = streamUntil(body, delimiter, partHeaders);
			if (partHeaders.getOrDefault("content-disposition", "").contains("name=\"file\"")) {
				file = part;
			}
			String after = readLine(body);
			if (after.equals("--")) {
				break;
			}
			if (!after.isEmpty()) {
				throw new IllegalStateException("Unexpected text after a delimiter: " + after);
			}
		}
		if (file == null) {
			throw new IllegalStateException("No file part");
		}
		return file;
	}

	/**
	 * Consume bytes up to and including the delimiter (a streaming Knuth-Morris-Pratt
	 * search), counting and checksumming the bytes before it.
	 */
	private static ReceivedPart streamUntil(InputStream in, byte[] delimiter, Map<String, String> headers)
			throws IOException {
		int[] failure = failure(delimiter);
		CRC32 crc = new CRC32();
		byte[] input = new byte[64 * 1024];
		byte[] output = new byte[64 * 1024 + delimiter.length];
		long size = 0;
		int matched = 0;
		while (true) {
			int read = in.read(input);
			if (read < 0) {
				throw new IllegalStateException("The body ended before the closing delimiter");
			}
			int emitted = 0;
			for (int i = 0; i < read; i++) {
				byte b = input[i];
				while (matched > 0 && delimiter[matched] != b) {
					int fallback = failure[matched - 1];
					// What can no longer start the delimiter is content.
					System.arraycopy(delimiter, 0, output, emitted, matched - fallback);
					emitted += matched - fallback;
					matched = fallback;
				}
				if (delimiter[matched] == b) {
					matched++;
					if (matched == delimiter.length) {
						crc.update(output, 0, emitted);
						size += emitted;
						if (in instanceof PushbackBuffer pushback) {
							pushback.unread(input, i + 1, read - i - 1);
						}
						else if (i + 1 < read) {
							throw new IllegalStateException("Cannot push back what follows the delimiter");
						}
						return new ReceivedPart(headers, size, crc.getValue());
					}
				}
				else {
					output[emitted++] = b;
				}
				if (emitted >= input.length) {
					crc.update(output, 0, emitted);
					size += emitted;
					emitted = 0;
				}
			}
			crc.update(output, 0, emitted);
			size += emitted;
		}
	}

	private static int[] failure(byte[] pattern) {
		int[] failure = new int[pattern.length];
		for (int i = 1, k = 0; i < pattern.length; i++) {
			while (k > 0 && pattern[i] != pattern[k]) {
				k = failure[k - 1];
			}
			if (pattern[i] == pattern[k]) {
				k++;
			}
			failure[i] = k;
		}
		return failure;
	}

	private static Map<String, String> readHeaders(InputStream in) throws IOException {
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
		}
		return headers;
	}

	/** A line without its CRLF. */
	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		int previous = -1;
		while (true) {
			int b = in.read();
			if (b < 0) {
				throw new IllegalStateException("The stream ended within a line");
			}
			if (previous == '\r' && b == '\n') {
				byte[] bytes = line.toByteArray();
				return new String(bytes, 0, bytes.length - 1, StandardCharsets.ISO_8859_1);
			}
			line.write(b);
			previous = b;
			if (line.size() > 16 * 1024) {
				throw new IllegalStateException("A line longer than 16 KB");
			}
		}
	}

	/** What the server saw of the file part. */
	private record ReceivedPart(Map<String, String> headers, long size, long crc32) {

	}

	/** A body stream that can take back bytes read past a delimiter. */
	private abstract static class PushbackBuffer extends InputStream {

		private byte[] pushedBack = new byte[0];

		private int position;

		void unread(byte[] bytes, int offset, int length) {
			byte[] rest = new byte[length + this.pushedBack.length - this.position];
			System.arraycopy(bytes, offset, rest, 0, length);
			System.arraycopy(this.pushedBack, this.position, rest, length, this.pushedBack.length - this.position);
			this.pushedBack = rest;
			this.position = 0;
		}

		@Override
		public int read() throws IOException {
			byte[] one = new byte[1];
			return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
		}

		@Override
		public int read(byte[] target, int offset, int length) throws IOException {
			if (length == 0) {
				return 0;
			}
			if (this.position < this.pushedBack.length) {
				int count = Math.min(length, this.pushedBack.length - this.position);
				System.arraycopy(this.pushedBack, this.position, target, offset, count);
				this.position += count;
				return count;
			}
			return readMore(target, offset, length);
		}

		abstract int readMore(byte[] target, int offset, int length) throws IOException;

	}

	/** The body of a request with a {@code Content-Length}. */
	private static final class BoundedInputStream extends PushbackBuffer {

		private final InputStream in;

		private long remaining;

		BoundedInputStream(InputStream in, long length) {
			this.in = in;
			this.remaining = length;
		}

		@Override
		int readMore(byte[] target, int offset, int length) throws IOException {
			if (this.remaining == 0) {
				return -1;
			}
			int read = this.in.read(target, offset, (int) Math.min(length, this.remaining));
			if (read < 0) {
				throw new IllegalStateException("The body ended " + this.remaining + " bytes early");
			}
			this.remaining -= read;
			return read;
		}

	}

	/** The body of a request sent with {@code Transfer-Encoding: chunked}. */
	private static final class ChunkedInputStream extends PushbackBuffer {

		private final InputStream in;

		private long chunkRemaining;

		private boolean done;

		ChunkedInputStream(InputStream in) {
			this.in = in;
		}

		@Override
		int readMore(byte[] target, int offset, int length) throws IOException {
			if (this.done) {
				return -1;
			}
			if (this.chunkRemaining == 0) {
				String sizeLine = readLine(this.in);
				int extension = sizeLine.indexOf(';');
				long size = Long.parseLong(((extension >= 0) ? sizeLine.substring(0, extension) : sizeLine).trim(), 16);
				if (size == 0) {
					// Trailers, then the empty line that ends the body.
					readHeaders(this.in);
					this.done = true;
					return -1;
				}
				this.chunkRemaining = size;
			}
			int read = this.in.read(target, offset, (int) Math.min(length, this.chunkRemaining));
			if (read < 0) {
				throw new IllegalStateException("The body ended within a chunk");
			}
			this.chunkRemaining -= read;
			if (this.chunkRemaining == 0 && !readLine(this.in).isEmpty()) {
				throw new IllegalStateException("A chunk did not end with CRLF");
			}
			return read;
		}

	}

}
