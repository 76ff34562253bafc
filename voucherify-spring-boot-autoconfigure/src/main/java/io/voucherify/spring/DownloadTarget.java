package io.voucherify.spring;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * Where a download goes: the caller's stream, counted, because whether anything has
 * reached it decides whether a failed attempt may be retried. The caller's stream is
 * never closed here.
 */
final class DownloadTarget extends FilterOutputStream {

	private long count;

	DownloadTarget(OutputStream target) {
		super(target);
	}

	/**
	 * The bytes written so far.
	 * @return the count
	 */
	long count() {
		return this.count;
	}

	@Override
	public void write(int b) {
		write(new byte[] { (byte) b }, 0, 1);
	}

	@Override
	public void write(byte[] b, int off, int len) {
		try {
			this.out.write(b, off, len);
		}
		catch (IOException ex) {
			throw new TargetWriteException(ex);
		}
		this.count += len;
	}

	@Override
	public void close() {
		// The caller's stream: closing it is the caller's business.
	}

	/**
	 * The target could not be written: the caller's problem, not a transport failure.
	 * Unchecked, so that Spring does not take it for an I/O failure of the exchange: it
	 * reaches the caller as it is, and no retry policy retries it.
	 */
	static final class TargetWriteException extends UncheckedIOException {

		private static final long serialVersionUID = 1L;

		TargetWriteException(IOException cause) {
			super("Could not write the download to its target: " + cause.getMessage(), cause);
		}

	}

}
