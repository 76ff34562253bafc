package io.voucherify.spring.model;

import org.jspecify.annotations.Nullable;

/**
 * Query parameters of {@code GET /v1/vouchers/{code}/transactions}. Only the parameters
 * that are set are sent. <pre class="code">
 * TransactionsQuery.firstPage().withLimit(100).withOrder(TransactionsOrder.ID_DESCENDING);
 * TransactionsQuery.after(page.moreStartingAfter());
 * </pre>
 *
 * @param limit page size, 1 to 100 (Voucherify's default is 10)
 * @param order the sort order
 * @param startingAfterId the cursor: return transactions after this id, taken from a
 * page's {@code more_starting_after}
 * @param page the page number, the older paging parameter still shown by the Ruby SDK's
 * documentation; prefer the cursor
 * @since 0.1.0
 */
public record TransactionsQuery(@Nullable Integer limit, @Nullable TransactionsOrder order,
		@Nullable String startingAfterId, @Nullable Integer page) {

	/** The largest page Voucherify serves. */
	public static final int MAX_LIMIT = 100;

	/**
	 * Validate the query.
	 * @throws IllegalArgumentException if {@code limit} is outside 1..100, {@code page}
	 * is negative or {@code startingAfterId} is blank
	 */
	public TransactionsQuery {
		if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
			throw new IllegalArgumentException("limit must be between 1 and " + MAX_LIMIT + ", was " + limit);
		}
		if (page != null && page < 1) {
			throw new IllegalArgumentException("page starts at 1, was " + page);
		}
		if (startingAfterId != null && startingAfterId.isBlank()) {
			throw new IllegalArgumentException("startingAfterId must not be blank");
		}
	}

	/**
	 * A query with no parameters: Voucherify's defaults apply.
	 * @return the query
	 */
	public static TransactionsQuery firstPage() {
		return new TransactionsQuery(null, null, null, null);
	}

	/**
	 * A query for the page after a cursor.
	 * @param startingAfterId the {@code more_starting_after} of the previous page
	 * @return the query
	 * @throws IllegalArgumentException if {@code startingAfterId} is null or blank
	 */
	public static TransactionsQuery after(String startingAfterId) {
		return firstPage().withStartingAfterId(startingAfterId);
	}

	/**
	 * A copy with a page size.
	 * @param limit 1 to 100
	 * @return the new query
	 */
	public TransactionsQuery withLimit(int limit) {
		return new TransactionsQuery(limit, this.order, this.startingAfterId, this.page);
	}

	/**
	 * A copy with a sort order.
	 * @param order the order
	 * @return the new query
	 */
	public TransactionsQuery withOrder(TransactionsOrder order) {
		return new TransactionsQuery(this.limit, order, this.startingAfterId, this.page);
	}

	/**
	 * A copy with a cursor.
	 * @param startingAfterId the {@code more_starting_after} of the previous page
	 * @return the new query
	 */
	public TransactionsQuery withStartingAfterId(String startingAfterId) {
		if (startingAfterId == null) {
			throw new IllegalArgumentException("startingAfterId must not be null");
		}
		return new TransactionsQuery(this.limit, this.order, startingAfterId, this.page);
	}

	/**
	 * A copy with a page number (the older paging parameter).
	 * @param page the page number
	 * @return the new query
	 */
	public TransactionsQuery withPage(int page) {
		return new TransactionsQuery(this.limit, this.order, this.startingAfterId, page);
	}

}
