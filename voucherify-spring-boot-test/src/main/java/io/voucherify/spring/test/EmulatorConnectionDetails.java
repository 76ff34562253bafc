package io.voucherify.spring.test;

import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;

/** The emulator's connection details; the secret never shows in {@code toString}. */
record EmulatorConnectionDetails(String baseUrl, String appId,
		String secretKey) implements VoucherifyConnectionDetails {

	@Override
	public String getBaseUrl() {
		return this.baseUrl;
	}

	@Override
	public String getAppId() {
		return this.appId;
	}

	@Override
	public String getSecretKey() {
		return this.secretKey;
	}

	@Override
	public String toString() {
		return "VoucherifyEmulatorConnectionDetails[baseUrl=" + this.baseUrl + "]";
	}

}
