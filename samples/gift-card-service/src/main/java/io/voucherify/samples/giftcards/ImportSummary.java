package io.voucherify.samples.giftcards;

import java.util.List;

import io.voucherify.spring.model.AsyncActionDetails;
import io.voucherify.spring.model.CsvImportFailure;
import io.voucherify.spring.model.CsvImportResult;
import org.jspecify.annotations.Nullable;

/**
 * What an import did, once Voucherify finished it: how many rows were imported, how many
 * failed, and why each failed.
 *
 * @param asyncActionId Voucherify's id of the import
 * @param status the import's final status, {@code DONE}
 * @param imported rows imported
 * @param failed rows that failed
 * @param message Voucherify's summary
 * @param failedRows each failed row: its number (1 is the line after the header), code
 * and reason
 */
record ImportSummary(@Nullable String asyncActionId, @Nullable String status, @Nullable Integer imported,
		@Nullable Integer failed, @Nullable String message, List<CsvImportFailure> failedRows) {

	static ImportSummary of(AsyncActionDetails action) {
		CsvImportResult result = action.csvImportResult();
		String status = (action.status() != null) ? action.status().value() : null;
		if (result == null) {
			return new ImportSummary(action.id(), status, null, null, null, List.of());
		}
		return new ImportSummary(action.id(), status, result.doneCount(), result.failedCount(), result.message(),
				result.failed());
	}

}
