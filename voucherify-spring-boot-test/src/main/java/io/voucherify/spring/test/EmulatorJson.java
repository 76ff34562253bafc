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
 * The emulator's vouchers and transactions as Voucherify's JSON shows them.
 */
final class EmulatorJson {

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private final String baseUrl;

	EmulatorJson(String baseUrl) {
		this.baseUrl = baseUrl;
	}

	/**
	 * The voucher as Voucherify shows it. Fields the spec declares non-nullable but that
	 * have no value (campaign, category, dates, additional info) are left out rather than
	 * sent as {@code null}.
	 */
	ObjectNode voucher(VoucherEntry entry, @Nullable Category category) {
		ObjectNode voucher = NODES.objectNode();
		voucher.put("id", entry.id);
		voucher.put("code", entry.code);
		putIfPresent(voucher, "campaign", entry.campaign);
		putIfPresent(voucher, "campaign_id", entry.campaignId);
		ArrayNode categoriesArray = NODES.arrayNode();
		if (category != null) {
			voucher.put("category", category.name());
			voucher.put("category_id", category.id());
			ObjectNode categoryJson = categoriesArray.addObject();
			categoryJson.put("id", category.id());
			categoryJson.put("name", category.name());
			categoryJson.put("hierarchy", 0);
			categoryJson.put("created_at", Timestamps.format(category.createdAt()));
			categoryJson.put("object", "category");
		}
		voucher.set("categories", categoriesArray);
		voucher.put("type", entry.type);
		if (entry.discount != null) {
			voucher.set("discount", entry.discount.deepCopy());
		}
		if (entry.isGiftCard()) {
			ObjectNode gift = voucher.putObject("gift");
			gift.put("amount", entry.giftAmount);
			gift.put("balance", entry.giftBalance);
			gift.put("effect", entry.giftEffect);
		}
		if (entry.isLoyaltyCard()) {
			ObjectNode loyaltyCard = voucher.putObject("loyalty_card");
			loyaltyCard.put("points", entry.loyaltyPoints);
			loyaltyCard.put("balance", entry.loyaltyBalance);
		}
		if (entry.startDate != null) {
			voucher.put("start_date", Timestamps.format(entry.startDate));
		}
		if (entry.expirationDate != null) {
			voucher.put("expiration_date", Timestamps.format(entry.expirationDate));
		}
		voucher.put("active", entry.active);
		putIfPresent(voucher, "additional_info", entry.additionalInfo);
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
		putIfPresent(voucher, "holder_id", entry.holderId);
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
	 * The export Voucherify schedules for a voucher's transactions.
	 * @param code the voucher's code
	 * @param order the export's order, if given
	 * @param fields the export's fields, if given
	 */
	static ObjectNode export(String code, @Nullable String order, @Nullable List<String> fields) {
		ObjectNode export = NODES.objectNode();
		export.put("id", Ids.exportId());
		export.put("object", "export");
		export.put("created_at", Timestamps.format(Timestamps.now()));
		export.put("status", "SCHEDULED");
		export.put("channel", "API");
		export.put("exported_object", "voucher_transactions");
		ObjectNode parameters = export.putObject("parameters");
		if (order != null) {
			parameters.put("order", order);
		}
		if (fields != null) {
			ArrayNode array = parameters.putArray("fields");
			fields.forEach(array::add);
		}
		parameters.putObject("filters").putObject("voucher_id").putObject("conditions").putArray("$in").add(code);
		export.putNull("result");
		export.putNull("user_id");
		return export;
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

	private static void putIfPresent(ObjectNode json, String name, @Nullable String value) {
		if (value != null) {
			json.put(name, value);
		}
	}

	private static void putOrNull(ObjectNode json, String name, @Nullable String value) {
		if (value != null) {
			json.put(name, value);
		}
		else {
			json.putNull(name);
		}
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
