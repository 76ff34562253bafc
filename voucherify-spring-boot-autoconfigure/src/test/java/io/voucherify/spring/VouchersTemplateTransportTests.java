package io.voucherify.spring;

import java.io.IOException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.voucherify.spring.exception.VoucherifyTransportException;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.HttpComponentsClientHttpRequestFactory;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.web.client.RestClient;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * The transport of a template built without Boot: Apache HttpClient 5 when present (the
 * starter brings it), pooled, built on the first call and closed with the template.
 */
class VouchersTemplateTransportTests {

	@RegisterExtension
	static final WireMockExtension wireMock = WireMockExtension.newInstance()
		.options(wireMockConfig().dynamicPort())
		.build();

	@BeforeEach
	void stubGiftCard() {
		wireMock
			.stubFor(get("/v1/vouchers/GIFT-1").willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
	}

	private VouchersTemplate.Builder builder() {
		return VouchersTemplate.builder().appId("app").secretKey("secret").baseUrl(wireMock.baseUrl());
	}

	@Test
	void defaultTransportIsApacheHttpClientWithAPoolOfFifty() {
		try (VouchersTemplate vouchers = builder().build()) {
			vouchers.getVoucher("GIFT-1");

			assertThat(built(vouchers, "standard")).isInstanceOf(HttpComponentsClientHttpRequestFactory.class);
			assertThat(pool(vouchers).getMaxTotal()).isEqualTo(VouchersTemplate.DEFAULT_MAX_CONNECTIONS).isEqualTo(50);
			assertThat(pool(vouchers).getDefaultMaxPerRoute()).isEqualTo(50);
		}
	}

	@Test
	void restClientIsBuiltOnTheFirstCallNotWithTheTemplate() {
		try (VouchersTemplate vouchers = builder().build()) {
			Object calls = ReflectionTestUtils.getField(vouchers, "calls");
			assertThat(ReflectionTestUtils.getField(calls, "singletonInstance")).isNull();

			vouchers.getVoucher("GIFT-1");

			assertThat(ReflectionTestUtils.getField(calls, "singletonInstance")).isNotNull();
		}
	}

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
	void aSuppliedBuilderIsAskedForOnceWhenTheTemplateIsBuilt() {
		AtomicInteger supplied = new AtomicInteger();
		VouchersTemplate.Builder templateBuilder = builder().restClientBuilder(() -> {
			supplied.incrementAndGet();
			return RestClient.builder().defaultHeader("X-Supplied", "yes");
		});
		try (VouchersTemplate vouchers = templateBuilder.build()) {
			assertThat(supplied).hasValue(1);

			vouchers.getVoucher("GIFT-1");
			vouchers.getVoucher("GIFT-1");

			assertThat(supplied).hasValue(1);
			wireMock.verify(2,
					getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-Supplied", equalTo("yes"))
						.withHeader("X-App-Token", equalTo("secret")));
		}
	}

	@Test
	void aFailingBuilderSupplierFailsTheBuild() {
		VouchersTemplate.Builder templateBuilder = builder().restClientBuilder(() -> {
			throw new IllegalStateException("no builder today");
		});

		assertThatIllegalStateException().isThrownBy(templateBuilder::build).withMessage("no builder today");
	}

	@Test
	void theLastBuilderGivenWins() {
		RestClient.Builder handedIn = RestClient.builder().defaultHeader("X-From", "handed-in");
		VouchersTemplate.Builder templateBuilder = builder()
			.restClientBuilder(() -> RestClient.builder().defaultHeader("X-From", "supplier"))
			.restClientBuilder(handedIn);
		try (VouchersTemplate vouchers = templateBuilder.build()) {
			vouchers.getVoucher("GIFT-1");

			wireMock
				.verify(getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")).withHeader("X-From", equalTo("handed-in")));
		}
	}

	@Test
	void aHeaderSetByACustomizerReplacesTheTemplatesHeaderOfThatName() {
		VouchersTemplate.Builder templateBuilder = builder()
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
		VouchersTemplate.Builder builder = builder().customizer((restClientBuilder) -> {
			throw new IllegalStateException("customizer failed");
		});

		assertThatIllegalStateException().isThrownBy(builder::build).withMessage("customizer failed");
	}

	@Test
	void maxConnectionsSizesTheDefaultPool() {
		try (VouchersTemplate vouchers = builder().maxConnections(3).build()) {
			vouchers.getVoucher("GIFT-1");

			assertThat(pool(vouchers).getMaxTotal()).isEqualTo(3);
			assertThat(pool(vouchers).getDefaultMaxPerRoute()).isEqualTo(3);
		}
	}

	@Test
	void maxConnectionsBelowOneIsRejected() {
		assertThatIllegalArgumentException().isThrownBy(() -> builder().maxConnections(0))
			.withMessage("maxConnections must be at least 1, was 0");
	}

	@Test
	void defaultTransportIsBuiltOnTheFirstCall() {
		try (VouchersTemplate vouchers = builder().build()) {
			assertThat(built(vouchers, "standard")).isNull();

			vouchers.getVoucher("GIFT-1");

			assertThat(built(vouchers, "standard")).isNotNull();
			assertThat(built(vouchers, "bulk")).as("the bulk client, not used yet").isNull();
		}
	}

	@Test
	void standardAndBulkOperationsShareOnePool() {
		try (VouchersTemplate vouchers = builder().build()) {
			vouchers.getVoucher("GIFT-1");
			Object standardClient = ReflectionTestUtils.getField(built(vouchers, "standard"), "httpClient");
			VoucherifyClientHttpRequestFactory transport = transport(vouchers);
			ClientHttpRequestFactory bulk = (ClientHttpRequestFactory) ReflectionTestUtils
				.invokeMethod(ReflectionTestUtils.getField(transport, "bulk"), "get");

			assertThat(ReflectionTestUtils.getField(bulk, "httpClient")).isSameAs(standardClient);
		}
	}

	@Test
	void closeClosesTheDefaultTransport() {
		VouchersTemplate vouchers = builder().build();
		vouchers.getVoucher("GIFT-1");
		PoolingHttpClientConnectionManager pool = pool(vouchers);

		vouchers.close();

		assertThat(pool.isClosed()).isTrue();
	}

	@Test
	void closeBeforeAnyCallBuildsNoHttpClient() {
		VouchersTemplate vouchers = builder().build();

		vouchers.close();

		assertThat(built(vouchers, "standard")).isNull();
		assertThat(built(vouchers, "bulk")).isNull();
	}

	@Test
	void callsAfterCloseFailAndBuildNoHttpClient() {
		VouchersTemplate vouchers = builder().retry(VoucherifyRetrySettings.disabled()).build();
		vouchers.close();

		assertThatExceptionOfType(VoucherifyTransportException.class).isThrownBy(() -> vouchers.getVoucher("GIFT-1"))
			.withRootCauseInstanceOf(IOException.class);
		assertThat(built(vouchers, "standard")).isNull();
		wireMock.verify(0, getRequestedFor(urlEqualTo("/v1/vouchers/GIFT-1")));
	}

	@Test
	void closeClosesWhatTheBuilderWasToldToRelease() {
		AtomicBoolean closed = new AtomicBoolean();
		VouchersTemplate vouchers = builder().releaseOnClose(() -> closed.set(true)).build();

		vouchers.close();

		assertThat(closed).isTrue();
	}

	private static VoucherifyClientHttpRequestFactory transport(VouchersTemplate vouchers) {
		Object restClient = vouchers.restClient();
		return (VoucherifyClientHttpRequestFactory) ReflectionTestUtils.getField(restClient, "clientRequestFactory");
	}

	private static @Nullable ClientHttpRequestFactory built(VouchersTemplate vouchers, String which) {
		return (ClientHttpRequestFactory) ReflectionTestUtils
			.getField(ReflectionTestUtils.getField(transport(vouchers), which), "created");
	}

	private static PoolingHttpClientConnectionManager pool(VouchersTemplate vouchers) {
		Object httpClient = ReflectionTestUtils.getField(built(vouchers, "standard"), "httpClient");
		return (PoolingHttpClientConnectionManager) ReflectionTestUtils.getField(httpClient, "connManager");
	}

}
