package io.voucherify.spring;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;

import org.jspecify.annotations.Nullable;

import org.springframework.util.unit.DataSize;

/**
 * The checks of {@link VouchersTemplateBuilder}'s settings. Each failure names the
 * setting, never its value.
 */
final class SettingChecks {

	private SettingChecks() {
	}

	/**
	 * A header value: set, and free of control characters (a CR or LF could split the
	 * request; a trailing newline from a file would be sent as part of the key).
	 */
	static String requireHeaderValue(@Nullable String value, String setting) {
		if (value == null || value.isBlank()) {
			throw new InvalidVoucherifySettingException(setting, InvalidVoucherifySettingException.NOT_SET);
		}
		if (value.chars().anyMatch(Character::isISOControl)) {
			throw new InvalidVoucherifySettingException(setting,
					"contains a control character (CR, LF, NUL, tab, ...): a value read from a file often ends with a newline");
		}
		return value;
	}

	/**
	 * An absolute http(s) URL with a host and no query or fragment, without its trailing
	 * slash; plain http only to this machine unless allowed, so that the secret key is
	 * never sent in clear text by mistake.
	 */
	static String baseUrl(@Nullable String baseUrl, boolean allowPlainHttp) {
		if (baseUrl == null || baseUrl.isBlank()) {
			throw new InvalidVoucherifySettingException("baseUrl", InvalidVoucherifySettingException.NOT_SET);
		}
		String value = baseUrl.strip();
		URI uri;
		try {
			uri = new URI(value);
		}
		catch (URISyntaxException ex) {
			throw new InvalidVoucherifySettingException("baseUrl", "is not a valid URL: '" + value + "'");
		}
		boolean http = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
		if (!http || uri.getHost() == null || uri.getRawQuery() != null || uri.getRawFragment() != null) {
			throw new InvalidVoucherifySettingException("baseUrl",
					"must be an absolute http(s) URL with a host and no query or fragment, was '" + value + "'");
		}
		if (!allowPlainHttp && isPlainHttpToAnotherHost(value)) {
			throw new InvalidVoucherifySettingException("baseUrl",
					"must use https: plain http to " + uri.getHost() + " would send the secret key unencrypted; only "
							+ "this machine (localhost, 127.0.0.1, [::1]) may be reached over plain http unless it is "
							+ "explicitly allowed");
		}
		return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
	}

	static boolean isPlainHttpToAnotherHost(String baseUrl) {
		URI uri = URI.create(baseUrl);
		return "http".equalsIgnoreCase(uri.getScheme()) && !isLoopback(uri.getHost());
	}

	/**
	 * Whether a host is this machine: {@code localhost} or a loopback address literal.
	 */
	static boolean isLoopback(@Nullable String host) {
		if (host == null) {
			return false;
		}
		String name = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
		if (name.equalsIgnoreCase("localhost")) {
			return true;
		}
		// Only literals: resolving a name would ask DNS, which could answer anything.
		boolean literal = name.indexOf(':') >= 0 || name.chars().allMatch((c) -> c == '.' || Character.isDigit(c));
		try {
			return literal && InetAddress.getByName(name).isLoopbackAddress();
		}
		catch (UnknownHostException ex) {
			return false;
		}
	}

	static Duration requirePositive(@Nullable Duration value, String setting) {
		if (value == null || value.isZero() || value.isNegative()) {
			throw new InvalidVoucherifySettingException(setting, "must be a positive duration, was " + value);
		}
		return value;
	}

	static int requireAtLeastOne(int value, String setting) {
		if (value < 1) {
			throw new InvalidVoucherifySettingException(setting, "must be at least 1, was " + value);
		}
		return value;
	}

	static long requireAtLeastOneKilobyte(@Nullable DataSize value, String setting) {
		if (value == null || value.toBytes() < 1024) {
			throw new InvalidVoucherifySettingException(setting, "must be at least 1KB, was " + value);
		}
		return value.toBytes();
	}

}
