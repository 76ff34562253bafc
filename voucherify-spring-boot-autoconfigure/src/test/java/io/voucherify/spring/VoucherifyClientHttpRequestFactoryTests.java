package io.voucherify.spring;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequestFactory;
import org.springframework.http.client.SimpleClientHttpRequestFactory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

/**
 * The client's one lazy point: its HTTP client is built on the first request, once, and
 * closed with it.
 */
class VoucherifyClientHttpRequestFactoryTests {

	private static final URI URI = java.net.URI.create("http://localhost:1/v1/vouchers/GIFT-1");

	private final AtomicInteger built = new AtomicInteger();

	private final AtomicBoolean closed = new AtomicBoolean();

	private final VoucherifyClientHttpRequestFactory factory = new VoucherifyClientHttpRequestFactory(() -> {
		this.built.incrementAndGet();
		return new ClosableFactory();
	});

	@Test
	void theHttpClientIsBuiltOnTheFirstRequestOnly() throws IOException {
		assertThat(this.built).as("before a request").hasValue(0);

		this.factory.createRequest(URI, HttpMethod.GET);
		this.factory.createRequest(URI, HttpMethod.GET);

		assertThat(this.built).hasValue(1);
	}

	@Test
	void closeClosesTheHttpClient() throws IOException {
		this.factory.createRequest(URI, HttpMethod.GET);

		this.factory.close();

		assertThat(this.closed).isTrue();
	}

	@Test
	void closeBeforeAnyRequestBuildsNothing() {
		this.factory.close();

		assertThat(this.built).hasValue(0);
	}

	@Test
	void requestsAfterCloseFailAndBuildNothing() {
		this.factory.close();

		assertThatIOException().isThrownBy(() -> this.factory.createRequest(URI, HttpMethod.GET))
			.withMessageContaining("closed");
		assertThat(this.built).hasValue(0);
	}

	private final class ClosableFactory extends SimpleClientHttpRequestFactory
			implements ClientHttpRequestFactory, AutoCloseable {

		@Override
		public void close() {
			VoucherifyClientHttpRequestFactoryTests.this.closed.set(true);
		}

	}

}
