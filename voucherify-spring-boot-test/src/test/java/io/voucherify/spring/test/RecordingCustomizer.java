package io.voucherify.spring.test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.voucherify.spring.VoucherifyRestClientCustomizer;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.web.client.RestClient;

/**
 * Records every answer the client receives, raw: status, headers and body bytes.
 */
final class RecordingCustomizer implements VoucherifyRestClientCustomizer {

	private final List<Recorded> answers = new CopyOnWriteArrayList<>();

	@Override
	public void customize(RestClient.Builder builder) {
		builder.requestInterceptor((request, body, execution) -> {
			ClientHttpResponse response = execution.execute(request, body);
			byte[] bytes;
			try (InputStream in = response.getBody()) {
				bytes = in.readAllBytes();
			}
			HttpHeaders headers = new HttpHeaders();
			headers.putAll(response.getHeaders());
			this.answers.add(new Recorded(response.getStatusCode().value(), headers, bytes));
			return new Buffered(response, bytes);
		});
	}

	Recorded last() {
		if (this.answers.isEmpty()) {
			throw new IllegalStateException("No answer recorded");
		}
		return this.answers.get(this.answers.size() - 1);
	}

	/**
	 * One answer.
	 *
	 * @param status the status
	 * @param headers the headers
	 * @param body the body, empty if none
	 */
	record Recorded(int status, HttpHeaders headers, byte[] body) {

	}

	private static final class Buffered implements ClientHttpResponse {

		private final ClientHttpResponse response;

		private final byte[] body;

		Buffered(ClientHttpResponse response, byte[] body) {
			this.response = response;
			this.body = body;
		}

		@Override
		public HttpStatusCode getStatusCode() throws IOException {
			return this.response.getStatusCode();
		}

		@Override
		public String getStatusText() throws IOException {
			return this.response.getStatusText();
		}

		@Override
		public HttpHeaders getHeaders() {
			return this.response.getHeaders();
		}

		@Override
		public InputStream getBody() {
			return new ByteArrayInputStream(this.body);
		}

		@Override
		public void close() {
			this.response.close();
		}

	}

}
