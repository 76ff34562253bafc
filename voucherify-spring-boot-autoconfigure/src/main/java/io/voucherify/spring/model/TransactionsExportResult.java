package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * The file of a finished {@link TransactionsExport} ({@code
 * VoucherTransactionsExport.result}).
 *
 * @param url where to download the CSV file; it carries the download token, so treat it
 * as a secret
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record TransactionsExportResult(@JsonProperty("url") @Nullable String url) {

	@Override
	public String toString() {
		// The URL's token lets anyone download the file.
		return "TransactionsExportResult[url=" + ((this.url != null) ? "(hidden)" : "null") + "]";
	}

}
