package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;

/**
 * A response body read into memory: at most {@code maxBytes} bytes, counted as the client
 * reads them (after any decompression), so that no answer, not even a compressed one, can
 * exhaust the heap. Knows whether it was read to its end; closing it only marks it
 * closed, as the caller decides whether its connection is reused or discarded.
 */
final class BoundedBody extends InputStream {

	private final InputStream body;

	private final long maxBytes;

	private final byte[] single = new byte[1];

	private long count;

	private boolean atEnd;

	BoundedBody(InputStream body, long maxBytes) {
		this.body = body;
		this.maxBytes = maxBytes;
	}

	@Override
	public int read() throws IOException {
		return (read(this.single, 0, 1) == -1) ? -1 : (this.single[0] & 0xFF);
	}

	@Override
	public int read(byte[] buffer, int offset, int length) throws IOException {
		if (length == 0) {
			return 0;
		}
		// One byte more than allowed tells a body at the limit from one over it.
		long allowed = this.maxBytes + 1 - this.count;
		int read = this.body.read(buffer, offset, (int) Math.min(length, allowed));
		if (read == -1) {
			this.atEnd = true;
			return -1;
		}
		this.count += read;
		if (this.count > this.maxBytes) {
			throw new TooLargeException(this.maxBytes);
		}
		return read;
	}

	/**
	 * Read what is left, up to the limit, so that the connection can be reused.
	 */
	void skipToEnd() throws IOException {
		if (read() == -1) {
			// Nearly always: the parser has read the whole body.
			return;
		}
		byte[] buffer = new byte[4096];
		while (read(buffer, 0, buffer.length) != -1) {
			// discard
		}
	}

	/** Whether the body was read to its end. */
	boolean atEnd() {
		return this.atEnd;
	}

	@Override
	public void close() {
	}

	/** The body is larger than the client reads into memory. */
	static final class TooLargeException extends IOException {

		private static final long serialVersionUID = 1L;

		TooLargeException(long maxBytes) {
			super("The response body is larger than " + maxBytes + " bytes");
		}

	}

}
