package io.voucherify.spring;

import java.util.stream.Stream;

import io.voucherify.spring.HostileServer.Answer;
import io.voucherify.spring.Transport.Settings;
import io.voucherify.spring.exception.VoucherifyRedirectException;
import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The secret key never follows a redirect: Voucherify's API does not redirect its calls,
 * so on every transport a 3xx ends the call with a {@link VoucherifyRedirectException}
 * naming the status and the host, and the other host hears nothing.
 */
@Timeout(30)
class RedirectTests {

	static Stream<Arguments> transportsAndStatuses() {
		return Stream.of(Transport.values())
			.flatMap(
					(transport) -> Stream.of(301, 302, 303, 307, 308).map((status) -> Arguments.of(transport, status)));
	}

	@ParameterizedTest(name = "{0} {1}")
	@MethodSource("transportsAndStatuses")
	void aRedirectOfAGetIsNotFollowed(Transport transport, int status) {
		try (HostileServer elsewhere = HostileServer.start("127.0.0.2", Answer.never());
				HostileServer voucherify = HostileServer
					.start(Answer.redirect(status, elsewhere.baseUrl() + "/v1/vouchers/GIFT-1"))) {
			transport.run(voucherify.baseUrl(), Settings.defaults(), (vouchers) -> {
				VoucherifyRedirectException redirect = catchThrowableOfType(VoucherifyRedirectException.class,
						() -> vouchers.getVoucher("GIFT-1"));

				assertThat(redirect.getStatusCode()).isEqualTo(status);
				assertThat(redirect.getLocationHost()).isEqualTo("127.0.0.2");
				assertThat(redirect).hasMessageContaining(Integer.toString(status))
					.hasMessageContaining("127.0.0.2")
					.hasMessageNotContaining("GIFT-1")
					.hasMessageNotContaining(Transport.SECRET_KEY);
			});

			assertThat(voucherify.requests()).singleElement()
				.satisfies((request) -> assertThat(request.path()).isEqualTo("/v1/vouchers/GIFT-1"));
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aTemporaryRedirectOfABalanceChangeIsNotReplayedElsewhere(Transport transport) {
		try (HostileServer elsewhere = HostileServer.start("127.0.0.2", Answer.never());
				HostileServer voucherify = HostileServer
					.start(Answer.redirect(307, elsewhere.baseUrl() + "/v1/vouchers/GIFT-1/balance"))) {
			transport.run(voucherify.baseUrl(), Settings.defaults(), (vouchers) -> {
				VoucherifyRedirectException redirect = catchThrowableOfType(VoucherifyRedirectException.class,
						() -> vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1000)));

				assertThat(redirect.getStatusCode()).isEqualTo(307);
			});

			assertThat(voucherify.requests()).singleElement()
				.satisfies((request) -> assertThat(request.method()).isEqualTo("POST"));
			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(value = Transport.class, names = { "BOOT_APACHE", "BOOT_JDK" })
	void theApplicationsRedirectSettingDoesNotApplyToVoucherify(Transport transport) {
		try (HostileServer elsewhere = HostileServer.start("127.0.0.2", Answer.never());
				HostileServer voucherify = HostileServer
					.start(Answer.redirect(302, elsewhere.baseUrl() + "/v1/vouchers/GIFT-1"))) {
			transport.run(voucherify.baseUrl(),
					Settings.defaults().bootProperty("spring.http.clients.redirects=follow"),
					(vouchers) -> assertThat(catchThrowableOfType(VoucherifyRedirectException.class,
							() -> vouchers.getVoucher("GIFT-1")))
						.isNotNull());

			assertThat(elsewhere.requests()).isEmpty();
		}
	}

	@ParameterizedTest
	@EnumSource(Transport.class)
	void aRedirectWithoutLocationNamesNoHost(Transport transport) {
		try (HostileServer voucherify = HostileServer.start((exchange) -> exchange.head(302, "text/html"))) {
			transport.run(voucherify.baseUrl(), Settings.defaults(), (vouchers) -> {
				VoucherifyRedirectException redirect = catchThrowableOfType(VoucherifyRedirectException.class,
						() -> vouchers.getVoucher("GIFT-1"));

				assertThat(redirect.getLocationHost()).isNull();
				assertThat(redirect).hasMessageContaining("302");
			});
		}
	}

}
