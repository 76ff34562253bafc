package io.voucherify.spring.model;

import java.time.OffsetDateTime;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The assignment of a validation rule to an object (schema {@code BusValRuleAssignment}).
 *
 * @param relatedObjectType e.g. {@code voucher}
 * @param object always {@code validation_rules_assignment}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationRuleAssignment(@JsonProperty("id") @Nullable String id,
		@JsonProperty("rule_id") @Nullable String ruleId,
		@JsonProperty("related_object_id") @Nullable String relatedObjectId,
		@JsonProperty("related_object_type") @Nullable String relatedObjectType,
		@JsonProperty("created_at") @Nullable OffsetDateTime createdAt,
		@JsonProperty("updated_at") @Nullable OffsetDateTime updatedAt, @JsonProperty("object") @Nullable String object,
		@JsonProperty("validation_status") @Nullable ValidationStatus validationStatus,
		@JsonProperty("validation_omitted_rules") @Nullable List<String> validationOmittedRules) {

}
