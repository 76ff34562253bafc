package io.voucherify.spring.test;

import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The query of a transactions list.
 *
 * @param limit page size, 1 to 100
 * @param ascending {@code order=id}; the default, {@code -id}, lists newest first
 * @param startingAfterId the cursor
 * @param page the older 1-based page number
 */
record ListTransactionsQuery(int limit, boolean ascending, @Nullable String startingAfterId, @Nullable Integer page) {

	static final int DEFAULT_LIMIT = 10;

	static final int MAX_LIMIT = 100;

	/**
	 * Read the query of {@code GET /v1/vouchers/{code}/transactions}.
	 * @throws ApiError if a parameter is not one Voucherify accepts
	 */
	static ListTransactionsQuery parse(Map<String, String> query) {
		int limit = DEFAULT_LIMIT;
		String limitText = query.get("limit");
		if (limitText != null) {
			limit = integer(limitText, "limit");
			if (limit < 1 || limit > MAX_LIMIT) {
				throw ApiError.invalidQueryParams(
						"Query param 'limit' must be between 1 and " + MAX_LIMIT + ", was " + limitText);
			}
		}
		String order = query.getOrDefault("order", "-id");
		if (!order.equals("id") && !order.equals("-id")) {
			throw ApiError.invalidQueryParams("Query param 'order' must be 'id' or '-id', was '" + order + "'");
		}
		String startingAfterId = query.get("starting_after_id");
		if (startingAfterId != null && startingAfterId.isEmpty()) {
			throw ApiError.invalidQueryParams("Query param 'starting_after_id' must not be empty");
		}
		Integer page = null;
		String pageText = query.get("page");
		if (pageText != null) {
			page = integer(pageText, "page");
			if (page < 1) {
				throw ApiError.invalidQueryParams("Query param 'page' must be at least 1, was " + pageText);
			}
		}
		return new ListTransactionsQuery(limit, order.equals("id"), startingAfterId, page);
	}

	private static int integer(String text, String name) {
		try {
			return Integer.parseInt(text);
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalidQueryParams("Query param '" + name + "' must be an integer, was '" + text + "'");
		}
	}

}
