package io.voucherify.spring.benchmarks;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A tiny HTTP/1.1 server on loopback: one NIO selector thread, keep-alive, every answer
 * (status line, headers and body) written from one buffer in one write. It serves:
 * <ul>
 * <li>{@code GET /v1/vouchers/{code}}: the spec's gift-card voucher, the same bytes for
 * every request and every client;</li>
 * <li>{@code GET /v1/vouchers/{code}/transactions?limit=&starting_after_id=}: pages of
 * {@value #TRANSACTIONS} generated transactions following the cursor;</li>
 * <li>{@code POST /v1/vouchers/importCSV}: reads and discards the body (Content-Length or
 * chunked), counting its bytes, and answers 202.</li>
 * </ul>
 * Run as a separate process ({@link #main}) by the JMH benchmarks so that its work and
 * allocation stay out of the measured JVM; it exits when its standard input closes.
 */
public final class LocalVoucherifyServer implements Closeable {

	/** Transactions of every voucher. */
	public static final int TRANSACTIONS = 100_000;

	private static final byte[] CRLF_CRLF = { '\r', '\n', '\r', '\n' };

	private final ServerSocketChannel serverChannel;

	private final Selector selector;

	private final Thread thread;

	private final byte[] voucherResponse;

	private final byte[] voucherBody;

	private final AtomicLong requests = new AtomicLong();

	private final AtomicLong connections = new AtomicLong();

	private final AtomicLong lastUploadBytes = new AtomicLong(-1);

	private final AtomicLong uploads = new AtomicLong();

	private volatile boolean running = true;

	/**
	 * Start a server on an ephemeral loopback port.
	 * @param voucherBody the body of every {@code GET /v1/vouchers/{code}}
	 * @throws IOException if the port cannot be opened
	 */
	public LocalVoucherifyServer(byte[] voucherBody) throws IOException {
		this.voucherBody = voucherBody.clone();
		this.voucherResponse = response(200, "OK", this.voucherBody);
		this.selector = Selector.open();
		this.serverChannel = ServerSocketChannel.open();
		this.serverChannel.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 1024);
		this.serverChannel.configureBlocking(false);
		this.serverChannel.register(this.selector, SelectionKey.OP_ACCEPT);
		this.thread = new Thread(this::run, "local-voucherify-server");
		this.thread.setDaemon(true);
		this.thread.start();
	}

	/**
	 * Serve until standard input closes. Prints {@code LISTENING <port>} first.
	 * @param args none
	 * @throws Exception on failure
	 */
	public static void main(String[] args) throws Exception {
		try (LocalVoucherifyServer server = new LocalVoucherifyServer(Fixtures.voucherBody())) {
			System.out.println("LISTENING " + server.port());
			System.out.flush();
			InputStream in = System.in;
			while (in.read() >= 0) {
				// Wait for the parent to close the pipe (or die).
			}
		}
	}

	public int port() {
		return this.serverChannel.socket().getLocalPort();
	}

	public String baseUrl() {
		return "http://127.0.0.1:" + port();
	}

	public byte[] voucherBody() {
		return this.voucherBody.clone();
	}

	public long requests() {
		return this.requests.get();
	}

	public long connections() {
		return this.connections.get();
	}

	/**
	 * Uploads received so far.
	 * @return the count
	 */
	public long uploads() {
		return this.uploads.get();
	}

	/**
	 * Body bytes of the last finished upload.
	 * @return the bytes, or -1 before the first one
	 */
	public long lastUploadBytes() {
		return this.lastUploadBytes.get();
	}

	@Override
	public void close() throws IOException {
		this.running = false;
		this.selector.wakeup();
		try {
			this.thread.join(5000);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		this.serverChannel.close();
	}

	private void run() {
		try {
			while (this.running) {
				this.selector.select(this::handle);
			}
		}
		catch (IOException ex) {
			if (this.running) {
				ex.printStackTrace();
			}
		}
		finally {
			for (SelectionKey key : this.selector.keys()) {
				closeQuietly(key);
			}
			try {
				this.selector.close();
			}
			catch (IOException ex) {
				// ignore
			}
		}
	}

	private void handle(SelectionKey key) {
		try {
			if (!key.isValid()) {
				return;
			}
			if (key.isAcceptable()) {
				accept();
				return;
			}
			Connection connection = (Connection) key.attachment();
			if (key.isWritable()) {
				connection.writePending(key);
			}
			if (key.isValid() && key.isReadable()) {
				connection.read(key);
			}
		}
		catch (IOException | RuntimeException ex) {
			closeQuietly(key);
		}
	}

	private void accept() throws IOException {
		SocketChannel channel;
		while ((channel = this.serverChannel.accept()) != null) {
			channel.configureBlocking(false);
			channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
			channel.register(this.selector, SelectionKey.OP_READ, new Connection(channel));
			this.connections.incrementAndGet();
		}
	}

	private static void closeQuietly(SelectionKey key) {
		key.cancel();
		try {
			key.channel().close();
		}
		catch (IOException ex) {
			// ignore
		}
	}

	static byte[] response(int status, String reason, byte[] body) {
		byte[] head = ("HTTP/1.1 " + status + " " + reason + "\r\n"
				+ "Content-Type: application/json; charset=utf-8\r\n" + "Content-Length: " + body.length + "\r\n"
				+ "Connection: keep-alive\r\n\r\n")
			.getBytes(StandardCharsets.US_ASCII);
		byte[] all = new byte[head.length + body.length];
		System.arraycopy(head, 0, all, 0, head.length);
		System.arraycopy(body, 0, all, head.length, body.length);
		return all;
	}

	/** One keep-alive connection: a request head, an optional body, one answer. */
	private final class Connection {

		private final SocketChannel channel;

		private final ByteBuffer in = ByteBuffer.allocate(64 * 1024);

		/** The answer to the voucher request, reused for every one. */
		private final ByteBuffer voucherOut = ByteBuffer.wrap(LocalVoucherifyServer.this.voucherResponse);

		private ByteBuffer pending;

		private BodyState body = BodyState.NONE;

		private long remaining;

		private long bodyBytes;

		private boolean closeAfterWrite;

		/** What to answer once the body is consumed. */
		private Request request;

		Connection(SocketChannel channel) {
			this.channel = channel;
		}

		void read(SelectionKey key) throws IOException {
			int read = this.channel.read(this.in);
			if (read < 0) {
				closeQuietly(key);
				return;
			}
			this.in.flip();
			try {
				process(key);
			}
			finally {
				this.in.compact();
			}
			if (!this.in.hasRemaining()) {
				throw new IOException("Request head too large");
			}
		}

		/** Consume what the buffer holds; stop at a pending write or missing bytes. */
		private void process(SelectionKey key) throws IOException {
			while (this.pending == null) {
				if (this.body == BodyState.NONE) {
					int end = indexOf(this.in, CRLF_CRLF);
					if (end < 0) {
						return;
					}
					parseHead(end);
				}
				if (!consumeBody()) {
					return;
				}
				answer(key);
			}
		}

		private void parseHead(int end) throws IOException {
			int start = this.in.position();
			String head = new String(this.in.array(), start, end - start, StandardCharsets.ISO_8859_1);
			this.in.position(end + CRLF_CRLF.length);
			int lineEnd = head.indexOf("\r\n");
			String requestLine = (lineEnd < 0) ? head : head.substring(0, lineEnd);
			String[] parts = requestLine.split(" ");
			if (parts.length != 3) {
				throw new IOException("Bad request line: " + requestLine);
			}
			long contentLength = 0;
			boolean chunked = false;
			boolean expectContinue = false;
			this.closeAfterWrite = "HTTP/1.0".equals(parts[2]);
			for (String line : head.substring(lineEnd + 2).split("\r\n")) {
				int colon = line.indexOf(':');
				if (colon <= 0) {
					continue;
				}
				String name = line.substring(0, colon).trim();
				String value = line.substring(colon + 1).trim();
				if (name.equalsIgnoreCase("Content-Length")) {
					contentLength = Long.parseLong(value);
				}
				else if (name.equalsIgnoreCase("Transfer-Encoding")) {
					chunked = value.toLowerCase(java.util.Locale.ROOT).contains("chunked");
				}
				else if (name.equalsIgnoreCase("Connection")) {
					this.closeAfterWrite = value.equalsIgnoreCase("close");
				}
				else if (name.equalsIgnoreCase("Expect")) {
					expectContinue = value.equalsIgnoreCase("100-continue");
				}
			}
			this.request = new Request(parts[0], parts[1]);
			this.bodyBytes = 0;
			if (chunked) {
				this.body = BodyState.CHUNK_SIZE;
			}
			else if (contentLength > 0) {
				this.body = BodyState.FIXED;
				this.remaining = contentLength;
			}
			else {
				this.body = BodyState.DONE;
			}
			if (expectContinue && this.body != BodyState.DONE) {
				ByteBuffer cont = ByteBuffer.wrap("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				while (cont.hasRemaining()) {
					this.channel.write(cont);
				}
			}
		}

		/** Consume body bytes. Returns true once the whole body is consumed. */
		private boolean consumeBody() throws IOException {
			while (true) {
				switch (this.body) {
					case DONE:
						return true;
					case FIXED: {
						int skip = (int) Math.min(this.remaining, this.in.remaining());
						this.in.position(this.in.position() + skip);
						this.remaining -= skip;
						this.bodyBytes += skip;
						if (this.remaining > 0) {
							return false;
						}
						this.body = BodyState.DONE;
						break;
					}
					case CHUNK_SIZE: {
						int lineEnd = indexOf(this.in, new byte[] { '\r', '\n' });
						if (lineEnd < 0) {
							return false;
						}
						String line = new String(this.in.array(), this.in.position(), lineEnd - this.in.position(),
								StandardCharsets.US_ASCII);
						this.in.position(lineEnd + 2);
						int extension = line.indexOf(';');
						long size = Long.parseLong(((extension >= 0) ? line.substring(0, extension) : line).trim(), 16);
						if (size == 0) {
							this.body = BodyState.TRAILERS;
						}
						else {
							this.remaining = size;
							this.body = BodyState.CHUNK_DATA;
						}
						break;
					}
					case CHUNK_DATA: {
						int skip = (int) Math.min(this.remaining, this.in.remaining());
						this.in.position(this.in.position() + skip);
						this.remaining -= skip;
						this.bodyBytes += skip;
						if (this.remaining > 0) {
							return false;
						}
						this.body = BodyState.CHUNK_END;
						break;
					}
					case CHUNK_END: {
						if (this.in.remaining() < 2) {
							return false;
						}
						this.in.position(this.in.position() + 2);
						this.body = BodyState.CHUNK_SIZE;
						break;
					}
					case TRAILERS: {
						int lineEnd = indexOf(this.in, new byte[] { '\r', '\n' });
						if (lineEnd < 0) {
							return false;
						}
						boolean empty = lineEnd == this.in.position();
						this.in.position(lineEnd + 2);
						if (empty) {
							this.body = BodyState.DONE;
						}
						break;
					}
					default:
						throw new IllegalStateException("No request");
				}
			}
		}

		private void answer(SelectionKey key) throws IOException {
			Request request = this.request;
			this.request = null;
			this.body = BodyState.NONE;
			LocalVoucherifyServer.this.requests.incrementAndGet();
			ByteBuffer out = route(request);
			write(key, out);
		}

		private ByteBuffer route(Request request) {
			String target = request.target();
			int queryStart = target.indexOf('?');
			String path = (queryStart < 0) ? target : target.substring(0, queryStart);
			String query = (queryStart < 0) ? "" : target.substring(queryStart + 1);
			if (path.startsWith("/v1/vouchers/")) {
				String rest = path.substring("/v1/vouchers/".length());
				if (request.method().equals("POST") && rest.equals("importCSV")) {
					LocalVoucherifyServer.this.lastUploadBytes.set(this.bodyBytes);
					LocalVoucherifyServer.this.uploads.incrementAndGet();
					return ByteBuffer.wrap(response(202, "Accepted",
							("{\"async_action_id\":\"aa_" + this.bodyBytes + "\"}").getBytes(StandardCharsets.UTF_8)));
				}
				if (request.method().equals("GET") && rest.indexOf('/') < 0 && !rest.isEmpty()) {
					this.voucherOut.clear();
					return this.voucherOut;
				}
				if (request.method().equals("GET") && rest.endsWith("/transactions")) {
					return ByteBuffer.wrap(
							response(200, "OK", TransactionPagesFixture.page(query).getBytes(StandardCharsets.UTF_8)));
				}
			}
			return ByteBuffer.wrap(response(404, "Not Found",
					"{\"code\":404,\"key\":\"not_found\",\"message\":\"Not found\"}".getBytes(StandardCharsets.UTF_8)));
		}

		private void write(SelectionKey key, ByteBuffer out) throws IOException {
			this.channel.write(out);
			if (out.hasRemaining()) {
				this.pending = out;
				key.interestOps(SelectionKey.OP_WRITE);
				return;
			}
			finishWrite(key);
		}

		void writePending(SelectionKey key) throws IOException {
			if (this.pending == null) {
				key.interestOps(SelectionKey.OP_READ);
				return;
			}
			this.channel.write(this.pending);
			if (this.pending.hasRemaining()) {
				return;
			}
			this.pending = null;
			key.interestOps(SelectionKey.OP_READ);
			finishWrite(key);
			// Requests that arrived while the answer was being written.
			this.in.flip();
			try {
				process(key);
			}
			finally {
				this.in.compact();
			}
		}

		private void finishWrite(SelectionKey key) {
			if (this.closeAfterWrite) {
				closeQuietly(key);
			}
		}

	}

	private static int indexOf(ByteBuffer buffer, byte[] pattern) {
		byte[] array = buffer.array();
		int limit = buffer.limit() - pattern.length;
		outer: for (int i = buffer.position(); i <= limit; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (array[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	private enum BodyState {

		NONE, FIXED, CHUNK_SIZE, CHUNK_DATA, CHUNK_END, TRAILERS, DONE

	}

	private record Request(String method, String target) {

	}

}
