package io.voucherify.spring.model;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The body of {@code POST /v1/vouchers/{code}/transactions/export}
 * ({@code VouchersTransactionsExportCreateRequestBody}). Only what is set is sent: with
 * no parameters the body is {@code {}} and Voucherify's defaults apply.
 * <pre class="code">
 * TransactionsExportRequest.of(TransactionsExportOrder.CREATED_AT_DESC,
 *         List.of(TransactionsExportField.ID, TransactionsExportField.AMOUNT));
 * TransactionsExportRequest.allFields();
 * TransactionsExportRequest.defaults();
 * </pre>
 *
 * @param parameters the order and columns of the export; {@code null} for Voucherify's
 * defaults
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExportRequest(
		@JsonProperty("parameters") @Nullable TransactionsExportRequestParameters parameters) {

	/**
	 * A request with no parameters, sent as {@code {}}: Voucherify's default order and
	 * columns.
	 * @return the request
	 */
	public static TransactionsExportRequest defaults() {
		return new TransactionsExportRequest(null);
	}

	/**
	 * A request for some columns in some order.
	 * @param order the order of the rows, {@code null} for Voucherify's default
	 * @param fields the columns, in order; {@code null} for Voucherify's default
	 * @return the request
	 * @throws IllegalArgumentException if a value is {@code UNKNOWN} or {@code fields} is
	 * empty
	 */
	public static TransactionsExportRequest of(@Nullable TransactionsExportOrder order,
			@Nullable List<TransactionsExportField> fields) {
		return new TransactionsExportRequest(new TransactionsExportRequestParameters(order, fields));
	}

	/**
	 * A request for every column, in the schema's order, with the rows in Voucherify's
	 * default order.
	 * @return the request
	 */
	public static TransactionsExportRequest allFields() {
		return allFields(null);
	}

	/**
	 * A request for every column, in the schema's order.
	 * @param order the order of the rows, {@code null} for Voucherify's default
	 * @return the request
	 */
	public static TransactionsExportRequest allFields(@Nullable TransactionsExportOrder order) {
		return of(order, TransactionsExportRequestParameters.ALL_FIELDS);
	}

}
