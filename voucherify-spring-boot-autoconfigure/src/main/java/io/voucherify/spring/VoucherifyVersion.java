package io.voucherify.spring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/**
 * The starter's version, for the {@code User-Agent} header: Maven writes it into
 * {@code voucherify-version.properties} at build time.
 */
final class VoucherifyVersion {

	private VoucherifyVersion() {
	}

	static String get() {
		try (InputStream in = VoucherifyVersion.class.getResourceAsStream("voucherify-version.properties")) {
			Properties properties = new Properties();
			if (in != null) {
				properties.load(in);
			}
			String version = properties.getProperty("version");
			return (version != null && !version.startsWith("$")) ? version : "unknown";
		}
		catch (IOException ex) {
			return "unknown";
		}
	}

}
