package io.voucherify.spring;

import java.io.IOException;
import java.net.URI;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends the bulk operations (CSV import and transactions export) through a request
 * factory with a longer read timeout, and every other operation through the standard one.
 * One factory on one {@code RestClient} keeps the client compatible with tools that
 * replace the factory, such as {@code MockRestServiceServer}.
 * <p>
 * Created {@linkplain #VoucherifyClientHttpRequestFactory(Supplier, Supplier) lazily}, it
 * builds each HTTP client on its first request: a client and its TLS set-up take a few
 * hundred milliseconds of a cold start, which the first call pays instead. Closing it
 * closes the HTTP clients it has.
 */
public final class VoucherifyClientHttpRequestFactory implements ClientHttpRequestFactory, AutoCloseable {

	private static final Log logger = LogFactory.getLog(VoucherifyClientHttpRequestFactory.class);

	private final Lazy standard;

	private final Lazy bulk;

	/**
	 * Create a factory on two ready factories.
	 * @param standard the factory for the quick operations
	 * @param bulk the factory for CSV import and transactions export
	 */
	public VoucherifyClientHttpRequestFactory(ClientHttpRequestFactory standard, ClientHttpRequestFactory bulk) {
		this.standard = new Lazy(standard);
		this.bulk = new Lazy(bulk);
	}

	/**
	 * Create a factory that builds each of its two factories on its first request.
	 * @param standard builds the factory for the quick operations
	 * @param bulk builds the factory for CSV import and transactions export
	 */
	public VoucherifyClientHttpRequestFactory(Supplier<? extends ClientHttpRequestFactory> standard,
			Supplier<? extends ClientHttpRequestFactory> bulk) {
		this.standard = new Lazy(standard);
		this.bulk = new Lazy(bulk);
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return (isBulk(uri, httpMethod) ? this.bulk : this.standard).get().createRequest(uri, httpMethod);
	}

	/**
	 * Close the HTTP clients built so far (those that can be closed). Requests after this
	 * fail with an {@link IOException}, and build no new client.
	 */
	@Override
	public void close() {
		close(this.standard);
		close(this.bulk);
	}

	private static void close(Lazy supplier) {
		ClientHttpRequestFactory factory;
		synchronized (supplier) {
			supplier.closed = true;
			factory = supplier.created;
		}
		try {
			if (factory instanceof DisposableBean disposable) {
				disposable.destroy();
			}
			else if (factory instanceof AutoCloseable closeable) {
				closeable.close();
			}
		}
		catch (Exception ex) {
			logger.debug("Could not close an HTTP client: " + ex);
		}
	}

	/**
	 * Whether a request is one of the bulk operations. Codes are always encoded as one
	 * segment, so no code can make another operation's path look like these.
	 */
	static boolean isBulk(URI uri, HttpMethod method) {
		if (!HttpMethod.POST.equals(method)) {
			return false;
		}
		String path = uri.getRawPath();
		return path != null && (path.endsWith("/v1/vouchers/importCSV") || path.endsWith("/transactions/export"));
	}

	/** Builds its factory once, on the first request. */
	private static final class Lazy {

		private final Supplier<? extends ClientHttpRequestFactory> supplier;

		private volatile @Nullable ClientHttpRequestFactory created;

		private volatile boolean closed;

		Lazy(Supplier<? extends ClientHttpRequestFactory> supplier) {
			this.supplier = supplier;
		}

		/** Already built. */
		Lazy(ClientHttpRequestFactory ready) {
			this.supplier = () -> ready;
			this.created = ready;
		}

		ClientHttpRequestFactory get() throws IOException {
			requireOpen();
			ClientHttpRequestFactory factory = this.created;
			if (factory == null) {
				synchronized (this) {
					// Again under the lock: a close() meanwhile must not be followed by a
					// build.
					requireOpen();
					factory = this.created;
					if (factory == null) {
						factory = this.supplier.get();
						this.created = factory;
					}
				}
			}
			return factory;
		}

		private void requireOpen() throws IOException {
			if (this.closed) {
				throw new IOException("The Voucherify client's HTTP client is closed");
			}
		}

	}

}
