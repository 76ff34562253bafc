package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What an {@link Export} holds, as Voucherify recorded it. The same for every exported
 * object, so the values stay plain: a voucher-transactions export has the
 * {@link TransactionsExportField} names in {@link #fields()}.
 *
 * @param order the order of the rows, e.g. {@code -created_at}
 * @param fields the columns of the file, in order: they define its header line
 * @param filters which records are exported, as Voucherify's filter JSON
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ExportParameters(@JsonProperty("order") @Nullable String order,
		@JsonProperty("fields") @Nullable List<String> fields, @JsonProperty("filters") @Nullable JsonNode filters) {

	/**
	 * Normalize explicit JSON {@code null} filters to {@code null}.
	 */
	public ExportParameters {
		if (filters != null && (filters.isNull() || filters.isMissingNode())) {
			filters = null;
		}
	}

}
