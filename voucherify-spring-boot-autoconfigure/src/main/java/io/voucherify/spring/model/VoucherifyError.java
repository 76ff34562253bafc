package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The error body Voucherify sends with a 4xx or 5xx response (schema {@code Error}).
 * {@code related_object_ids}, {@code related_object_type} and
 * {@code related_object_total} are not in the schema; older SDKs read them.
 *
 * @param code normally the HTTP status
 * @param key a stable name of the kind of error, e.g. {@code not_found}
 * @param message a short human-readable description
 * @param details a longer human-readable description
 * @param requestId the reference Voucherify support asks for
 * @param resourceId e.g. the code that was not found
 * @param resourceType e.g. {@code voucher} or {@code session}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherifyError(@JsonProperty("code") @Nullable Integer code, @JsonProperty("key") @Nullable String key,
		@JsonProperty("message") @Nullable String message, @JsonProperty("details") @Nullable String details,
		@JsonProperty("request_id") @Nullable String requestId,
		@JsonProperty("resource_id") @Nullable String resourceId,
		@JsonProperty("resource_type") @Nullable String resourceType, @JsonProperty("error") @Nullable ErrorInfo error,
		@JsonProperty("related_object_ids") @Nullable List<String> relatedObjectIds,
		@JsonProperty("related_object_type") @Nullable String relatedObjectType,
		@JsonProperty("related_object_total") @Nullable Integer relatedObjectTotal) {

}
