package io.voucherify.spring.test;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.core.io.Resource;

/**
 * Loads seed files into the emulator: a JSON array of vouchers shaped like the spec's
 * {@code Voucher} (or an object {@code {"vouchers": [...], "sessions": [{"code": ...,
 * "key": ...}]}}), or a CSV file with the import headers. A {@code .json} or {@code .csv}
 * file name decides the format; otherwise the first character does ({@code [} or
 * {@code {} for JSON).
 */
final class SeedFiles {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final Set<String> DISCOUNT_TYPES = Set.of("AMOUNT", "PERCENT", "FIXED", "UNIT");

	private static final Set<String> GIFT_EFFECTS = Set.of("APPLY_TO_ORDER", "APPLY_TO_ITEMS");

	private SeedFiles() {
	}

	/**
	 * Load one seed file.
	 * @param state where to add the vouchers
	 * @param resource the file
	 * @throws IllegalArgumentException if the file cannot be read or is invalid
	 * @throws IllegalStateException if a code is already taken
	 */
	static void load(EmulatorState state, Resource resource) {
		String description = resource.getDescription();
		try (InputStream in = new BufferedInputStream(resource.getInputStream())) {
			if (isJson(resource, in)) {
				loadJson(state, in, description);
			}
			else {
				loadCsv(state, in, description);
			}
		}
		catch (IOException ex) {
			throw new IllegalArgumentException("Cannot read seed " + description + ": " + ex.getMessage(), ex);
		}
	}

	/** A CSV seed loads all or nothing, like a JSON one: any bad row fails the seed. */
	private static void loadCsv(EmulatorState state, InputStream in, String description) throws IOException {
		List<CsvVouchers.Failure> failures;
		try {
			failures = state.importSeed(CsvVouchers.read(in));
		}
		catch (ApiError ex) {
			throw new IllegalArgumentException("Invalid CSV seed " + description + ": " + ex.details(), ex);
		}
		if (!failures.isEmpty()) {
			throw new IllegalArgumentException("Invalid CSV seed " + description + ": " + failures.stream()
				.map((failure) -> "row " + failure.row() + ((failure.code() != null) ? " (" + failure.code() + ")" : "")
						+ ": " + failure.reason())
				.collect(Collectors.joining("; ")));
		}
	}

	private static boolean isJson(Resource resource, InputStream in) throws IOException {
		String filename = resource.getFilename();
		if (filename != null) {
			String lower = filename.toLowerCase(Locale.ROOT);
			if (lower.endsWith(".json")) {
				return true;
			}
			if (lower.endsWith(".csv")) {
				return false;
			}
		}
		in.mark(4096);
		int c;
		int read = 0;
		do {
			c = in.read();
			read++;
		}
		while (c != -1 && read < 4096 && (Character.isWhitespace(c) || c == 0xEF || c == 0xBB || c == 0xBF));
		in.reset();
		return c == '[' || c == '{';
	}

	private static void loadJson(EmulatorState state, InputStream in, String description) {
		JsonNode root;
		try {
			root = MAPPER.readTree(in);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("Seed " + description + " is not valid JSON: " + ex.getOriginalMessage(),
					ex);
		}
		JsonNode vouchers = root;
		List<Map.Entry<String, String>> sessions = new ArrayList<>();
		if (root.isObject()) {
			vouchers = root.path("vouchers");
			for (JsonNode session : root.path("sessions")) {
				String code = text(session, "code");
				String key = text(session, "key");
				if (code == null || key == null) {
					throw new IllegalArgumentException(
							"Seed " + description + ": each session needs a 'code' and a 'key', got " + session);
				}
				sessions.add(Map.entry(code, key));
			}
		}
		if (!vouchers.isArray()) {
			throw new IllegalArgumentException(
					"Seed " + description + " must be a JSON array of vouchers or an object with a 'vouchers' array");
		}
		List<VoucherDraft> drafts = new ArrayList<>();
		int index = 0;
		for (JsonNode voucher : vouchers) {
			try {
				drafts.add(voucher(voucher));
			}
			catch (IllegalArgumentException ex) {
				throw new IllegalArgumentException(
						"Seed " + description + ", voucher #" + (index + 1) + ": " + ex.getMessage(), ex);
			}
			index++;
		}
		state.addAll(drafts, sessions);
	}

	/**
	 * A voucher of a JSON seed, shaped like the spec's {@code Voucher}: {@code code} is
	 * required, {@code type} may be inferred from which of {@code gift},
	 * {@code loyalty_card} and {@code discount} is set.
	 */
	static VoucherDraft voucher(JsonNode json) {
		if (!json.isObject()) {
			throw new IllegalArgumentException("a voucher must be a JSON object, got " + json);
		}
		String code = text(json, "code");
		if (code == null || code.isBlank()) {
			throw new IllegalArgumentException("'code' is required");
		}
		String type = text(json, "type");
		if (type == null) {
			type = json.hasNonNull("gift") ? VoucherDraft.GIFT_VOUCHER : json.hasNonNull("loyalty_card")
					? VoucherDraft.LOYALTY_CARD : json.hasNonNull("discount") ? VoucherDraft.DISCOUNT_VOUCHER : null;
		}
		if (type == null) {
			throw new IllegalArgumentException(
					"voucher '" + code + "' needs a 'type' or one of 'gift', " + "'loyalty_card' and 'discount'");
		}
		VoucherDraft draft;
		switch (type) {
			case VoucherDraft.GIFT_VOUCHER -> {
				JsonNode gift = object(json, "gift", code);
				long amount = wholeNumber(gift, "amount", code, null);
				draft = VoucherDraft.giftCard(code, amount);
				draft.giftBalance = wholeNumber(gift, "balance", code, amount);
				String effect = text(gift, "effect");
				if (effect != null) {
					if (!GIFT_EFFECTS.contains(effect)) {
						throw new IllegalArgumentException("voucher '" + code + "': gift.effect must be one of "
								+ GIFT_EFFECTS + ", was " + effect);
					}
					draft.giftEffect = effect;
				}
			}
			case VoucherDraft.LOYALTY_CARD -> {
				JsonNode loyaltyCard = object(json, "loyalty_card", code);
				long points = wholeNumber(loyaltyCard, "points", code, null);
				draft = VoucherDraft.loyaltyCard(code, points);
				draft.loyaltyBalance = wholeNumber(loyaltyCard, "balance", code, points);
			}
			case VoucherDraft.DISCOUNT_VOUCHER -> draft = VoucherDraft.discountVoucher(code, discount(json, code));
			default -> throw new IllegalArgumentException("voucher '" + code + "': type must be GIFT_VOUCHER, "
					+ "DISCOUNT_VOUCHER or LOYALTY_CARD, was " + type);
		}
		String id = text(json, "id");
		if (id != null && !id.startsWith("v_")) {
			throw new IllegalArgumentException("voucher '" + code + "': id must start with 'v_', was " + id);
		}
		draft.id = id;
		draft.campaign = text(json, "campaign");
		draft.campaignId = text(json, "campaign_id");
		draft.category = text(json, "category");
		draft.additionalInfo = text(json, "additional_info");
		draft.holderId = text(json, "holder_id");
		draft.startDate = date(json, "start_date", code);
		draft.expirationDate = date(json, "expiration_date", code);
		draft.createdAt = date(json, "created_at", code);
		draft.updatedAt = date(json, "updated_at", code);
		if (json.hasNonNull("active")) {
			if (!json.get("active").isBoolean()) {
				throw new IllegalArgumentException("voucher '" + code + "': active must be true or false");
			}
			draft.active = json.get("active").asBoolean();
		}
		if (json.hasNonNull("metadata")) {
			if (!json.get("metadata").isObject()) {
				throw new IllegalArgumentException("voucher '" + code + "': metadata must be a JSON object");
			}
			draft.metadata = (ObjectNode) json.get("metadata").deepCopy();
		}
		JsonNode redemption = json.path("redemption");
		if (redemption.isObject()) {
			if (redemption.hasNonNull("quantity")) {
				draft.redemptionQuantity = wholeNumber(redemption, "quantity", code, null);
			}
			draft.redeemedQuantity = wholeNumber(redemption, "redeemed_quantity", code, 0L);
			draft.redeemedAmount = wholeNumber(redemption, "redeemed_amount", code, 0L);
			draft.redeemedPoints = wholeNumber(redemption, "redeemed_points", code, 0L);
		}
		for (JsonNode session : json.path("sessions")) {
			if (!session.isString()) {
				throw new IllegalArgumentException("voucher '" + code + "': sessions must be session keys");
			}
			draft.sessions.add(session.asString());
		}
		return draft;
	}

	private static ObjectNode discount(JsonNode json, String code) {
		JsonNode discount = object(json, "discount", code);
		String type = text(discount, "type");
		if (type == null || !DISCOUNT_TYPES.contains(type)) {
			throw new IllegalArgumentException(
					"voucher '" + code + "': discount.type must be one of " + DISCOUNT_TYPES + ", was " + type);
		}
		String required = switch (type) {
			case "AMOUNT" -> "amount_off";
			case "PERCENT" -> "percent_off";
			case "FIXED" -> "fixed_amount";
			default -> discount.has("units") ? "units" : "unit_type";
		};
		if (!discount.hasNonNull(required)) {
			throw new IllegalArgumentException(
					"voucher '" + code + "': a " + type + " discount needs discount." + required);
		}
		if (!required.startsWith("unit") && !discount.get(required).isNumber()) {
			throw new IllegalArgumentException("voucher '" + code + "': discount." + required + " must be a number");
		}
		return (ObjectNode) discount.deepCopy();
	}

	private static JsonNode object(JsonNode json, String name, String code) {
		JsonNode value = json.get(name);
		if (value == null || !value.isObject()) {
			throw new IllegalArgumentException("voucher '" + code + "' needs a '" + name + "' object");
		}
		return value;
	}

	private static long wholeNumber(JsonNode json, String name, String code, @Nullable Long defaultValue) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			if (defaultValue == null) {
				throw new IllegalArgumentException("voucher '" + code + "' needs '" + name + "'");
			}
			return defaultValue;
		}
		if (!value.isIntegralNumber() || !value.canConvertToLong() || value.asLong() < 0) {
			throw new IllegalArgumentException(
					"voucher '" + code + "': '" + name + "' must be a whole number, not negative, was " + value);
		}
		return value.asLong();
	}

	private static @Nullable Instant date(JsonNode json, String name, String code) {
		String text = text(json, name);
		if (text == null) {
			return null;
		}
		Instant instant = Timestamps.parse(text);
		if (instant == null) {
			throw new IllegalArgumentException(
					"voucher '" + code + "': '" + name + "' must be an ISO 8601 date-time, was " + text);
		}
		return instant;
	}

	private static @Nullable String text(JsonNode json, String name) {
		JsonNode value = json.get(name);
		if (value == null || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new IllegalArgumentException("'" + name + "' must be a string, was " + value);
		}
		return value.asString();
	}

}
