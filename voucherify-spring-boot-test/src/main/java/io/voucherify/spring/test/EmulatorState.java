package io.voucherify.spring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.voucherify.spring.test.VoucherEntry.TransactionEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's data and the semantics of the nine operations, built from Voucherify's
 * OpenAPI spec. Every method holds one lock, so each operation is atomic and the state is
 * safe to use from the HTTP threads and the test thread at once. Answers are JSON trees
 * built here, never the client's model classes.
 */
final class EmulatorState {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final Object lock = new Object();

	private final EmulatorJson json;

	/** Every voucher whose code is taken, those in the bin included. */
	private final Map<String, VoucherEntry> byCode = new HashMap<>();

	private final Map<String, VoucherEntry> byId = new HashMap<>();

	private final Map<String, EmulatorJson.Category> categories = new HashMap<>();

	private final List<String> csvImports = new ArrayList<>();

	/** Transaction ids are hexadecimal and increasing, so they sort by creation. */
	private long transactionSequence = System.currentTimeMillis() * 1_000_000L;

	private Instant lastTransactionAt = Instant.EPOCH;

	EmulatorState(String baseUrl) {
		this.json = new EmulatorJson(baseUrl);
	}

	// Seeding and inspection

	EmulatedVoucher add(VoucherDraft draft) {
		synchronized (this.lock) {
			addAll(List.of(draft), List.of());
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
			Instant now = Timestamps.now();
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
	}

	void addSession(String code, String sessionKey) {
		synchronized (this.lock) {
			VoucherEntry entry = live(code);
			if (entry == null) {
				throw new IllegalArgumentException("No voucher '" + code + "' to hold session '" + sessionKey + "'");
			}
			entry.sessions.add(sessionKey);
		}
	}

	Optional<EmulatedVoucher> voucher(String code) {
		synchronized (this.lock) {
			VoucherEntry entry = find(code);
			return (entry != null) ? Optional.of(entry.snapshot()) : Optional.empty();
		}
	}

	List<EmulatedTransaction> transactions(String code) {
		synchronized (this.lock) {
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

	void clear() {
		synchronized (this.lock) {
			this.byCode.clear();
			this.byId.clear();
			this.categories.clear();
			this.csvImports.clear();
		}
	}

	// The operations

	ObjectNode getVoucher(String code) {
		synchronized (this.lock) {
			return voucherJson(require(code));
		}
	}

	ObjectNode setActive(String code, boolean active) {
		synchronized (this.lock) {
			VoucherEntry entry = require(code);
			entry.active = active;
			entry.updatedAt = Timestamps.now();
			return voucherJson(entry);
		}
	}

	void delete(String code, boolean force) {
		synchronized (this.lock) {
			VoucherEntry entry = require(code);
			if (force) {
				// Gone for good: the code is free again.
				this.byCode.remove(entry.code);
				this.byId.remove(entry.id);
			}
			else {
				// In the bin: not found by the API, but the code stays taken.
				entry.deleted = true;
				entry.updatedAt = Timestamps.now();
			}
		}
	}

	ObjectNode updateBalance(String code, long amount, @Nullable String sourceId, @Nullable String reason,
			String source) {
		synchronized (this.lock) {
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
			Instant now = transactionTime();
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

	ObjectNode export(String code, @Nullable String order, @Nullable List<String> fields) {
		String voucherCode;
		synchronized (this.lock) {
			voucherCode = require(code).code;
		}
		return EmulatorJson.export(voucherCode, order, fields);
	}

	/**
	 * Apply the rows of a CSV import, all or none: new codes create vouchers, codes of
	 * live vouchers update their {@code active} flag and category (what Voucherify
	 * updates on a re-upload), codes of vouchers in the bin are refused.
	 * @param rows the parsed rows
	 * @param record whether to record the import as received through the API
	 * @return the id of the import's asynchronous action
	 */
	String importRows(List<CsvVouchers.Row> rows, boolean record) {
		synchronized (this.lock) {
			List<VoucherDraft> creations = new ArrayList<>();
			List<Map.Entry<VoucherEntry, CsvVouchers.Row>> updates = new ArrayList<>();
			for (CsvVouchers.Row row : rows) {
				VoucherEntry existing = this.byCode.get(row.code());
				if (existing == null) {
					creations.add(row.toDraft());
				}
				else if (existing.deleted) {
					throw ApiError.duplicateFound("Line " + row.line() + ": code " + row.code()
							+ " belongs to a deleted voucher in the bin; delete it with force=true to reuse the code");
				}
				else if (row.type() != null && !row.type().equals(existing.type)) {
					throw ApiError.invalidPayload("Line " + row.line() + ": voucher " + row.code() + " is a "
							+ existing.type + " and cannot be re-imported as a " + row.type());
				}
				else {
					updates.add(Map.entry(existing, row));
				}
			}
			addAll(creations, List.of());
			Instant now = Timestamps.now();
			for (Map.Entry<VoucherEntry, CsvVouchers.Row> update : updates) {
				VoucherEntry entry = update.getKey();
				CsvVouchers.Row row = update.getValue();
				if (row.active() != null) {
					entry.active = row.active();
				}
				if (row.category() != null) {
					entry.category = row.category();
					category(row.category(), now);
				}
				entry.updatedAt = now;
			}
			String id = Ids.asyncActionId();
			if (record) {
				this.csvImports.add(id);
			}
			return id;
		}
	}

	void releaseSession(String code, String sessionKey) {
		synchronized (this.lock) {
			VoucherEntry entry = require(code);
			if (!entry.sessions.remove(sessionKey)) {
				throw ApiError.sessionNotFound(sessionKey);
			}
		}
	}

	// Helpers, called with the lock held

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
	private Instant transactionTime() {
		Instant now = Timestamps.now();
		if (now.isBefore(this.lastTransactionAt)) {
			now = this.lastTransactionAt;
		}
		this.lastTransactionAt = now;
		return now;
	}

	private ObjectNode voucherJson(VoucherEntry entry) {
		return this.json.voucher(entry, (entry.category != null) ? category(entry.category, entry.createdAt) : null);
	}

}
