package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A job Voucherify runs in the background (schemas {@code AsyncActions} and
 * {@code VouchersImportCsvCreateResponseBody}). Poll {@code GET /v1/async-actions/{id}}
 * for its outcome.
 *
 * @param asyncActionId the job id, {@code aa_...}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AsyncAction(@JsonProperty("async_action_id") @Nullable String asyncActionId) {

}
