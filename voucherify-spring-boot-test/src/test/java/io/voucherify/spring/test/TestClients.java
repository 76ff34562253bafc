package io.voucherify.spring.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import io.voucherify.spring.VoucherifyRestClientCustomizer;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.VouchersTemplateBuilder;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.Resource;

/**
 * Clients for the emulator: the project's {@link VouchersTemplate}, and a raw JDK client
 * for requests the template refuses to send (an amount of 0, a limit of 500, a broken
 * escape...) and for reading the background-job answers as the wire carries them.
 */
final class TestClients {

	private static final HttpClient HTTP = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private TestClients() {
	}

	static VouchersTemplate vouchers(VoucherifyEmulator emulator) {
		return builder(emulator).build();
	}

	static VouchersTemplate vouchers(VoucherifyEmulator emulator, VoucherifyRestClientCustomizer customizer) {
		return builder(emulator).customizer(customizer).build();
	}

	static VouchersTemplateBuilder builder(VoucherifyEmulator emulator) {
		return VouchersTemplate.builder()
			.baseUrl(emulator.baseUrl())
			.appId(emulator.appId())
			.secretKey(emulator.secretKey());
	}

	/**
	 * Send a request as is, with the emulator's credentials.
	 * @param rawPathAndQuery the path and query, already encoded
	 */
	static HttpResponse<String> raw(VoucherifyEmulator emulator, String method, String rawPathAndQuery,
			@Nullable String jsonBody) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + rawPathAndQuery))
			.header("X-App-Id", emulator.appId())
			.header("X-App-Token", emulator.secretKey());
		return send(request, method, jsonBody);
	}

	/** {@code GET} a JSON resource of the API host that must exist. */
	static JsonNode getJson(VoucherifyEmulator emulator, String rawPathAndQuery) {
		HttpResponse<String> response = raw(emulator, "GET", rawPathAndQuery, null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException(
					"GET " + rawPathAndQuery + " answered " + response.statusCode() + ": " + response.body());
		}
		return Json.parse(response.body());
	}

	/**
	 * {@code GET} an absolute URL, such as an export's {@code result.url} on the download
	 * host.
	 * @param headers header names and values, alternately
	 */
	static HttpResponse<String> get(String url, String... headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url));
		for (int i = 0; i < headers.length; i += 2) {
			request.header(headers[i], headers[i + 1]);
		}
		return send(request, "GET", null);
	}

	/** Import a CSV through the client and return the async action's id. */
	static String importCsv(VoucherifyEmulator emulator, String csv) {
		return vouchers(emulator).importVouchersUsingCsv(csv(csv)).asyncActionId();
	}

	/** A CSV file to upload. */
	static Resource csv(String content) {
		return new ByteArrayResource(content.getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "vouchers.csv";
			}

		};
	}

	/** Send a request without credentials. */
	static HttpResponse<String> anonymous(VoucherifyEmulator emulator, String method, String rawPathAndQuery) {
		return send(HttpRequest.newBuilder(URI.create(emulator.baseUrl() + rawPathAndQuery)), method, null);
	}

	static HttpResponse<String> send(HttpRequest.Builder request, String method, @Nullable String jsonBody) {
		if (jsonBody != null) {
			request.header("Content-Type", "application/json");
		}
		request.method(method, (jsonBody != null) ? HttpRequest.BodyPublishers.ofString(jsonBody)
				: HttpRequest.BodyPublishers.noBody());
		return execute(request);
	}

	/** Send a multipart/form-data body built by hand. */
	static HttpResponse<String> multipart(VoucherifyEmulator emulator, String boundary, byte[] body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(emulator.baseUrl() + "/v1/vouchers/importCSV"))
			.header("X-App-Id", emulator.appId())
			.header("X-App-Token", emulator.secretKey())
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofByteArray(body));
		return execute(request);
	}

	private static HttpResponse<String> execute(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(),
					HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

}
