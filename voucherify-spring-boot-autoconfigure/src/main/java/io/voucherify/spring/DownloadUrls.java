package io.voucherify.spring;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import org.jspecify.annotations.Nullable;

/**
 * Which export URLs get the credentials. An export's {@code result.url} comes in an
 * answer, and a download sends the secret key, so the URL must be Voucherify's own:
 * <ul>
 * <li>over https, a host of Voucherify's domain ({@code download.voucherify.io},
 * {@code us1.download.voucherify.io}, ... all lie below {@code voucherify.io}) or the
 * API's own host;</li>
 * <li>over plain http, only the API's own host, and only when the API itself is reached
 * over http (the emulator, a local proxy): never plain http when the API is https.</li>
 * </ul>
 * Loopback names and addresses count as one host, so that a local emulator's download
 * listener is trusted whichever loopback name the base URL uses.
 */
final class DownloadUrls {

	private static final String VOUCHERIFY_DOMAIN = "voucherify.io";

	private DownloadUrls() {
	}

	/**
	 * Check an export's URL.
	 * @param url the export's {@code result.url}
	 * @param api the API's base URL
	 * @return the URL, to be requested as it is
	 * @throws VoucherifyInvalidResponseException if the URL is not a valid absolute URL
	 * or not Voucherify's
	 */
	static URI trusted(String url, URI api) {
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			throw invalid("is not a valid URL", null);
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
		String host = uri.getHost();
		if (!(scheme.equals("https") || scheme.equals("http")) || host == null || uri.getRawUserInfo() != null) {
			throw invalid("is not an absolute http(s) URL with a host", null);
		}
		boolean apiHost = sameHost(host, api.getHost());
		boolean trusted = scheme.equals("https") ? (apiHost || isVoucherifyHost(host))
				: (apiHost && "http".equalsIgnoreCase(api.getScheme()));
		if (!trusted) {
			// Scheme and host only: the URL's query holds the download token.
			throw invalid("points to " + scheme + "://" + host
					+ ", which is not one of Voucherify's hosts (https on voucherify.io or the API's host "
					+ api.getHost() + "); the download is refused and nothing is sent there", null);
		}
		return uri;
	}

	private static boolean isVoucherifyHost(String host) {
		String name = host.toLowerCase(Locale.ROOT);
		return name.equals(VOUCHERIFY_DOMAIN) || name.endsWith("." + VOUCHERIFY_DOMAIN);
	}

	private static boolean sameHost(String host, @Nullable String apiHost) {
		return host.equalsIgnoreCase(apiHost) || (SettingChecks.isLoopback(host) && SettingChecks.isLoopback(apiHost));
	}

	private static VoucherifyInvalidResponseException invalid(String problem, @Nullable Throwable cause) {
		return new VoucherifyInvalidResponseException(200, "download_export: the export's result.url " + problem,
				cause);
	}

}
