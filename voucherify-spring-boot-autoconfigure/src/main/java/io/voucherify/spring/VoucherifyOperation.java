package io.voucherify.spring;

/**
 * The nine operations of the Voucherify Vouchers API, and the three that follow their
 * background jobs (an async action, an export and its file), each with the name the
 * official SDKs give it. The name is safe to use as a metric tag or log field: it never
 * carries a voucher code.
 *
 * @since 0.1.0
 */
public enum VoucherifyOperation {

	/** {@code GET /v1/vouchers/{code}}. */
	GET_VOUCHER("get_voucher", true),

	/** {@code POST /v1/vouchers/{code}/enable}. */
	ENABLE_VOUCHER("enable_voucher", true),

	/** {@code POST /v1/vouchers/{code}/disable}. */
	DISABLE_VOUCHER("disable_voucher", true),

	/** {@code DELETE /v1/vouchers/{code}}. */
	DELETE_VOUCHER("delete_voucher", false),

	/** {@code POST /v1/vouchers/{code}/balance}. */
	UPDATE_VOUCHER_BALANCE("update_voucher_balance", false),

	/** {@code GET /v1/vouchers/{code}/transactions}. */
	LIST_VOUCHER_TRANSACTIONS("list_voucher_transactions", true),

	/** {@code POST /v1/vouchers/{code}/transactions/export}. */
	EXPORT_VOUCHER_TRANSACTIONS("export_voucher_transactions", false, true),

	/** {@code POST /v1/vouchers/importCSV}. */
	IMPORT_VOUCHERS_USING_CSV("import_vouchers_using_csv", false, true),

	/** {@code DELETE /v1/vouchers/{code}/sessions/{sessionKey}}. */
	RELEASE_VALIDATION_SESSION("release_validation_session", false),

	/** {@code GET /v1/async-actions/{asyncActionId}}, also each poll of an await. */
	GET_ASYNC_ACTION("get_async_action", true),

	/** {@code GET /v1/exports/{exportId}}, also each poll of an await. */
	GET_EXPORT("get_export", true),

	/**
	 * {@code GET /v1/exports/{exportId}?token=} on Voucherify's download host: an
	 * export's file, streamed.
	 */
	DOWNLOAD_EXPORT("download_export", true, true);

	private final String sdkName;

	private final boolean idempotent;

	private final boolean bulk;

	VoucherifyOperation(String sdkName, boolean idempotent) {
		this(sdkName, idempotent, false);
	}

	VoucherifyOperation(String sdkName, boolean idempotent, boolean bulk) {
		this.sdkName = sdkName;
		this.idempotent = idempotent;
		this.bulk = bulk;
	}

	/**
	 * The snake_case name of the operation in Voucherify's SDKs, e.g.
	 * {@code get_voucher}.
	 * @return the SDK name
	 */
	public String sdkName() {
		return this.sdkName;
	}

	/**
	 * Whether repeating the operation cannot change more than doing it once (get, list,
	 * enable, disable, and reading a job or its file). Only these are retried after a
	 * timeout or a 502/503/504; the others only when the request provably was not
	 * processed.
	 * @return {@code true} for idempotent operations
	 */
	public boolean isIdempotent() {
		return this.idempotent;
	}

	/**
	 * Whether the operation is a bulk one (CSV import, transactions export, export
	 * download), with the longer {@code voucherify.bulk-read-timeout}.
	 * @return {@code true} for the bulk operations
	 * @since 0.1.0
	 */
	public boolean isBulk() {
		return this.bulk;
	}

}
