package io.voucherify.spring.model;

/**
 * Sort order of a voucher's transactions ({@code ParameterOrderListTransactions}).
 *
 * @since 0.1.0
 */
public enum TransactionsOrder {

	/** Oldest first: {@code id}. */
	ID("id"),

	/** Newest first: {@code -id}. */
	ID_DESCENDING("-id");

	private final String value;

	TransactionsOrder(String value) {
		this.value = value;
	}

	/**
	 * The value of the {@code order} query parameter.
	 * @return {@code id} or {@code -id}
	 */
	public String value() {
		return this.value;
	}

}
