package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The parameters of a {@link TransactionsExport} as Voucherify recorded them (schema
 * {@code VoucherTransactionsFilters}).
 *
 * @param fields the exported columns, in order
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExportParameters(@JsonProperty("order") @Nullable TransactionsExportOrder order,
		@JsonProperty("fields") @Nullable List<TransactionsExportField> fields,
		@JsonProperty("filters") @Nullable TransactionsExportFilters filters) {

}
