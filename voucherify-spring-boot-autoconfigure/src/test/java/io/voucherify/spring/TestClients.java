package io.voucherify.spring;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

/**
 * The set-up the client's tests share: a WireMock server on a free port, and a template
 * builder with test credentials for a base URL.
 */
public final class TestClients {

	private TestClients() {
	}

	/** A WireMock server on a free port, speaking HTTP/1.1 as Voucherify does. */
	public static WireMockExtension wireMock() {
		return WireMockExtension.newInstance().options(wireMockConfig().dynamicPort().http2PlainDisabled(true)).build();
	}

	/** A builder with the app id {@code app} and the secret key {@code secret}. */
	public static VouchersTemplateBuilder builder(String baseUrl) {
		return VouchersTemplate.builder().appId("app").secretKey("secret").baseUrl(baseUrl);
	}

}
