package io.voucherify.spring.test;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * The async action of a CSV import, the only kind the emulator runs. Guarded by the
 * state's lock.
 */
final class AsyncActionEntry implements JobTiming.Job {

	/** The action type the spec's type table gives {@code POST /vouchers/importCSV}. */
	static final String VOUCHERS_IMPORT_CSV = "VOUCHERS.IMPORT_CSV";

	final String id;

	final String requestId;

	private final JobTiming timing;

	/** The rows to import, until the action is done. */
	CsvVouchers.@Nullable Parsed rows;

	/** The import's {@code result}, once the action is done. */
	@Nullable ObjectNode result;

	AsyncActionEntry(String id, JobTiming timing, CsvVouchers.Parsed rows) {
		this.id = id;
		this.requestId = Ids.requestIdOf(id);
		this.timing = timing;
		this.rows = rows;
	}

	@Override
	public JobTiming timing() {
		return this.timing;
	}

}
