package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The validation rules assigned to a voucher (schema
 * {@code ValidationRulesAssignmentsList}).
 *
 * @param object always {@code list}
 * @param dataRef always {@code data}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ValidationRulesAssignments(@JsonProperty("object") @Nullable String object,
		@JsonProperty("data_ref") @Nullable String dataRef,
		@JsonProperty("data") @Nullable List<ValidationRuleAssignment> data,
		@JsonProperty("total") @Nullable Integer total) {

}
