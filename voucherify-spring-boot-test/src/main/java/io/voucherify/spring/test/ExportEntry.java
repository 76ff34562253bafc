package io.voucherify.spring.test;

import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * An export of one voucher's transactions. Guarded by the state's lock.
 */
final class ExportEntry implements JobTiming.Job {

	final String id;

	private final JobTiming timing;

	/** The voucher's code, which the export's filter names. */
	final String voucherCode;

	final String voucherId;

	/** The requested order, {@code null} if none was given. */
	final @Nullable String order;

	/** The requested fields, {@code null} if none were given. */
	final @Nullable List<String> fields;

	/** The token of the download URL, issued when the export is done. */
	@Nullable String token;

	/**
	 * The exported transactions as the API lists them, in the export's order, once done.
	 */
	List<ObjectNode> rows = List.of();

	ExportEntry(String id, JobTiming timing, String voucherCode, String voucherId, @Nullable String order,
			@Nullable List<String> fields) {
		this.id = id;
		this.timing = timing;
		this.voucherCode = voucherCode;
		this.voucherId = voucherId;
		this.order = order;
		this.fields = (fields != null) ? List.copyOf(fields) : null;
	}

	/**
	 * Whether the transactions are listed oldest first; Voucherify's default is newest
	 * first.
	 */
	boolean ascending() {
		return "created_at".equals(this.order);
	}

	@Override
	public JobTiming timing() {
		return this.timing;
	}

}
