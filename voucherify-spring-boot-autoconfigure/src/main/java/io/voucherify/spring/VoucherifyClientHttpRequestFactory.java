package io.voucherify.spring;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * The Voucherify client's transport: builds its HTTP client on the first request, so that
 * an application's start does not pay for the client and its TLS set-up, and closes it
 * with the client. Requests after {@link #close()} fail and build no new client.
 *
 * @since 0.1.0
 */
public final class VoucherifyClientHttpRequestFactory implements ClientHttpRequestFactory, AutoCloseable {

	private final Supplier<? extends ClientHttpRequestFactory> supplier;

	private volatile @Nullable ClientHttpRequestFactory factory;

	private volatile boolean closed;

	/**
	 * Create a factory that builds its delegate on the first request.
	 * @param supplier builds the request factory, with its HTTP client
	 */
	public VoucherifyClientHttpRequestFactory(Supplier<? extends ClientHttpRequestFactory> supplier) {
		this.supplier = supplier;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		ClientHttpRequestFactory built = this.factory;
		if (built == null || this.closed) {
			built = build();
		}
		return built.createRequest(uri, httpMethod);
	}

	/** Build the delegate once; locks only until it is built. */
	private synchronized ClientHttpRequestFactory build() throws IOException {
		if (this.closed) {
			throw new IOException("The Voucherify client's HTTP client is closed");
		}
		ClientHttpRequestFactory built = this.factory;
		if (built == null) {
			built = this.supplier.get();
			this.factory = built;
		}
		return built;
	}

	/**
	 * Close the HTTP client, if one was built.
	 * @throws IllegalStateException if closing it fails
	 */
	@Override
	public void close() {
		ClientHttpRequestFactory built;
		synchronized (this) {
			this.closed = true;
			built = this.factory;
		}
		try {
			if (built instanceof DisposableBean disposable) {
				disposable.destroy();
			}
			else if (built instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			throw new IllegalStateException("Could not close the Voucherify client's HTTP client", ex);
		}
	}

}
