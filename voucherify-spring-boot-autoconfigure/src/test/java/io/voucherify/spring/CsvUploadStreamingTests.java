package io.voucherify.spring;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import io.voucherify.spring.model.AsyncAction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import org.springframework.core.io.AbstractResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The CSV upload streams from the {@code Resource}: the server receives the start of the
 * file while the client is still reading it. A client that buffered the whole file first
 * would never let the server see the first chunk before the end of the file, and this
 * test would fail.
 */
class CsvUploadStreamingTests {

	private static final String HEADER = "Code,Voucher Type,Value\n";

	private static final String LAST_LINE = "LAST-LINE-MARKER,GIFT_VOUCHER,1\n";

	@Test
	@Timeout(30)
	void serverReceivesTheStartOfTheFileBeforeTheClientHasReadItsEnd() throws Exception {
		byte[] firstChunk = firstChunk();
		CountDownLatch serverSawFirstChunk = new CountDownLatch(1);
		AtomicReference<String> received = new AtomicReference<>();
		try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
			Thread serverThread = new Thread(() -> serve(server, serverSawFirstChunk, received), "csv-server");
			serverThread.start();
			VouchersTemplate vouchers = TestClients.builder("http://127.0.0.1:" + server.getLocalPort()).build();

			AsyncAction action = vouchers.importVouchersUsingCsv(new GatedCsvResource(firstChunk, serverSawFirstChunk));

			serverThread.join(10_000);
			assertThat(action.asyncActionId()).isEqualTo("aa_streamed");
			assertThat(serverSawFirstChunk.getCount()).isZero();
			assertThat(received.get()).contains("filename=\"streamed.csv\"", HEADER, "STREAMED-0,", "STREAMED-10000,",
					LAST_LINE);
		}
	}

	private static byte[] firstChunk() {
		StringBuilder csv = new StringBuilder(HEADER);
		for (int i = 0; csv.length() < 512 * 1024; i++) {
			csv.append("STREAMED-").append(i).append(",GIFT_VOUCHER,1000\n");
		}
		return csv.toString().getBytes(StandardCharsets.UTF_8);
	}

	private static void serve(ServerSocket server, CountDownLatch serverSawFirstChunk,
			AtomicReference<String> received) {
		try (Socket socket = server.accept()) {
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream request = new ByteArrayOutputStream();
			byte[] buffer = new byte[16 * 1024];
			String firstChunkEnd = "STREAMED-10000,";
			while (true) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				request.write(buffer, 0, read);
				String text = request.toString(StandardCharsets.ISO_8859_1);
				if (text.contains(firstChunkEnd)) {
					serverSawFirstChunk.countDown();
				}
				if (isComplete(text)) {
					break;
				}
			}
			received.set(request.toString(StandardCharsets.UTF_8));
			byte[] body = "{\"async_action_id\":\"aa_streamed\"}".getBytes(StandardCharsets.UTF_8);
			OutputStream out = socket.getOutputStream();
			out.write(("HTTP/1.1 202 Accepted\r\nContent-Type: application/json\r\nContent-Length: " + body.length
					+ "\r\nConnection: close\r\n\r\n")
				.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
		}
		catch (IOException ex) {
			received.set("server failed: " + ex);
		}
	}

	/**
	 * The multipart body ends with its closing delimiter, then the last chunk if chunked.
	 */
	private static boolean isComplete(String text) {
		int boundaryStart = text.indexOf("boundary=");
		if (boundaryStart < 0 || !text.contains(LAST_LINE)) {
			return false;
		}
		int boundaryEnd = text.indexOf("\r\n", boundaryStart);
		String boundary = text.substring(boundaryStart + "boundary=".length(), boundaryEnd).replace("\"", "");
		int closing = text.lastIndexOf("--" + boundary + "--");
		if (closing < 0) {
			return false;
		}
		boolean chunked = text.toLowerCase().contains("transfer-encoding: chunked");
		return !chunked || text.endsWith("0\r\n\r\n");
	}

	/**
	 * A CSV whose stream hands out a first chunk, then waits until the server has
	 * received it before handing out the last line.
	 */
	private static final class GatedCsvResource extends AbstractResource {

		private final byte[] firstChunk;

		private final CountDownLatch serverSawFirstChunk;

		GatedCsvResource(byte[] firstChunk, CountDownLatch serverSawFirstChunk) {
			this.firstChunk = firstChunk;
			this.serverSawFirstChunk = serverSawFirstChunk;
		}

		@Override
		public boolean exists() {
			return true;
		}

		@Override
		public boolean isReadable() {
			return true;
		}

		@Override
		public long contentLength() {
			return this.firstChunk.length + LAST_LINE.length();
		}

		@Override
		public String getFilename() {
			return "streamed.csv";
		}

		@Override
		public String getDescription() {
			return "gated CSV";
		}

		@Override
		public InputStream getInputStream() {
			return new InputStream() {

				private int position;

				private byte[] rest;

				@Override
				public int read() throws IOException {
					byte[] one = new byte[1];
					return (read(one, 0, 1) < 0) ? -1 : (one[0] & 0xFF);
				}

				@Override
				public int read(byte[] target, int offset, int length) throws IOException {
					byte[] source = GatedCsvResource.this.firstChunk;
					if (this.position >= source.length && this.rest == null) {
						awaitServer();
						this.rest = LAST_LINE.getBytes(StandardCharsets.UTF_8);
						source = this.rest;
						this.position = 0;
					}
					else if (this.rest != null) {
						source = this.rest;
					}
					if (this.position >= source.length) {
						return -1;
					}
					int count = Math.min(length, source.length - this.position);
					System.arraycopy(source, this.position, target, offset, count);
					this.position += count;
					return count;
				}

				private void awaitServer() throws IOException {
					try {
						if (!GatedCsvResource.this.serverSawFirstChunk.await(10, TimeUnit.SECONDS)) {
							throw new IOException("The server never saw the first chunk: the upload was buffered");
						}
					}
					catch (InterruptedException ex) {
						Thread.currentThread().interrupt();
						throw new IOException(ex);
					}
				}

			};
		}

	}

}
