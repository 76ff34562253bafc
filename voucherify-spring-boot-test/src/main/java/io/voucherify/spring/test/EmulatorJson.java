package io.voucherify.spring.test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import io.voucherify.spring.test.VoucherEntry.TransactionEntry;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The emulator's vouchers, transactions, async actions and exports as Voucherify's JSON
 * shows them.
 */
final class EmulatorJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String baseUrl;

	private final String downloadBaseUrl;

	EmulatorJson(String baseUrl, String downloadBaseUrl) {
		this.baseUrl = baseUrl;
		this.downloadBaseUrl = downloadBaseUrl;
	}

	/**
	 * The voucher as Voucherify shows it, key for key as the spec's get-voucher examples
	 * do: a field without a value is an explicit {@code null} where the examples send
	 * {@code null} ({@code campaign}, {@code category}, the dates,
	 * {@code additional_info}, the validity fields, the
	 * {@code gift}/{@code loyalty_card}/{@code discount} that do not fit the type,
	 * {@code redemption.quantity}), although the spec does not mark them nullable, and
	 * left out where the examples leave it out ({@code categories} of a voucher without a
	 * category, {@code holder_id}, {@code validity_hours}, {@code referrer_id}).
	 */
	ObjectNode voucher(VoucherEntry entry, @Nullable Category category) {
		ObjectNode voucher = NODES.objectNode();
		voucher.put("id", entry.id);
		voucher.put("code", entry.code);
		putOrNull(voucher, "campaign", entry.campaign);
		putOrNull(voucher, "campaign_id", entry.campaignId);
		if (category != null) {
			voucher.put("category", category.name());
			voucher.put("category_id", category.id());
			ObjectNode categoryJson = voucher.putArray("categories").addObject();
			categoryJson.put("id", category.id());
			categoryJson.put("name", category.name());
			categoryJson.put("hierarchy", 0);
			categoryJson.put("created_at", Timestamps.format(category.createdAt()));
			categoryJson.put("object", "category");
		}
		else {
			voucher.putNull("category");
			voucher.putNull("category_id");
		}
		voucher.put("type", entry.type);
		if (entry.discount != null) {
			voucher.set("discount", entry.discount.deepCopy());
		}
		else {
			voucher.putNull("discount");
		}
		if (entry.isGiftCard()) {
			ObjectNode gift = voucher.putObject("gift");
			gift.put("amount", entry.giftAmount);
			gift.put("balance", entry.giftBalance);
			gift.put("effect", entry.giftEffect);
		}
		else {
			voucher.putNull("gift");
		}
		if (entry.isLoyaltyCard()) {
			ObjectNode loyaltyCard = voucher.putObject("loyalty_card");
			loyaltyCard.put("points", entry.loyaltyPoints);
			loyaltyCard.put("balance", entry.loyaltyBalance);
		}
		else {
			voucher.putNull("loyalty_card");
		}
		putOrNull(voucher, "start_date", entry.startDate);
		putOrNull(voucher, "expiration_date", entry.expirationDate);
		// Validity timeframes and days are not emulated: every voucher is valid all week.
		voucher.putNull("validity_timeframe");
		voucher.putNull("validity_day_of_week");
		voucher.put("active", entry.active);
		putOrNull(voucher, "additional_info", entry.additionalInfo);
		voucher.set("metadata", entry.metadata.deepCopy());
		ObjectNode assets = voucher.putObject("assets");
		ObjectNode qr = assets.putObject("qr");
		qr.put("id", entry.qrId);
		qr.put("url", this.baseUrl + "/v1/assets/qr/" + entry.qrId);
		ObjectNode barcode = assets.putObject("barcode");
		barcode.put("id", entry.barcodeId);
		barcode.put("url", this.baseUrl + "/v1/assets/barcode/" + entry.barcodeId);
		voucher.put("is_referral_code", false);
		voucher.put("created_at", Timestamps.format(entry.createdAt));
		if (entry.updatedAt != null) {
			voucher.put("updated_at", Timestamps.format(entry.updatedAt));
		}
		if (entry.holderId != null) {
			voucher.put("holder_id", entry.holderId);
		}
		ObjectNode rules = voucher.putObject("validation_rules_assignments");
		rules.put("object", "list");
		rules.put("data_ref", "data");
		rules.putArray("data");
		rules.put("total", 0);
		String path = "/v1/vouchers/" + encode(entry.code);
		ObjectNode redemption = voucher.putObject("redemption");
		if (entry.redemptionQuantity != null) {
			redemption.put("quantity", entry.redemptionQuantity);
		}
		else {
			redemption.putNull("quantity");
		}
		redemption.put("redeemed_quantity", entry.redeemedQuantity);
		if (entry.isGiftCard()) {
			redemption.put("redeemed_amount", entry.redeemedAmount);
		}
		if (entry.isLoyaltyCard()) {
			redemption.put("redeemed_points", entry.redeemedPoints);
		}
		redemption.put("object", "list");
		redemption.put("url", path + "/redemptions?page=1&limit=10");
		ObjectNode publish = voucher.putObject("publish");
		publish.put("object", "list");
		publish.put("count", 0);
		publish.put("url", path + "/publications?page=1&limit=10");
		voucher.put("object", "voucher");
		return voucher;
	}

	/**
	 * An export of a voucher's transactions. Once done, {@code result.url} points at the
	 * download host, with the export's token, as Voucherify's points at
	 * {@code download.voucherify.io}.
	 * @param export the export
	 * @param status its status
	 */
	ObjectNode export(ExportEntry export, String status) {
		ObjectNode json = NODES.objectNode();
		json.put("id", export.id);
		json.put("object", "export");
		json.put("created_at", Timestamps.format(export.timing().createdAt()));
		json.put("status", status);
		json.put("channel", "API");
		json.put("exported_object", "voucher_transactions");
		ObjectNode parameters = json.putObject("parameters");
		if (export.order != null) {
			parameters.put("order", export.order);
		}
		if (export.fields != null) {
			ArrayNode array = parameters.putArray("fields");
			export.fields.forEach(array::add);
		}
		parameters.putObject("filters")
			.putObject("voucher_id")
			.putObject("conditions")
			.putArray("$in")
			.add(export.voucherCode);
		if (status.equals("DONE") && export.token != null) {
			json.putObject("result")
				.put("url", this.downloadBaseUrl + "/v1/exports/" + export.id + "?token=" + export.token);
		}
		else {
			json.putNull("result");
		}
		json.putNull("user_id");
		return json;
	}

	/**
	 * An import's async action, in the key order of the spec's example. {@code result}
	 * and {@code processing_time} appear once it is done: no source shows what an
	 * unfinished action has for them. There is no {@code operation_status}: the spec's
	 * {@code VOUCHERS.IMPORT_CSV} example has none (it shows one only on bulk and
	 * metadata updates), although the SDKs' live tests read one on campaign imports.
	 * @param action the action
	 * @param now the time, which decides its status
	 */
	static ObjectNode asyncAction(AsyncActionEntry action, Instant now) {
		JobTiming timing = action.timing();
		JobTiming.Phase phase = timing.phase(now);
		ObjectNode json = NODES.objectNode();
		json.put("id", action.id);
		json.put("type", AsyncActionEntry.VOUCHERS_IMPORT_CSV);
		json.put("status", switch (phase) {
			case QUEUED -> "ENQUEUED";
			case RUNNING -> "IN_PROGRESS";
			case DONE -> "DONE";
		});
		if (phase == JobTiming.Phase.DONE && action.result != null) {
			json.set("result", action.result.deepCopy());
		}
		json.put("created_at", Timestamps.format(timing.createdAt()));
		Instant updatedAt = switch (phase) {
			case QUEUED -> timing.createdAt();
			case RUNNING -> now;
			case DONE -> timing.dueAt();
		};
		json.put("updated_at", Timestamps.format(updatedAt));
		json.put("request_id", action.requestId);
		json.put("progress", timing.progress(now));
		if (phase == JobTiming.Phase.DONE) {
			json.put("processing_time", timing.processingMillis());
		}
		json.put("object", "async_action");
		return json;
	}

	/**
	 * The {@code result} of a finished import, shaped like the spec's example.
	 * @param doneCount the rows imported (vouchers created or updated)
	 * @param failures the rows that failed, in file order
	 */
	static ObjectNode importResult(int doneCount, List<CsvVouchers.Failure> failures) {
		ObjectNode result = NODES.objectNode();
		result.put("message", doneCount + " voucher(s) imported successfully, " + failures.size() + " failed.");
		ArrayNode failed = result.putArray("failed");
		for (CsvVouchers.Failure failure : failures) {
			ObjectNode item = failed.addObject();
			if (failure.code() != null) {
				item.put("code", failure.code());
			}
			item.put("row", failure.row());
			item.put("reason", failure.reason());
		}
		result.put("done_count", doneCount);
		result.put("failed_count", failures.size());
		return result;
	}

	/**
	 * A transaction as Voucherify lists it. {@code campaign_id} is {@code null} for a
	 * voucher without a campaign, as in Voucherify, although the spec marks it required
	 * and non-nullable.
	 */
	static ObjectNode transaction(VoucherEntry entry, TransactionEntry tx) {
		ObjectNode json = NODES.objectNode();
		json.put("id", tx.id());
		putOrNull(json, "source_id", tx.sourceId());
		json.put("voucher_id", entry.id);
		putOrNull(json, "campaign_id", entry.campaignId);
		json.put("source", tx.source());
		putOrNull(json, "reason", tx.reason());
		json.put("type", tx.type());
		ObjectNode balance = json.putObject("details").putObject("balance");
		balance.put("type", entry.isGiftCard() ? "gift_voucher" : "loyalty_card");
		balance.put("total", tx.total());
		balance.put("amount", tx.amount());
		if (entry.isLoyaltyCard()) {
			balance.put("points", tx.amount());
		}
		balance.put("object", "balance");
		balance.put("balance", tx.balance());
		balance.put("operation_type", "MANUAL");
		ObjectNode related = balance.putObject("related_object");
		related.put("id", entry.id);
		related.put("type", "voucher");
		json.putNull("related_transaction_id");
		json.put("created_at", Timestamps.format(tx.createdAt()));
		return json;
	}

	private static void putOrNull(ObjectNode json, String name, @Nullable String value) {
		if (value != null) {
			json.put(name, value);
		}
		else {
			json.putNull(name);
		}
	}

	private static void putOrNull(ObjectNode json, String name, @Nullable Instant value) {
		putOrNull(json, name, (value != null) ? Timestamps.format(value) : null);
	}

	/**
	 * Percent-encode a code as one path segment (RFC 3986 unreserved characters kept).
	 */
	static String encode(String value) {
		StringBuilder out = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
					|| c == '_' || c == '~') {
				out.append((char) c);
			}
			else {
				out.append('%')
					.append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
					.append(Character.toUpperCase(Character.forDigit(c & 0x0F, 16)));
			}
		}
		return out.toString();
	}

	/**
	 * A voucher category.
	 *
	 * @param id the category's id
	 * @param name its name
	 * @param createdAt when it was created
	 */
	record Category(String id, String name, Instant createdAt) {

	}

}
