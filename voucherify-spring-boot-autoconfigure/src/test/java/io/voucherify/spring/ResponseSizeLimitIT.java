package io.voucherify.spring;

import java.time.Duration;
import java.util.function.Consumer;

import io.voucherify.spring.HostileServer.Answer;
import io.voucherify.spring.Transport.Settings;
import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/**
 * No answer can exhaust memory: in this JVM's 64 MB heap (see the failsafe configuration)
 * a 500 MB voucher, a 500 MB JSON string or a gzip bomb each ends in a
 * {@link VoucherifyInvalidResponseException}, quickly, and the connection is discarded
 * rather than drained: the server gets to write only a fraction of its answer.
 */
@Timeout(60)
class ResponseSizeLimitIT {

	private static final long HALF_A_GIGABYTE = 500L * 1024 * 1024;

	private static final Duration QUICKLY = Duration.ofSeconds(5);

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aHugeVoucherWithItsLengthDeclaredIsRefused(Transport transport) {
		refused(transport, Answer.huge(200, "{\"code\":\"GIFT-1\",\"metadata\":{\"note\":\"", HALF_A_GIGABYTE, true),
				(vouchers) -> vouchers.getVoucher("GIFT-1"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aHugeChunkedVoucherIsRefused(Transport transport) {
		refused(transport, Answer.huge(200, "{\"code\":\"GIFT-1\",\"metadata\":{\"note\":\"", HALF_A_GIGABYTE, false),
				(vouchers) -> vouchers.getVoucher("GIFT-1"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aHugeJsonStringForAVoucherIsRefused(Transport transport) {
		refused(transport, Answer.huge(200, "\"", HALF_A_GIGABYTE, false), (vouchers) -> vouchers.getVoucher("GIFT-1"));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aHugeJsonStringForABalanceChangeIsRefusedWithTheDocumentedException(Transport transport) {
		refused(transport, Answer.huge(200, "\"", HALF_A_GIGABYTE, false),
				(vouchers) -> vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1000)));
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aGzipBombIsRefused(Transport transport) {
		refused(transport, Answer.gzipBomb(2L * 1024 * 1024 * 1024), (vouchers) -> vouchers.getVoucher("GIFT-1"));
	}

	private void refused(Transport transport, Answer answer, Consumer<VouchersOperations> call) {
		try (HostileServer server = HostileServer.start(answer)) {
			transport.run(server.baseUrl(), Settings.defaults(), (vouchers) -> {
				long start = System.nanoTime();
				Throwable failure = catchThrowable(() -> call.accept(vouchers));

				assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(QUICKLY);
				assertThat(failure).isInstanceOf(VoucherifyInvalidResponseException.class);
			});
			assertThat(server.requests()).hasSize(1);
			assertThat(server.bytesWritten()).isLessThan(HALF_A_GIGABYTE / 5);
		}
	}

}
