package io.voucherify.spring;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPOutputStream;

/**
 * A loopback HTTP/1.1 server that answers as badly as it is told, byte by byte on a raw
 * socket: never, slowly, endlessly, hugely, with a gzip bomb or a redirect. It records
 * every request it reads and counts the bytes it manages to write, so that a test can
 * tell a connection the client discarded from one it drained. One request a connection.
 */
final class HostileServer implements AutoCloseable {

	private final ServerSocket serverSocket;

	private final Answer answer;

	private final ExecutorService threads = Executors.newCachedThreadPool((task) -> {
		Thread thread = new Thread(task, "hostile-server");
		thread.setDaemon(true);
		return thread;
	});

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicLong bytesWritten = new AtomicLong();

	private final AtomicInteger active = new AtomicInteger();

	private final AtomicInteger mostActive = new AtomicInteger();

	private final CountDownLatch closed = new CountDownLatch(1);

	private HostileServer(String host, Answer answer) throws IOException {
		this.serverSocket = new ServerSocket();
		this.serverSocket.bind(new InetSocketAddress(InetAddress.getByName(host), 0));
		this.answer = answer;
		this.threads.execute(this::accept);
	}

	/** Start a server on {@code 127.0.0.1}. */
	static HostileServer start(Answer answer) {
		return start("127.0.0.1", answer);
	}

	/** Start a server on another loopback address, such as {@code 127.0.0.2}. */
	static HostileServer start(String host, Answer answer) {
		try {
			return new HostileServer(host, answer);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	String baseUrl() {
		return "http://" + this.serverSocket.getInetAddress().getHostAddress() + ":" + this.serverSocket.getLocalPort();
	}

	List<Request> requests() {
		return this.requests;
	}

	/** The most exchanges the server held at once (see {@link Exchange#hold}). */
	int mostConcurrentExchanges() {
		return this.mostActive.get();
	}

	/** What the server managed to write before the client stopped reading. */
	long bytesWritten() {
		return this.bytesWritten.get();
	}

	@Override
	public void close() {
		this.closed.countDown();
		try {
			this.serverSocket.close();
		}
		catch (IOException ex) {
			// closing anyway
		}
		this.threads.shutdownNow();
	}

	private void accept() {
		while (!this.serverSocket.isClosed()) {
			try {
				Socket socket = this.serverSocket.accept();
				this.threads.execute(() -> serve(socket));
			}
			catch (IOException ex) {
				return;
			}
		}
	}

	private void serve(Socket socket) {
		try (socket) {
			InputStream in = new BufferedInputStream(socket.getInputStream());
			Request request = readRequest(in);
			this.requests.add(request);
			this.answer.write(new Exchange(this, request, in, new CountingOutput(socket.getOutputStream())));
		}
		catch (IOException | InterruptedException ex) {
			// the client went away: what a hostile server hopes for
		}
	}

	private static Request readRequest(InputStream in) throws IOException {
		String[] requestLine = readLine(in).split(" ");
		Map<String, String> headers = new LinkedHashMap<>();
		for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
			int colon = line.indexOf(':');
			headers.put(line.substring(0, colon).strip().toLowerCase(Locale.ROOT), line.substring(colon + 1).strip());
		}
		if (headers.containsKey("content-length")) {
			in.readNBytes(Integer.parseInt(headers.get("content-length")));
		}
		else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
			for (int size = Integer.parseInt(readLine(in).strip(), 16); size > 0; size = Integer
				.parseInt(readLine(in).strip(), 16)) {
				in.readNBytes(size + 2);
			}
			readLine(in);
		}
		return new Request(requestLine[0], requestLine[1], headers);
	}

	private static String readLine(InputStream in) throws IOException {
		ByteArrayOutputStream line = new ByteArrayOutputStream();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			if (b == -1) {
				throw new IOException("Request ended early");
			}
			if (b != '\r') {
				line.write(b);
			}
		}
		return line.toString(StandardCharsets.ISO_8859_1);
	}

	/** A request as the server read it; header names in lower case. */
	record Request(String method, String path, Map<String, String> headers) {
	}

	/** How the server answers a request. */
	@FunctionalInterface
	interface Answer {

		void write(Exchange exchange) throws IOException, InterruptedException;

		/** Read the request, then wait until the server closes. */
		static Answer never() {
			return (exchange) -> exchange.server.closed.await();
		}

		/**
		 * Headers for a body of {@code length} bytes, then one byte every {@code pause}.
		 */
		static Answer drip(int status, int length, Duration pause) {
			return (exchange) -> {
				exchange.head(status, "application/json", "Content-Length: " + length);
				for (int i = 0; i < length; i++) {
					exchange.out.write(' ');
					exchange.out.flush();
					Thread.sleep(pause.toMillis());
				}
			};
		}

		/** A chunked body that never ends, written as fast as the client reads it. */
		static Answer endless(int status) {
			return (exchange) -> {
				exchange.head(status, "application/json", "Transfer-Encoding: chunked");
				byte[] chunk = chunk(" ".repeat(8192).getBytes(StandardCharsets.US_ASCII));
				while (true) {
					exchange.out.write(chunk);
				}
			};
		}

		/**
		 * A JSON body of {@code size} bytes whose {@code prefix} opens a string that the
		 * rest fills, with a Content-Length or chunked.
		 */
		static Answer huge(int status, String prefix, long size, boolean contentLength) {
			return (exchange) -> {
				byte[] opening = prefix.getBytes(StandardCharsets.UTF_8);
				byte[] filler = "a".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
				if (contentLength) {
					exchange.head(status, "application/json", "Content-Length: " + size);
					exchange.out.write(opening);
					for (long left = size - opening.length; left > 0; left -= filler.length) {
						exchange.out.write(filler, 0, (int) Math.min(left, filler.length));
					}
				}
				else {
					exchange.head(status, "application/json", "Transfer-Encoding: chunked");
					exchange.out.write(chunk(opening));
					byte[] chunk = chunk(filler);
					for (long left = size - opening.length; left > 0; left -= filler.length) {
						exchange.out.write(chunk);
					}
					exchange.out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
				}
			};
		}

		/**
		 * A gzip-encoded JSON body of {@code inflatedSize} bytes, a few MB on the wire:
		 * gzip members of spaces, one after another, as gzip allows.
		 */
		static Answer gzipBomb(long inflatedSize) {
			return (exchange) -> {
				int memberSize = 16 * 1024 * 1024;
				byte[] member = gzip(new byte[0], memberSize);
				byte[] first = gzip("{\"code\":\"".getBytes(StandardCharsets.US_ASCII), memberSize);
				exchange.head(200, "application/json", "Content-Encoding: gzip", "Transfer-Encoding: chunked");
				exchange.out.write(chunk(first));
				byte[] chunk = chunk(member);
				for (long inflated = memberSize; inflated < inflatedSize; inflated += memberSize) {
					exchange.out.write(chunk);
				}
				exchange.out.write("0\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
			};
		}

		/** A JSON answer after {@code delay}. */
		static Answer slowly(Duration delay, String json) {
			return (exchange) -> {
				exchange.hold(delay);
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.head(200, "application/json", "Content-Length: " + body.length);
				exchange.out.write(body);
			};
		}

		/**
		 * A JSON answer on a connection kept alive, then wait until the client closes it,
		 * counting that down.
		 */
		static Answer keepAlive(String json, CountDownLatch closedByClient) {
			return (exchange) -> {
				byte[] body = json.getBytes(StandardCharsets.UTF_8);
				exchange.out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
						+ body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));
				exchange.out.write(body);
				exchange.out.flush();
				if (exchange.in.read() == -1) {
					closedByClient.countDown();
				}
			};
		}

		/** A redirect to {@code location}. */
		static Answer redirect(int status, String location) {
			return (exchange) -> exchange.head(status, "application/json", "Location: " + location,
					"Content-Length: 0");
		}

		private static byte[] chunk(byte[] data) {
			ByteArrayOutputStream chunk = new ByteArrayOutputStream(data.length + 16);
			chunk.writeBytes((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
			chunk.writeBytes(data);
			chunk.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
			return chunk.toByteArray();
		}

		private static byte[] gzip(byte[] prefix, int spaces) throws IOException {
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
				gzip.write(prefix);
				byte[] blank = " ".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
				for (int written = prefix.length; written < spaces; written += blank.length) {
					gzip.write(blank);
				}
			}
			return bytes.toByteArray();
		}

	}

	/** One request and the means to answer it. */
	static final class Exchange {

		final Request request;

		final InputStream in;

		final OutputStream out;

		private final HostileServer server;

		Exchange(HostileServer server, Request request, InputStream in, OutputStream out) {
			this.server = server;
			this.request = request;
			this.in = in;
			this.out = out;
		}

		/**
		 * Wait before answering, counted as held: only while held are exchanges counted
		 * as concurrent, so that a connection the client has already been answered on
		 * never counts while the server is still closing it.
		 */
		void hold(Duration delay) throws InterruptedException {
			this.server.mostActive.accumulateAndGet(this.server.active.incrementAndGet(), Math::max);
			try {
				Thread.sleep(delay.toMillis());
			}
			finally {
				this.server.active.decrementAndGet();
			}
		}

		void head(int status, String contentType, String... headers) throws IOException {
			StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\n");
			head.append("Content-Type: ").append(contentType).append("\r\n");
			head.append("Connection: close\r\n");
			for (String header : headers) {
				head.append(header).append("\r\n");
			}
			this.out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
			this.out.flush();
		}

	}

	private final class CountingOutput extends OutputStream {

		private final OutputStream out;

		CountingOutput(OutputStream out) {
			this.out = out;
		}

		@Override
		public void write(int b) throws IOException {
			this.out.write(b);
			HostileServer.this.bytesWritten.incrementAndGet();
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			this.out.write(bytes, offset, length);
			HostileServer.this.bytesWritten.addAndGet(length);
		}

		@Override
		public void flush() throws IOException {
			this.out.flush();
		}

	}

}
