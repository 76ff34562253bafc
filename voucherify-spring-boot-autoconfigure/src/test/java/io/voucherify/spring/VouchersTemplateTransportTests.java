package io.voucherify.spring;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The transport of a template built without Boot, as the server sees it: Apache
 * HttpClient 5 when present (the starter brings it), closed with the template; a
 * RestClient builder handed in is copied; the template's headers and a customizer's. The
 * pool is in {@link ConnectionPoolTests}.
 */
@Timeout(60)
class VouchersTemplateTransportTests {

	private static final String GIFT_CARD = Examples.read("get-voucher-200-gift-card.json");

	@RegisterExtension
	static final WireMockExtension wireMock = TestClients.wireMock();

	@BeforeEach
	void stubGiftCard() {
		wireMock.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(GIFT_CARD)));
	}

	private VouchersTemplateBuilder builder() {
		return TestClients.builder(wireMock.baseUrl());
	}

	@Test
	void theDefaultTransportIsApacheHttpClient() {
		try (VouchersTemplate vouchers = builder().build()) {
			vouchers.getVoucher("GIFT-1");

			// Apache HttpClient 5 asks for compressed answers, x-gzip among them; the JDK
			// client does not. Not the whole header: Boot 4.0's httpclient5 5.5 sends
			// "gzip, x-gzip, deflate", Boot 4.1's 5.6 "gzip, deflate, x-gzip".
			wireMock.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("Accept-Encoding",
					containing("x-gzip")));
		}
	}

	@Test
	void maxConnectionsBelowOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().maxConnections(0).build())
			.withMessage("maxConnections must be at least 1, was 0");
	}

	@Test
	void callsAfterCloseFailAndSendNothing() {
		VouchersTemplate vouchers = builder().retry(VoucherifyRetrySettings.disabled()).build();
		vouchers.close();

		assertThatExceptionOfType(VoucherifyTransportException.class).isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
			.withRootCauseInstanceOf(IOException.class);
		wireMock.verify(0, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")));
	}

	@Test
	void closeClosesWhatTheBuilderWasToldToRelease() {
		AtomicBoolean closed = new AtomicBoolean();
		VouchersTemplate vouchers = builder().releaseOnClose(() -> closed.set(true)).build();

		vouchers.close();

		assertThat(closed).isTrue();
	}

	// A RestClient builder handed in

	@Test
	void changesToAHandedInBuilderAfterBuildDoNotReachTheClient() {
		RestClient.Builder restClientBuilder = RestClient.builder();
		try (VouchersTemplate vouchers = builder().restClientBuilder(restClientBuilder).build()) {
			restClientBuilder.defaultHeader("X-Added-Later", "yes");

			vouchers.getVoucher("GIFT-1");

			wireMock.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withoutHeader("X-Added-Later"));
		}
	}

	@Test
	void aHandedInBuilderIsLeftAsItWas() {
		RestClient.Builder restClientBuilder = RestClient.builder().baseUrl(wireMock.baseUrl());
		try (VouchersTemplate vouchers = builder().restClientBuilder(restClientBuilder).build()) {
			vouchers.getVoucher("GIFT-1");

			restClientBuilder.build().get().uri("/v1/vouchers/GIFT-1").retrieve().toBodilessEntity();

			wireMock.verify(1,
					getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-App-Token", equalTo("secret")));
			wireMock.verify(1, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withoutHeader("X-App-Token"));
		}
	}

	@Test
	void headerValuesAddedLaterToAHandedInBuilderDoNotReachTheClient() {
		RestClient.Builder restClientBuilder = RestClient.builder()
			.defaultHeaders((headers) -> headers.add("X-Shared", "before"));
		try (VouchersTemplate vouchers = builder().restClientBuilder(restClientBuilder).build()) {
			restClientBuilder.defaultHeaders((headers) -> headers.add("X-Shared", "later"));

			vouchers.getVoucher("GIFT-1");

			LoggedRequest request = wireMock.findAll(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1"))).get(0);
			assertThat(request.header("X-Shared").values()).containsExactly("before");
		}
	}

	@Test
	void cookieValuesAddedLaterToAHandedInBuilderDoNotReachTheClient() {
		RestClient.Builder restClientBuilder = RestClient.builder().defaultCookie("shared", "before");
		try (VouchersTemplate vouchers = builder().restClientBuilder(restClientBuilder).build()) {
			restClientBuilder.defaultCookies((cookies) -> cookies.add("shared", "later"));

			vouchers.getVoucher("GIFT-1");

			wireMock.verify(
					getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("Cookie", equalTo("shared=before")));
		}
	}

	@Test
	void theLastBuilderGivenWins() {
		VouchersTemplateBuilder templateBuilder = builder()
			.restClientBuilder(RestClient.builder().defaultHeader("X-From", "first"))
			.restClientBuilder(RestClient.builder().defaultHeader("X-From", "second"));
		try (VouchersTemplate vouchers = templateBuilder.build()) {
			vouchers.getVoucher("GIFT-1");

			wireMock.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-From", equalTo("second")));
		}
	}

	@Test
	void aHeaderOfTheHandedInBuilderIsKeptOverTheTemplatesHeaderOfThatName() {
		try (VouchersTemplate vouchers = builder()
			.restClientBuilder(RestClient.builder().defaultHeader("User-Agent", "shop/1.0"))
			.build()) {
			vouchers.getVoucher("GIFT-1");

			LoggedRequest request = wireMock.findAll(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1"))).get(0);
			assertThat(request.header("User-Agent").values()).containsExactly("shop/1.0");
			assertThat(request.header("X-App-Token").values()).containsExactly("secret");
		}
	}

	// Customizers

	@Test
	void aHeaderSetByACustomizerReplacesTheTemplatesHeaderOfThatName() {
		VouchersTemplateBuilder templateBuilder = builder()
			.customizer((restClientBuilder) -> restClientBuilder.defaultHeader("X-Voucherify-Channel", "pos")
				.defaultHeader("User-Agent", "shop/1.0"));
		try (VouchersTemplate vouchers = templateBuilder.build()) {
			vouchers.getVoucher("GIFT-1");

			LoggedRequest request = wireMock.findAll(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1"))).get(0);
			assertThat(request.header("X-Voucherify-Channel").values()).containsExactly("pos");
			assertThat(request.header("User-Agent").values()).containsExactly("shop/1.0");
			assertThat(request.header("X-App-Id").values()).containsExactly("app");
			assertThat(request.header("Accept").values()).containsExactly("application/json");
		}
	}

	@Test
	void customizersRunOnceWhenTheTemplateIsBuilt() {
		AtomicInteger runs = new AtomicInteger();
		try (VouchersTemplate vouchers = builder().customizer((restClientBuilder) -> runs.incrementAndGet()).build()) {
			assertThat(runs).as("after build()").hasValue(1);

			vouchers.getVoucher("GIFT-1");
			vouchers.getVoucher("GIFT-1");

			assertThat(runs).as("after two calls").hasValue(1);
		}
	}

	@Test
	void aFailingCustomizerFailsTheBuildNotACall() {
		VouchersTemplateBuilder builder = builder().customizer((restClientBuilder) -> {
			throw new IllegalStateException("customizer failed");
		});

		assertThatIllegalStateException().isThrownBy(builder::build).withMessage("customizer failed");
	}

}
