package io.voucherify.spring;

import java.net.URI;

import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Which export URLs a download sends its credentials to: Voucherify's hosts over https,
 * the API's own host, and plain http only to an API reached over plain http.
 */
class DownloadUrlsTests {

	private static final URI API = URI.create("https://api.voucherify.io");

	private static final URI LOCAL_API = URI.create("http://localhost:8080");

	@ParameterizedTest
	@ValueSource(strings = { "https://download.voucherify.io/v1/exports/exp_1?token=T",
			"https://us1.download.voucherify.io/v1/exports/exp_1?token=T",
			"https://as1.download.voucherify.io/v1/exports/exp_1?token=T",
			"https://DOWNLOAD.VOUCHERIFY.IO/v1/exports/exp_1?token=T",
			"https://api.voucherify.io/v1/exports/exp_1?token=T" })
	void voucherifysHostsOverHttpsAreTrusted(String url) {
		assertThat(DownloadUrls.trusted(url, API)).isEqualTo(URI.create(url));
	}

	@Test
	void theApisOwnHostIsTrustedWhateverItIs() {
		URI proxy = URI.create("https://voucherify-proxy.example.com/voucherify");

		assertThat(DownloadUrls.trusted("https://voucherify-proxy.example.com/v1/exports/exp_1?token=T", proxy))
			.hasHost("voucherify-proxy.example.com");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://localhost:9090/v1/exports/exp_1?token=T",
			"http://127.0.0.1:9090/v1/exports/exp_1?token=T", "http://[::1]:9090/v1/exports/exp_1?token=T" })
	void plainHttpIsTrustedOnlyToTheLoopbackApisMachine(String url) {
		assertThat(DownloadUrls.trusted(url, LOCAL_API)).isEqualTo(URI.create(url));
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://evil.example.com/v1/exports/exp_1?token=T",
			"https://voucherify.io.evil.example.com/v1/exports/exp_1?token=T",
			"https://evilvoucherify.io/v1/exports/exp_1?token=T",
			"https://api.voucherify.io@evil.example.com/v1/exports/exp_1?token=T",
			"http://download.voucherify.io/v1/exports/exp_1?token=T",
			"http://api.voucherify.io/v1/exports/exp_1?token=T" })
	void otherHostsAndPlainHttpToAnHttpsApiAreRefused(String url) {
		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> DownloadUrls.trusted(url, API))
			.withMessageStartingWith("download_export: the export's result.url ")
			.withMessageNotContaining("token=T");
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://evil.example.com/v1/exports/exp_1?token=T",
			"http://download.voucherify.io/v1/exports/exp_1?token=T" })
	void plainHttpToAnotherHostIsRefusedEvenWhenTheApiIsPlainHttp(String url) {
		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> DownloadUrls.trusted(url, LOCAL_API))
			.withMessageContaining("not one of Voucherify's hosts");
	}

	@ParameterizedTest
	@ValueSource(strings = { "/v1/exports/exp_1?token=T", "ftp://download.voucherify.io/exp_1", "file:///etc/passwd",
			"https:///v1/exports", "https://download.voucherify.io/a b" })
	void whatIsNotAnAbsoluteHttpUrlIsRefused(String url) {
		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> DownloadUrls.trusted(url, API))
			.withMessageStartingWith("download_export: the export's result.url is not");
	}

	@Test
	void theRefusalNamesTheSchemeAndHostButNeverThePathOrToken() {
		assertThatExceptionOfType(VoucherifyInvalidResponseException.class)
			.isThrownBy(() -> DownloadUrls.trusted("https://evil.example.com/secret/path?token=SECRET", API))
			.withMessageContaining("points to https://evil.example.com,")
			.withMessageNotContaining("secret/path")
			.withMessageNotContaining("SECRET");
	}

}
