package io.voucherify.spring.model;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What a voucher CSV import did (schema
 * {@code 17_res_obj_get_async_action_result_vouchers_import_csv}). An import that is
 * {@link AsyncActionStatus#DONE} may still have failed rows, or import nothing at all:
 * check {@link #failed()}.
 *
 * @param message Voucherify's summary, e.g. {@code 0 voucher(s) imported successfully, 2
 * failed.}
 * @param doneCount rows imported
 * @param failedCount rows that failed
 * @param failed each failed row, in Voucherify's order; empty when none failed
 * @since 0.1.0
 */
public record CsvImportResult(@Nullable String message, @Nullable Integer doneCount, @Nullable Integer failedCount,
		List<CsvImportFailure> failed) {

	/**
	 * Copy the failed rows.
	 */
	public CsvImportResult {
		failed = List.copyOf(failed);
	}

	/**
	 * Whether any row failed.
	 * @return {@code true} if a row failed
	 */
	public boolean hasFailures() {
		return !this.failed.isEmpty() || (this.failedCount != null && this.failedCount > 0);
	}

	/**
	 * Read a result object, tolerating absent fields, {@code null}s and values of an
	 * unexpected type (read as absent).
	 * @param result the {@code result} object of the async action
	 * @return the import's result
	 */
	static CsvImportResult from(JsonNode result) {
		List<CsvImportFailure> failed = new ArrayList<>();
		JsonNode rows = result.path("failed");
		if (rows.isArray()) {
			for (JsonNode row : rows) {
				if (row.isObject()) {
					failed.add(new CsvImportFailure(text(row.path("code")), integer(row.path("row")),
							text(row.path("reason"))));
				}
			}
		}
		return new CsvImportResult(text(result.path("message")), integer(result.path("done_count")),
				integer(result.path("failed_count")), failed);
	}

	private static @Nullable String text(JsonNode node) {
		return node.isString() ? node.stringValue() : null;
	}

	private static @Nullable Integer integer(JsonNode node) {
		return (node.isIntegralNumber() && node.canConvertToInt()) ? node.intValue() : null;
	}

}
