package io.voucherify.spring.benchmarks;

/**
 * Pages of {@link LocalVoucherifyServer#TRANSACTIONS} generated transactions, numbered
 * from 1 in ascending order, shaped like the spec's {@code list-transactions-200.json}
 * and following the {@code more_starting_after} cursor.
 */
final class TransactionPagesFixture {

	private TransactionPagesFixture() {
	}

	static String id(long number) {
		return String.format("vtx_%07d", number);
	}

	/**
	 * The page for a query string: {@code limit} (default 10, at most 100) transactions
	 * after {@code starting_after_id}.
	 */
	static String page(String query) {
		int limit = 10;
		long after = 0;
		for (String parameter : query.split("&")) {
			int equals = parameter.indexOf('=');
			if (equals < 0) {
				continue;
			}
			String name = parameter.substring(0, equals);
			String value = parameter.substring(equals + 1);
			if (name.equals("limit")) {
				limit = Math.min(100, Integer.parseInt(value));
			}
			else if (name.equals("starting_after_id")) {
				after = Long.parseLong(value.substring("vtx_".length()));
			}
		}
		long first = after + 1;
		long last = Math.min(LocalVoucherifyServer.TRANSACTIONS, after + limit);
		StringBuilder json = new StringBuilder((int) Math.max(1, last - first + 1) * 700 + 200);
		json.append("{\"object\":\"list\",\"data_ref\":\"data\",\"data\":[");
		for (long number = first; number <= last; number++) {
			json.append((number > first) ? "," : "")
				.append("{\"id\":\"")
				.append(id(number))
				.append("\",\"source_id\":\"source_")
				.append(number)
				.append("\",\"voucher_id\":\"v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp\",")
				.append("\"campaign_id\":\"camp_FNYR4jhqZBM9xTptxDGgeNBV\",\"source\":\"API\",")
				.append("\"reason\":\"Adding credits to card\",\"type\":\"CREDITS_ADDITION\",")
				.append("\"details\":{\"balance\":{\"type\":\"gift_voucher\",\"total\":130020,\"amount\":")
				.append(number)
				.append(",\"object\":\"balance\",\"balance\":")
				.append(100_000 + number)
				.append(",\"related_object\":{\"id\":\"v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp\",\"type\":\"voucher\"}}},")
				.append("\"related_transaction_id\":null,\"created_at\":\"2023-03-17T15:50:00.786Z\"}");
		}
		boolean hasMore = last < LocalVoucherifyServer.TRANSACTIONS;
		json.append("],\"has_more\":").append(hasMore);
		if (hasMore) {
			json.append(",\"more_starting_after\":\"").append(id(last)).append('"');
		}
		return json.append('}').toString();
	}

}
