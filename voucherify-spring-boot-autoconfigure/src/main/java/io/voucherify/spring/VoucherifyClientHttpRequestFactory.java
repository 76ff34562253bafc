package io.voucherify.spring;

import java.io.IOException;
import java.net.URI;

import org.springframework.http.HttpMethod;
import org.springframework.http.client.ClientHttpRequest;
import org.springframework.http.client.ClientHttpRequestFactory;

/**
 * Sends the bulk operations (CSV import and transactions export) through a request
 * factory with a longer read timeout, and every other operation through the standard one.
 * One factory on one {@code RestClient} keeps the client compatible with tools that
 * replace the factory, such as {@code MockRestServiceServer}.
 */
public final class VoucherifyClientHttpRequestFactory implements ClientHttpRequestFactory {

	private final ClientHttpRequestFactory standard;

	private final ClientHttpRequestFactory bulk;

	/**
	 * Create a factory.
	 * @param standard the factory for the quick operations
	 * @param bulk the factory for CSV import and transactions export
	 */
	public VoucherifyClientHttpRequestFactory(ClientHttpRequestFactory standard, ClientHttpRequestFactory bulk) {
		this.standard = standard;
		this.bulk = bulk;
	}

	@Override
	public ClientHttpRequest createRequest(URI uri, HttpMethod httpMethod) throws IOException {
		return (isBulk(uri, httpMethod) ? this.bulk : this.standard).createRequest(uri, httpMethod);
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

}
