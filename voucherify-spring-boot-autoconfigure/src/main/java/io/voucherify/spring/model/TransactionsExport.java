package io.voucherify.spring.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An export of a voucher's transactions to a CSV file (schema
 * {@code VoucherTransactionsExport}, the response of {@code POST
 * /v1/vouchers/{code}/transactions/export}). The file is ready when {@link #result()}
 * holds its URL; poll {@code GET /v1/exports/{id}} for that.
 *
 * @param id the export id, {@code exp_...}
 * @param object always {@code export}
 * @param channel how the export was started, e.g. {@code API}
 * @param exportedObject always {@code voucher_transactions}
 * @param result {@code null} until the file is ready
 * @param userId the dashboard user who started the export, if one did
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExport(@JsonProperty("id") @Nullable String id,
		@JsonProperty("object") @Nullable String object, @JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("status") @Nullable ExportStatus status, @JsonProperty("channel") @Nullable String channel,
		@JsonProperty("exported_object") @Nullable String exportedObject,
		@JsonProperty("parameters") @Nullable TransactionsExportParameters parameters,
		@JsonProperty("result") @Nullable TransactionsExportResult result,
		@JsonProperty("user_id") @Nullable String userId) {

}
