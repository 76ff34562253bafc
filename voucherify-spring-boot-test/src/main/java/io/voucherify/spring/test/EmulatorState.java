package io.voucherify.spring.test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;

import io.voucherify.spring.test.VoucherEntry.TransactionEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's data and the semantics of the nine operations and of the background jobs
 * that follow them (an import's async action, an export), built from Voucherify's OpenAPI
 * specs. Every method holds one lock, so each operation is atomic and the state is safe
 * to use from the HTTP threads and the test thread at once. Answers are JSON trees built
 * here, never the client's model classes.
 * <p>
 * Jobs run on the clock, not on threads: every method first completes, in order, each job
 * whose time has come ({@link #tick()}), so an import's vouchers appear, and an export's
 * snapshot is taken, exactly once, at the job's due time, whichever call comes next.
 */
final class EmulatorState {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Object lock = new Object();

	private final EmulatorJson json;

	private final Clock clock;

	private final Duration jobDuration;

	/** Every voucher whose code is taken, those in the bin included. */
	private final Map<String, VoucherEntry> byCode = new HashMap<>();

	private final Map<String, VoucherEntry> byId = new HashMap<>();

	private final Map<String, EmulatorJson.Category> categories = new HashMap<>();

	private final List<String> csvImports = new ArrayList<>();

	private final Map<String, AsyncActionEntry> asyncActions = new HashMap<>();

	private final Map<String, ExportEntry> exports = new HashMap<>();

	/**
	 * Jobs not done yet, in creation order. Every job takes the same duration, so this is
	 * also the order in which they fall due.
	 */
	private final Queue<JobTiming.Job> pendingJobs = new ArrayDeque<>();

	/** Transaction ids are hexadecimal and increasing, so they sort by creation. */
	private long transactionSequence = System.currentTimeMillis() * 1_000_000L;

	private Instant lastTransactionAt = Instant.EPOCH;

	/**
	 * @param baseUrl the API host's base URL
	 * @param downloadBaseUrl the download host's base URL
	 * @param jobDuration how long a background job takes
	 * @param clock the clock that times jobs and stamps changes
	 */
	EmulatorState(String baseUrl, String downloadBaseUrl, Duration jobDuration, Clock clock) {
		this.json = new EmulatorJson(baseUrl, downloadBaseUrl);
		this.jobDuration = jobDuration;
		this.clock = clock;
	}

	// Seeding and inspection

	EmulatedVoucher add(VoucherDraft draft) {
		synchronized (this.lock) {
			addAll(List.of(draft), List.of(), tick());
			return this.byCode.get(draft.code).snapshot();
		}
	}

	/**
	 * Add vouchers and sessions, all or none.
	 * @throws IllegalStateException if a code or id is already taken
	 * @throws IllegalArgumentException if a session names an unknown voucher
	 */
	void addAll(List<VoucherDraft> drafts, List<Map.Entry<String, String>> sessions) {
		synchronized (this.lock) {
			addAll(drafts, sessions, tick());
		}
	}

	/**
	 * Import the rows of a CSV seed file at once, all or none.
	 * @param parsed the file's rows
	 * @return the rows that cannot be imported, in file order; if there are any, nothing
	 * was imported
	 */
	List<CsvVouchers.Failure> importSeed(CsvVouchers.Parsed parsed) {
		synchronized (this.lock) {
			Instant now = tick();
			ImportPlan plan = plan(parsed);
			if (plan.failures().isEmpty()) {
				apply(plan, now);
			}
			return plan.failures();
		}
	}

	void addSession(String code, String sessionKey) {
		synchronized (this.lock) {
			tick();
			VoucherEntry entry = live(code);
			if (entry == null) {
				throw new IllegalArgumentException("No voucher '" + code + "' to hold session '" + sessionKey + "'");
			}
			entry.sessions.add(sessionKey);
		}
	}

	Optional<EmulatedVoucher> voucher(String code) {
		synchronized (this.lock) {
			tick();
			VoucherEntry entry = find(code);
			return (entry != null) ? Optional.of(entry.snapshot()) : Optional.empty();
		}
	}

	List<EmulatedTransaction> transactions(String code) {
		synchronized (this.lock) {
			tick();
			VoucherEntry entry = find(code);
			if (entry == null) {
				return List.of();
			}
			return entry.transactions.stream()
				.map((tx) -> new EmulatedTransaction(tx.id(), tx.type(), tx.amount(), tx.balance(), tx.sourceId(),
						tx.reason(), tx.createdAt()))
				.toList();
		}
	}

	List<String> csvImports() {
		synchronized (this.lock) {
			return List.copyOf(this.csvImports);
		}
	}

	/** Forget every voucher, category, import, async action and export. */
	void clear() {
		synchronized (this.lock) {
			this.byCode.clear();
			this.byId.clear();
			this.categories.clear();
			this.csvImports.clear();
			this.asyncActions.clear();
			this.exports.clear();
			this.pendingJobs.clear();
		}
	}

	// The operations

	ObjectNode getVoucher(String code) {
		synchronized (this.lock) {
			tick();
			return voucherJson(require(code));
		}
	}

	ObjectNode setActive(String code, boolean active) {
		synchronized (this.lock) {
			Instant now = tick();
			VoucherEntry entry = require(code);
			entry.active = active;
			entry.updatedAt = now;
			return voucherJson(entry);
		}
	}

	void delete(String code, boolean force) {
		synchronized (this.lock) {
			Instant now = tick();
			VoucherEntry entry = require(code);
			if (force) {
				// Gone for good: the code is free again.
				this.byCode.remove(entry.code);
				this.byId.remove(entry.id);
			}
			else {
				// In the bin: not found by the API, but the code stays taken.
				entry.deleted = true;
				entry.updatedAt = now;
			}
		}
	}

	ObjectNode updateBalance(String code, long amount, @Nullable String sourceId, @Nullable String reason,
			String source) {
		synchronized (this.lock) {
			Instant now = transactionTime(tick());
			VoucherEntry entry = require(code);
			long total;
			long balance;
			String transactionType;
			String balanceType;
			if (entry.isGiftCard()) {
				balance = add(entry.giftBalance, amount);
				if (balance < 0) {
					throw new ApiError(
							400, "gift_amount_exceeded", "Gift amount exceeded", "Cannot remove " + (-amount)
									+ " from voucher " + entry.code + ": its balance is " + entry.giftBalance,
							entry.code, "voucher");
				}
				total = add(entry.giftAmount, amount);
				entry.giftAmount = total;
				entry.giftBalance = balance;
				transactionType = (amount > 0) ? "CREDITS_ADDITION" : "CREDITS_REMOVAL";
				balanceType = "gift_voucher";
			}
			else if (entry.isLoyaltyCard()) {
				balance = add(entry.loyaltyBalance, amount);
				if (balance < 0) {
					throw new ApiError(400, "loyalty_card_points_exceeded", "Loyalty card points exceeded",
							"Cannot remove " + (-amount) + " points from voucher " + entry.code + ": its balance is "
									+ entry.loyaltyBalance,
							entry.code, "voucher");
				}
				total = add(entry.loyaltyPoints, amount);
				entry.loyaltyPoints = total;
				entry.loyaltyBalance = balance;
				transactionType = (amount > 0) ? "POINTS_ADDITION" : "POINTS_REMOVAL";
				balanceType = "loyalty_card";
			}
			else {
				throw ApiError.invalidBalanceParams("Voucher " + entry.code + " is a " + entry.type
						+ ": only gift cards and loyalty cards have a balance");
			}
			entry.updatedAt = now;
			this.transactionSequence++;
			String id = "vtx_" + String.format("%018x", this.transactionSequence);
			entry.transactions
				.add(new TransactionEntry(id, transactionType, amount, total, balance, sourceId, reason, source, now));
			ObjectNode response = NODES.objectNode();
			response.put("amount", amount);
			response.put("total", total);
			response.put("balance", balance);
			response.put("type", balanceType);
			response.put("operation_type", "MANUAL");
			response.put("object", "balance");
			ObjectNode related = response.putObject("related_object");
			related.put("type", "voucher");
			related.put("id", entry.id);
			return response;
		}
	}

	ObjectNode listTransactions(String code, ListTransactionsQuery query) {
		synchronized (this.lock) {
			tick();
			VoucherEntry entry = require(code);
			List<TransactionEntry> ordered = new ArrayList<>(entry.transactions);
			if (!query.ascending()) {
				Collections.reverse(ordered);
			}
			String after = query.startingAfterId();
			List<TransactionEntry> candidates = ordered.stream()
				.filter((tx) -> after == null
						|| (query.ascending() ? tx.id().compareTo(after) > 0 : tx.id().compareTo(after) < 0))
				.toList();
			int skip = (query.page() != null)
					? (int) Math.min(Integer.MAX_VALUE, (long) (query.page() - 1) * query.limit()) : 0;
			List<TransactionEntry> rest = candidates.subList(Math.min(skip, candidates.size()), candidates.size());
			List<TransactionEntry> page = rest.subList(0, Math.min(query.limit(), rest.size()));
			boolean hasMore = rest.size() > page.size();
			ObjectNode list = NODES.objectNode();
			list.put("object", "list");
			list.put("data_ref", "data");
			ArrayNode data = list.putArray("data");
			page.forEach((tx) -> data.add(EmulatorJson.transaction(entry, tx)));
			list.put("has_more", hasMore);
			if (hasMore) {
				list.put("more_starting_after", page.get(page.size() - 1).id());
			}
			return list;
		}
	}

	/**
	 * Schedule an export of a voucher's transactions.
	 * @return the export as Create Export answers it: {@code SCHEDULED}, even when the
	 * emulator's jobs take no time and it is already done
	 */
	ObjectNode export(String code, @Nullable String order, @Nullable List<String> fields) {
		synchronized (this.lock) {
			Instant now = tick();
			VoucherEntry voucher = require(code);
			ExportEntry export = new ExportEntry(Ids.exportId(), new JobTiming(now, this.jobDuration), voucher.code,
					voucher.id, order, fields);
			this.exports.put(export.id, export);
			this.pendingJobs.add(export);
			ObjectNode answer = this.json.export(export, "SCHEDULED");
			settle(now);
			return answer;
		}
	}

	ObjectNode getExport(String id) {
		synchronized (this.lock) {
			Instant now = tick();
			ExportEntry export = requireExport(id);
			String status = switch (export.timing().phase(now)) {
				case QUEUED -> "SCHEDULED";
				case RUNNING -> "IN_PROGRESS";
				case DONE -> "DONE";
			};
			return this.json.export(export, status);
		}
	}

	/**
	 * The file of a finished export, for the download host.
	 * @param id the export's id
	 * @param token the {@code token} query parameter
	 * @return the file's columns and rows
	 * @throws ApiError 404 if there is no such export, 401 if the token is not the one of
	 * its {@code result.url} (there is none before the export is done)
	 */
	ExportFile exportFile(String id, @Nullable String token) {
		synchronized (this.lock) {
			tick();
			ExportEntry export = requireExport(id);
			if (export.token == null || token == null || !MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
					export.token.getBytes(StandardCharsets.UTF_8))) {
				throw ApiError.unauthorized();
			}
			return new ExportFile((export.fields != null) ? export.fields : ExportCsv.DEFAULT_FIELDS, export.rows);
		}
	}

	/**
	 * Start an import: its rows are applied when its async action is done, at once if the
	 * emulator's jobs take no time (then before the {@code 202} is sent).
	 * @param parsed the file's rows
	 * @return the id of the import's async action
	 */
	String importCsv(CsvVouchers.Parsed parsed) {
		synchronized (this.lock) {
			Instant now = tick();
			AsyncActionEntry action = new AsyncActionEntry(Ids.asyncActionId(), new JobTiming(now, this.jobDuration),
					parsed);
			this.asyncActions.put(action.id, action);
			this.csvImports.add(action.id);
			this.pendingJobs.add(action);
			settle(now);
			return action.id;
		}
	}

	ObjectNode getAsyncAction(String id) {
		synchronized (this.lock) {
			Instant now = tick();
			AsyncActionEntry action = this.asyncActions.get(id);
			if (action == null) {
				throw ApiError.asyncActionNotFound(id);
			}
			return EmulatorJson.asyncAction(action, now);
		}
	}

	void releaseSession(String code, String sessionKey) {
		synchronized (this.lock) {
			tick();
			VoucherEntry entry = require(code);
			if (!entry.sessions.remove(sessionKey)) {
				throw ApiError.sessionNotFound(sessionKey);
			}
		}
	}

	// Helpers, called with the lock held

	/**
	 * Now, once every job due by now is done: what each operation sees first.
	 */
	private Instant tick() {
		Instant now = Timestamps.now(this.clock);
		settle(now);
		return now;
	}

	/** Complete, in the order they fall due, the jobs due by {@code now}. */
	private void settle(Instant now) {
		JobTiming.Job job;
		while ((job = this.pendingJobs.peek()) != null && !job.timing().dueAt().isAfter(now)) {
			this.pendingJobs.remove();
			if (job instanceof AsyncActionEntry action) {
				complete(action);
			}
			else if (job instanceof ExportEntry export) {
				complete(export);
			}
		}
	}

	/** Apply an import's rows, as of its due time, and keep its result. */
	private void complete(AsyncActionEntry action) {
		CsvVouchers.Parsed rows = action.rows;
		if (rows == null) {
			return;
		}
		ImportPlan plan = plan(rows);
		apply(plan, action.timing().dueAt());
		action.result = EmulatorJson.importResult(plan.doneCount(), plan.failures());
		action.rows = null;
	}

	/**
	 * Take the export's snapshot: the voucher's transactions as of its due time (every
	 * later one is made after this runs), in the export's order, and issue its token.
	 */
	private void complete(ExportEntry export) {
		VoucherEntry voucher = this.byId.get(export.voucherId);
		List<ObjectNode> rows = new ArrayList<>();
		if (voucher != null) {
			voucher.transactions.forEach((tx) -> rows.add(EmulatorJson.transaction(voucher, tx)));
		}
		if (!export.ascending()) {
			Collections.reverse(rows);
		}
		export.rows = List.copyOf(rows);
		export.token = Ids.downloadToken();
	}

	/**
	 * What an import does, decided against the current vouchers: new codes create
	 * vouchers, codes of live vouchers update them, and the other rows fail.
	 */
	private ImportPlan plan(CsvVouchers.Parsed parsed) {
		List<VoucherDraft> creations = new ArrayList<>();
		List<CsvVouchers.Row> updates = new ArrayList<>();
		List<CsvVouchers.Failure> failures = new ArrayList<>(parsed.failures());
		for (CsvVouchers.Row row : parsed.rows()) {
			VoucherEntry existing = this.byCode.get(row.code());
			if (existing == null) {
				try {
					creations.add(row.toDraft());
				}
				catch (CsvVouchers.RowException ex) {
					failures.add(row.failure(ex.getMessage()));
				}
			}
			else if (existing.deleted) {
				failures.add(row.failure("Code " + row.code()
						+ " belongs to a deleted voucher in the bin; delete it with force=true to reuse the code"));
			}
			else if (row.type() != null && !row.type().equals(existing.type)) {
				failures.add(row.failure("Voucher " + row.code() + " is a " + existing.type
						+ " and cannot be re-imported as a " + row.type()));
			}
			else {
				updates.add(row);
			}
		}
		failures.sort(Comparator.comparingInt(CsvVouchers.Failure::row));
		return new ImportPlan(creations, updates, List.copyOf(failures));
	}

	/**
	 * Apply an import's plan. A re-uploaded code updates its voucher's {@code active}
	 * flag and category, what Voucherify's import guides say a re-upload updates.
	 */
	private void apply(ImportPlan plan, Instant at) {
		addAll(plan.creations(), List.of(), at);
		for (CsvVouchers.Row row : plan.updates()) {
			VoucherEntry entry = this.byCode.get(row.code());
			if (row.active() != null) {
				entry.active = row.active();
			}
			if (row.category() != null) {
				entry.category = row.category();
				category(row.category(), at);
			}
			entry.updatedAt = at;
		}
	}

	private void addAll(List<VoucherDraft> drafts, List<Map.Entry<String, String>> sessions, Instant now) {
		Set<String> codes = new HashSet<>();
		Set<String> ids = new HashSet<>();
		for (VoucherDraft draft : drafts) {
			if (this.byCode.containsKey(draft.code) || !codes.add(draft.code)) {
				throw new IllegalStateException("A voucher with code '" + draft.code + "' already exists");
			}
			if (draft.id != null && (this.byId.containsKey(draft.id) || !ids.add(draft.id))) {
				throw new IllegalStateException("A voucher with id '" + draft.id + "' already exists");
			}
		}
		for (Map.Entry<String, String> session : sessions) {
			if (!codes.contains(session.getKey()) && live(session.getKey()) == null) {
				throw new IllegalArgumentException(
						"Cannot seed session '" + session.getValue() + "': no voucher '" + session.getKey() + "'");
			}
		}
		for (VoucherDraft draft : drafts) {
			String id = (draft.id != null) ? draft.id : Ids.voucherId();
			VoucherEntry entry = new VoucherEntry(id, draft, (draft.createdAt != null) ? draft.createdAt : now);
			if (entry.category != null) {
				category(entry.category, now);
			}
			this.byCode.put(entry.code, entry);
			this.byId.put(entry.id, entry);
		}
		for (Map.Entry<String, String> session : sessions) {
			VoucherEntry entry = live(session.getKey());
			if (entry != null) {
				entry.sessions.add(session.getValue());
			}
		}
	}

	private ExportEntry requireExport(String id) {
		ExportEntry export = this.exports.get(id);
		if (export == null) {
			throw ApiError.exportNotFound(id);
		}
		return export;
	}

	/** A voucher by code, or by id ({@code v_...}) as Voucherify allows; bin included. */
	private @Nullable VoucherEntry find(String codeOrId) {
		VoucherEntry entry = this.byCode.get(codeOrId);
		return (entry != null) ? entry : this.byId.get(codeOrId);
	}

	private @Nullable VoucherEntry live(String codeOrId) {
		VoucherEntry entry = find(codeOrId);
		return (entry != null && !entry.deleted) ? entry : null;
	}

	private VoucherEntry require(String codeOrId) {
		VoucherEntry entry = live(codeOrId);
		if (entry == null) {
			throw ApiError.voucherNotFound(codeOrId);
		}
		return entry;
	}

	private EmulatorJson.Category category(String name, Instant now) {
		return this.categories.computeIfAbsent(name, (key) -> new EmulatorJson.Category(Ids.categoryId(), key, now));
	}

	private static long add(long value, long amount) {
		try {
			return Math.addExact(value, amount);
		}
		catch (ArithmeticException ex) {
			throw ApiError.invalidBalanceParams("amount " + amount + " is out of range");
		}
	}

	/** Now, but never before the previous transaction: created_at follows the ids. */
	private Instant transactionTime(Instant now) {
		if (now.isBefore(this.lastTransactionAt)) {
			now = this.lastTransactionAt;
		}
		this.lastTransactionAt = now;
		return now;
	}

	private ObjectNode voucherJson(VoucherEntry entry) {
		return this.json.voucher(entry, (entry.category != null) ? category(entry.category, entry.createdAt) : null);
	}

	/**
	 * What an import does.
	 *
	 * @param creations the vouchers to create
	 * @param updates the rows that update a live voucher
	 * @param failures the rows that fail, in file order
	 */
	private record ImportPlan(List<VoucherDraft> creations, List<CsvVouchers.Row> updates,
			List<CsvVouchers.Failure> failures) {

		int doneCount() {
			return this.creations.size() + this.updates.size();
		}

	}

	/**
	 * The file of a finished export.
	 *
	 * @param fields its columns
	 * @param transactions its rows: transactions as the API lists them
	 */
	record ExportFile(List<String> fields, List<ObjectNode> transactions) {

	}

}
