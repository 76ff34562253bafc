package io.voucherify.spring.autoconfigure;

import org.springframework.boot.autoconfigure.service.connection.ConnectionDetails;

/**
 * Where and as whom the client connects: base URL and credentials. By default they come
 * from {@code voucherify.*} properties; a bean of this type (for example one supplied by
 * the Voucherify emulator in tests) takes precedence, as with Boot's other connection
 * details.
 *
 * @since 0.1.0
 */
public interface VoucherifyConnectionDetails extends ConnectionDetails {

	/**
	 * The API's base URL, e.g. {@code https://api.voucherify.io}.
	 * @return the base URL
	 */
	String getBaseUrl();

	/**
	 * The application id, sent as {@code X-App-Id}.
	 * @return the application id
	 */
	String getAppId();

	/**
	 * The secret key, sent as {@code X-App-Token}.
	 * @return the secret key
	 */
	String getSecretKey();

}
