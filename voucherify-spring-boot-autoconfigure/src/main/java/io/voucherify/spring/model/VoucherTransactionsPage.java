package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * One page of a voucher's transactions (schema
 * {@code VouchersTransactionsListResponseBody}).
 *
 * @param object always {@code list}
 * @param dataRef always {@code data}
 * @param hasMore whether more transactions follow
 * @param moreStartingAfter the cursor for the next page, if {@code hasMore}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherTransactionsPage(@JsonProperty("object") @Nullable String object,
		@JsonProperty("data_ref") @Nullable String dataRef,
		@JsonProperty("data") @Nullable List<VoucherTransaction> data,
		@JsonProperty("has_more") @Nullable Boolean hasMore,
		@JsonProperty("more_starting_after") @Nullable String moreStartingAfter) {

}
