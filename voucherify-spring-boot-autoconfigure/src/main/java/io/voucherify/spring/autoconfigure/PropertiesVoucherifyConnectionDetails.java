package io.voucherify.spring.autoconfigure;

/**
 * {@link VoucherifyConnectionDetails} from {@code voucherify.*} properties. Validated
 * when the client is built, so a missing property fails start-up with its name.
 */
final class PropertiesVoucherifyConnectionDetails implements VoucherifyConnectionDetails {

	private final VoucherifyProperties properties;

	PropertiesVoucherifyConnectionDetails(VoucherifyProperties properties) {
		this.properties = properties;
	}

	@Override
	public String getBaseUrl() {
		return this.properties.getBaseUrl();
	}

	@Override
	@SuppressWarnings("NullAway")
	public String getAppId() {
		return this.properties.getAppId();
	}

	@Override
	@SuppressWarnings("NullAway")
	public String getSecretKey() {
		return this.properties.getSecretKey();
	}

	@Override
	public String toString() {
		return "PropertiesVoucherifyConnectionDetails[baseUrl=" + getBaseUrl() + "]";
	}

}
