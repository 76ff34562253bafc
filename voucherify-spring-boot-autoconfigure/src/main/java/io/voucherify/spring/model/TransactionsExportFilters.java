package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The filters of a {@link TransactionsExport} (schema
 * {@code VoucherTransactionsExportFilterConditions}).
 *
 * @param voucherId the voucher whose transactions are exported
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExportFilters(@JsonProperty("voucher_id") @Nullable FieldFilter voucherId) {

}
