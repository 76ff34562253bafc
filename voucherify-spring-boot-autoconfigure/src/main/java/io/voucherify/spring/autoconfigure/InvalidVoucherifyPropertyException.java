package io.voucherify.spring.autoconfigure;

import java.util.Map;

import io.voucherify.spring.InvalidVoucherifySettingException;
import io.voucherify.spring.VouchersTemplate;

/**
 * A {@code voucherify.*} property is missing or invalid. Reported at start-up by
 * {@link InvalidVoucherifyPropertyFailureAnalyzer}. The message never holds the value of
 * {@code voucherify.secret-key}.
 */
class InvalidVoucherifyPropertyException extends RuntimeException {

	private static final long serialVersionUID = 1L;

	/** Each setting of the template's builder: its property and what to set it to. */
	private static final Map<String, Property> PROPERTIES = Map.ofEntries(
			Map.entry("appId", new Property("app-id", "the Application ID of your Voucherify project")),
			Map.entry("secretKey",
					new Property("secret-key",
							"the Secret Key of your Voucherify project (e.g. from the VOUCHERIFY_SECRET_KEY "
									+ "environment variable)")),
			Map.entry("baseUrl", new Property("base-url",
					"your project's regional API URL: " + VouchersTemplate.DEFAULT_BASE_URL + " (Europe), "
							+ VouchersTemplate.US_BASE_URL + " (United States) or " + VouchersTemplate.ASIA_BASE_URL
							+ " (Asia), or your dedicated URL, over https (plain http only to this machine, or to a "
							+ "proxy of yours with 'voucherify.allow-plain-http=true')")),
			Map.entry("apiVersion", new Property("api-version", "an API version such as v2018-08-01")),
			Map.entry("channel", new Property("channel", "a channel name")),
			Map.entry("connectTimeout", new Property("connect-timeout", "a positive duration such as 5s")),
			Map.entry("readTimeout", new Property("read-timeout", "a positive duration such as 30s")),
			Map.entry("bulkReadTimeout", new Property("bulk-read-timeout", "a positive duration such as 3m")),
			Map.entry("maxConnections",
					new Property("max-connections", "the number of concurrent calls to allow, such as 50")),
			Map.entry("maxResponseSize",
					new Property("max-response-size", "the largest answer to read into memory, such as 4MB")));

	private final String property;

	private final String action;

	InvalidVoucherifyPropertyException(String property, String problem, String action) {
		super("Property '" + property + "' " + problem);
		this.property = property;
		this.action = action;
	}

	/**
	 * The property behind a setting the template's builder refused.
	 */
	static InvalidVoucherifyPropertyException of(InvalidVoucherifySettingException ex) {
		Property property = PROPERTIES.getOrDefault(ex.getSetting(), new Property(ex.getSetting(), "a valid value"));
		String name = VoucherifyProperties.PREFIX + "." + property.name();
		String action = "Set '" + name + "' to " + property.what();
		action += ex.isMissing() ? ", or set 'voucherify.enabled=false' to switch the client off."
				: ": it " + ex.getProblem() + ".";
		return new InvalidVoucherifyPropertyException(name, ex.getProblem(), action);
	}

	String getProperty() {
		return this.property;
	}

	String getAction() {
		return this.action;
	}

	private record Property(String name, String what) {
	}

}
