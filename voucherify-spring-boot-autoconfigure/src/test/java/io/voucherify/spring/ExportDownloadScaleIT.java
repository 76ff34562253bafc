package io.voucherify.spring;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A 200 MB export downloads in a JVM capped at {@code -Xmx64m} (failsafe's), so the
 * client cannot hold the file in memory, and every byte arrives in order. The server
 * generates the CSV as it writes it and the target only checksums it: nothing holds the
 * file but the client, if it tried.
 */
class ExportDownloadScaleIT {

	private static final long HEAP_CAP = 80L * 1024 * 1024;

	private static final long FILE_SIZE = 200L * 1024 * 1024;

	private static final String EXPORT_ID = "exp_ARi2UbRjgfrHQJoVcKFrBUgA";

	@Test
	@Timeout(120)
	void a200MegabyteExportStreamsToItsTarget() {
		assertThat(Runtime.getRuntime().maxMemory()).as("max heap: run by failsafe with -Xmx64m").isLessThan(HEAP_CAP);
		byte[] line = "vtx_0c5a6c5b8ae0b2d2d3,CREDITS_ADDITION,,,12000,2000,2023-05-16T08:30:21.496Z\n"
			.getBytes(StandardCharsets.US_ASCII);
		CRC32 sent = new CRC32();
		for (long written = 0; written < FILE_SIZE; written += line.length) {
			sent.update(line);
		}
		long size = (FILE_SIZE + line.length - 1) / line.length * line.length;
		try (HostileServer server = HostileServer.start((exchange) -> {
			if (!exchange.request.path().contains("token=")) {
				String host = exchange.request.headers().get("host");
				byte[] json = ExportsTests.doneExport("http://" + host).getBytes(StandardCharsets.UTF_8);
				exchange.head(200, "application/json", "Content-Length: " + json.length);
				exchange.out.write(json);
				return;
			}
			exchange.head(200, "text/plain; charset=utf-8", "Content-Length: " + size);
			byte[] block = new byte[line.length * 1024];
			for (int i = 0; i < 1024; i++) {
				System.arraycopy(line, 0, block, i * line.length, line.length);
			}
			long left = size;
			for (; left >= block.length; left -= block.length) {
				exchange.out.write(block);
			}
			for (; left > 0; left -= line.length) {
				exchange.out.write(line);
			}
			exchange.out.flush();
		})) {
			VouchersTemplate vouchers = TestClients.builder(server.baseUrl()).build();
			CrcOutputStream target = new CrcOutputStream();

			long bytes = vouchers.downloadExport(EXPORT_ID, target);

			assertThat(bytes).isEqualTo(size).isGreaterThanOrEqualTo(FILE_SIZE);
			assertThat(target.count).isEqualTo(size);
			assertThat(target.crc.getValue()).isEqualTo(sent.getValue());
		}
	}

	/** Checksums what it is given and keeps none of it. */
	private static final class CrcOutputStream extends OutputStream {

		private final CRC32 crc = new CRC32();

		private long count;

		@Override
		public void write(int b) {
			this.crc.update(b);
			this.count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			this.crc.update(b, off, len);
			this.count += len;
		}

	}

}
