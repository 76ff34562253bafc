package io.voucherify.spring.model;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * An export of Voucherify data to a CSV file: the answer of {@code GET
 * /v1/exports/{exportId}} (schema {@code ExportsGetResponseBody}, one of seven exports
 * that differ only in {@code exported_object} and {@code parameters}). The file is ready
 * when {@link #status()} is {@link ExportStatus#DONE}; {@link #result()} then holds its
 * URL.
 *
 * @param id the export id, {@code exp_...}
 * @param object always {@code export}
 * @param createdAt when the export was requested
 * @param status whether the file has been generated
 * @param channel how the export was started, e.g. {@code API}
 * @param exportedObject what is exported, e.g. {@code voucher_transactions}
 * @param parameters the columns, order and filters of the file
 * @param result {@code null} until the file is ready
 * @param userId the dashboard user who started the export, if one did
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Export(@JsonProperty("id") @Nullable String id, @JsonProperty("object") @Nullable String object,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("status") @Nullable ExportStatus status, @JsonProperty("channel") @Nullable String channel,
		@JsonProperty("exported_object") @Nullable String exportedObject,
		@JsonProperty("parameters") @Nullable ExportParameters parameters,
		@JsonProperty("result") @Nullable ExportResult result, @JsonProperty("user_id") @Nullable String userId) {

	/**
	 * Whether the export has ended: {@link ExportStatus#DONE} or
	 * {@link ExportStatus#ERROR}.
	 * @return {@code true} for a final status
	 */
	public boolean isFinished() {
		return this.status == ExportStatus.DONE || this.status == ExportStatus.ERROR;
	}

	/**
	 * Where the file can be downloaded, with its token: {@code result.url}.
	 * @return the URL, or {@code null} while the file is not ready
	 */
	public @Nullable String downloadUrl() {
		return (this.result != null) ? this.result.url() : null;
	}

}
