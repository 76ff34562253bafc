package io.voucherify.spring.autoconfigure;

import java.util.Locale;

import org.springframework.boot.actuate.endpoint.SanitizableData;
import org.springframework.boot.actuate.endpoint.SanitizingFunction;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Auto-configures a {@link SanitizingFunction} that masks {@code voucherify.secret-key}
 * in the {@code configprops} and {@code env} actuator endpoints, even when the
 * application sets {@code management.endpoint.configprops.show-values=always} or
 * {@code management.endpoint.env.show-values=always}.
 * <p>
 * The function matches the property's name, never its value, in every form Spring Boot
 * binds: {@code voucherify.secret-key}, {@code voucherify.secretKey},
 * {@code voucherify.secret_key} and the environment variable
 * {@code VOUCHERIFY_SECRET_KEY}. It applies whether or not the client itself is enabled,
 * since the secret may be configured either way. Define a bean named
 * {@code voucherifySanitizingFunction} to replace it.
 *
 * @since 0.1.0
 */
@AutoConfiguration
@ConditionalOnClass(SanitizingFunction.class)
public final class VoucherifyActuatorAutoConfiguration {

	/** The secret key's property name, lower case, without any separator. */
	private static final String SECRET_KEY = "voucherifysecretkey";

	@Bean
	@ConditionalOnMissingBean(name = "voucherifySanitizingFunction")
	SanitizingFunction voucherifySanitizingFunction() {
		return (data) -> isSecretKey(data) ? data.withSanitizedValue() : data;
	}

	/**
	 * Whether the data is the secret key: its name, lower case and stripped of dots,
	 * dashes, underscores and brackets, is {@code voucherifysecretkey}.
	 */
	private static boolean isSecretKey(SanitizableData data) {
		String key = data.getKey();
		StringBuilder name = new StringBuilder(key.length());
		for (int i = 0; i < key.length(); i++) {
			char c = key.charAt(i);
			if (Character.isLetterOrDigit(c)) {
				name.append(c);
			}
		}
		return SECRET_KEY.equals(name.toString().toLowerCase(Locale.ROOT));
	}

}
