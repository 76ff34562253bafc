package io.voucherify.spring.model;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * What a {@link TransactionsExportRequest} asks for (schema
 * {@code VoucherTransactionsExportParameters}). Only what is set is sent.
 *
 * @param order the order of the rows; {@code null} for Voucherify's default
 * @param fields the columns, in order; {@code null} for Voucherify's default
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExportRequestParameters(@JsonProperty("order") @Nullable TransactionsExportOrder order,
		@JsonProperty("fields") @Nullable List<TransactionsExportField> fields) {

	/** Every column Voucherify can export, in the schema's order. */
	public static final List<TransactionsExportField> ALL_FIELDS = Arrays.stream(TransactionsExportField.values())
		.filter((field) -> field != TransactionsExportField.UNKNOWN)
		.toList();

	/**
	 * Validate the parameters and copy the fields.
	 * @throws IllegalArgumentException if a value is {@code UNKNOWN}, which cannot be
	 * sent, or {@code fields} is empty or holds {@code null}
	 */
	public TransactionsExportRequestParameters {
		if (order == TransactionsExportOrder.UNKNOWN) {
			throw new IllegalArgumentException("order UNKNOWN cannot be sent");
		}
		if (fields != null) {
			if (fields.stream().anyMatch(Objects::isNull)) {
				throw new IllegalArgumentException("fields must not contain null");
			}
			fields = List.copyOf(fields);
			if (fields.isEmpty()) {
				throw new IllegalArgumentException("fields must not be empty; pass null for the default columns");
			}
			if (fields.contains(TransactionsExportField.UNKNOWN)) {
				throw new IllegalArgumentException("field UNKNOWN cannot be sent");
			}
		}
	}

}
