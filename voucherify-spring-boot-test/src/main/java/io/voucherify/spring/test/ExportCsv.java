package io.voucherify.spring.test;

import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Map;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The CSV file of a voucher-transactions export, as the download host serves it: a line
 * of column labels, then one line per transaction, with exactly the export's fields in
 * the export's order. Each cell is the value the JSON API gives for that field:
 * {@code amount} and {@code balance} as the integers (minor units or points) of the
 * transaction's {@code details.balance}, timestamps in ISO 8601 UTC, {@code details} as
 * compact JSON, nothing for {@code null}. Cells are quoted as RFC 4180 says, only when
 * they hold a comma, a quote or a line break.
 */
final class ExportCsv {

	/**
	 * The columns of an export that names no fields: the defaults table of Voucherify's
	 * Create Export for {@code voucher_transactions}, less its {@code status}. That table
	 * contradicts the fields enum, which has no {@code status}, and a transaction has no
	 * status to export.
	 */
	static final List<String> DEFAULT_FIELDS = List.of("id", "type", "source_id", "reason", "source", "balance",
			"amount", "created_at");

	/**
	 * Column labels, by the pattern of the spec's one download example ({@code id},
	 * {@code code}, {@code voucher_type} gave {@code ID}, {@code Code},
	 * {@code Voucher Type}). No source shows a voucher-transactions file: the labels are
	 * unverified.
	 */
	private static final Map<String, String> LABELS = Map.ofEntries(Map.entry("id", "ID"), Map.entry("type", "Type"),
			Map.entry("source_id", "Source ID"), Map.entry("reason", "Reason"), Map.entry("balance", "Balance"),
			Map.entry("amount", "Amount"), Map.entry("created_at", "Created At"), Map.entry("voucher_id", "Voucher ID"),
			Map.entry("campaign_id", "Campaign ID"), Map.entry("details", "Details"),
			Map.entry("related_transaction_id", "Related Transaction ID"), Map.entry("source", "Source"));

	/**
	 * CRLF, as RFC 4180 prescribes. Voucherify's real line ending is unverified; a client
	 * that reads CRLF also reads LF, but a naive one that splits on LF alone would keep a
	 * stray CR, so the emulator serves the harder of the two.
	 */
	private static final String RECORD_END = "\r\n";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private ExportCsv() {
	}

	/**
	 * Write a file, a line at a time.
	 * @param fields the columns, each one of the export fields
	 * @param transactions the transactions as the API lists them, in file order
	 * @param out where to write
	 * @throws IOException if writing fails
	 */
	static void write(List<String> fields, List<ObjectNode> transactions, Writer out) throws IOException {
		writeRecord(fields.stream().map(LABELS::get).toList(), out);
		for (ObjectNode transaction : transactions) {
			writeRecord(fields.stream().map((field) -> cell(value(transaction, field))).toList(), out);
		}
	}

	private static void writeRecord(List<String> cells, Writer out) throws IOException {
		for (int i = 0; i < cells.size(); i++) {
			if (i > 0) {
				out.write(',');
			}
			out.write(quote(cells.get(i)));
		}
		out.write(RECORD_END);
	}

	/**
	 * A field's value: the API lists a transaction's amount and balance in its details.
	 */
	private static JsonNode value(ObjectNode transaction, String field) {
		return switch (field) {
			case "amount", "balance" -> transaction.at("/details/balance/" + field);
			default -> transaction.path(field);
		};
	}

	private static String cell(JsonNode value) {
		if (value.isMissingNode() || value.isNull()) {
			return "";
		}
		return value.isContainer() ? MAPPER.writeValueAsString(value) : value.asString();
	}

	private static String quote(String cell) {
		boolean needsQuotes = cell.indexOf(',') >= 0 || cell.indexOf('"') >= 0 || cell.indexOf('\n') >= 0
				|| cell.indexOf('\r') >= 0;
		return needsQuotes ? '"' + cell.replace("\"", "\"\"") + '"' : cell;
	}

}
