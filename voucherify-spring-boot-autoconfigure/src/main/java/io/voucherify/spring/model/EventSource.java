package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Who or what caused an event (schema {@code EventSource}).
 *
 * @param channel {@code USER_PORTAL}, {@code API}, {@code CLIENT_API} or {@code INTERNAL}
 * @param user the dashboard user, for {@code USER_PORTAL}
 * @param apiKey the API key, for {@code API} and {@code CLIENT_API}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EventSource(@JsonProperty("channel") @Nullable String channel,
		@JsonProperty("user") @Nullable IdReference user, @JsonProperty("api_key") @Nullable ApiKeyReference apiKey) {

}
