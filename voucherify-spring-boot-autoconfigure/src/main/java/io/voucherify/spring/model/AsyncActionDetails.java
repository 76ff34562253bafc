package io.voucherify.spring.model;

import java.time.OffsetDateTime;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A background job and, once it is done, its result: the answer of {@code GET
 * /v1/async-actions/{asyncActionId}} (schema {@code AsyncActionGetResponseBody}).
 * <p>
 * The shape of {@link #result()} depends on {@link #type()} (the spec's {@code oneOf} of
 * 22 shapes has no discriminator), so it is kept as JSON; {@link #csvImportResult()}
 * reads the result of a voucher CSV import.
 *
 * @param id the job id, {@code aa_...}
 * @param type what the job does, e.g. {@code VOUCHERS.IMPORT_CSV}
 * @param status where the job stands
 * @param operationStatus whether processing succeeded; often absent (not sent on CSV
 * imports in Voucherify's examples)
 * @param progress percent done, 0 to 100
 * @param processingTime how long processing took, in milliseconds
 * @param createdAt when the job was scheduled
 * @param updatedAt when the job last changed
 * @param requestId the id of the request that started the job
 * @param object always {@code async_action}
 * @param result what the job produced, {@code null} until it is done; its shape depends
 * on {@link #type()}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AsyncActionDetails(@JsonProperty("id") @Nullable String id, @JsonProperty("type") @Nullable String type,
		@JsonProperty("status") @Nullable AsyncActionStatus status,
		@JsonProperty("operation_status") @Nullable AsyncActionOperationStatus operationStatus,
		@JsonProperty("progress") @Nullable Integer progress,
		@JsonProperty("processing_time") @Nullable Long processingTime,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt,
		@JsonProperty("request_id") @Nullable String requestId, @JsonProperty("object") @Nullable String object,
		@JsonProperty("result") @Nullable JsonNode result) {

	/** The job types whose result is a {@link CsvImportResult}. */
	public static final Set<String> CSV_IMPORT_TYPES = Set.of("VOUCHERS.IMPORT_CSV", "CAMPAIGN.VOUCHERS_IMPORT_CSV");

	/**
	 * Normalize an explicit JSON {@code null} result to {@code null}.
	 */
	public AsyncActionDetails {
		if (result != null && (result.isNull() || result.isMissingNode())) {
			result = null;
		}
	}

	/**
	 * Whether the job has ended: its {@link #status()} is final.
	 * @return {@code true} once the job is {@code DONE} or {@code FAILED}
	 */
	public boolean isFinished() {
		return this.status != null && this.status.isFinal();
	}

	/**
	 * The result of a voucher CSV import ({@code VOUCHERS.IMPORT_CSV} or
	 * {@code CAMPAIGN.VOUCHERS_IMPORT_CSV}): counts and the rows that failed.
	 * @return the import's result, or {@code null} for another type of job or while there
	 * is no result object yet
	 */
	public @Nullable CsvImportResult csvImportResult() {
		if (this.result == null || !this.result.isObject() || !CSV_IMPORT_TYPES.contains(this.type)) {
			return null;
		}
		return CsvImportResult.from(this.result);
	}

}
