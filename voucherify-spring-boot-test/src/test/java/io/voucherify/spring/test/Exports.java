package io.voucherify.spring.test;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Exports in tests: create one over HTTP, follow it, read its file.
 */
final class Exports {

	private Exports() {
	}

	/**
	 * Create an export of a voucher's transactions.
	 * @param parameters the body's {@code parameters} as JSON, {@code null} for no body
	 * @return the export's id
	 */
	static String create(VoucherifyEmulator emulator, String code, @Nullable String parameters) {
		HttpResponse<String> response = TestClients.raw(emulator, "POST",
				"/v1/vouchers/" + code + "/transactions/export",
				(parameters != null) ? "{\"parameters\":" + parameters + "}" : null);
		if (response.statusCode() != 200) {
			throw new IllegalStateException("Create Export answered " + response.statusCode() + ": " + response.body());
		}
		return Json.parse(response.body()).get("id").asString();
	}

	/** Get Export on the API host. */
	static JsonNode get(VoucherifyEmulator emulator, String id) {
		return TestClients.getJson(emulator, "/v1/exports/" + id);
	}

	/** The {@code result.url} of a finished export. */
	static String url(VoucherifyEmulator emulator, String id) {
		JsonNode url = get(emulator, id).at("/result/url");
		if (!url.isString()) {
			throw new IllegalStateException("Export " + id + " is not done");
		}
		return url.asString();
	}

	/**
	 * Download a finished export's file with its URL alone, and check the answer is 200.
	 */
	static String download(VoucherifyEmulator emulator, String id) {
		HttpResponse<String> response = TestClients.get(url(emulator, id));
		if (response.statusCode() != 200) {
			throw new IllegalStateException("The download answered " + response.statusCode() + ": " + response.body());
		}
		return response.body();
	}

	/** The records of a CSV file, read with the emulator's own RFC 4180 reader. */
	static List<List<String>> records(String csv) {
		CsvParser parser = new CsvParser(new StringReader(csv));
		List<List<String>> records = new ArrayList<>();
		try {
			List<String> record;
			while ((record = parser.next()) != null) {
				records.add(record);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return records;
	}

}
