package io.voucherify.spring.test;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads Voucherify's voucher import CSV. The first line holds the headers; the documented
 * ones are {@code Code, Voucher Type, Value, Discount Type, Category, Start Date,
 * Expiration Date, Redemption Limit, Redeemed Quantity, Redeemed Amount, Active,
 * Additional Info} (matched ignoring case, spaces and underscores) and any other column
 * becomes metadata. Rows are checked as they are read; the first bad row fails the whole
 * import with an {@link ApiError} naming its line.
 * <p>
 * {@code Value} is read in the API's units: minor units (cents) for gift cards and amount
 * or fixed discounts, points for loyalty cards, percent for percent discounts.
 */
final class CsvVouchers {

	private static final Map<String, Column> COLUMNS = Map.ofEntries(Map.entry("code", Column.CODE),
			Map.entry("voucher type", Column.VOUCHER_TYPE), Map.entry("value", Column.VALUE),
			Map.entry("discount type", Column.DISCOUNT_TYPE), Map.entry("category", Column.CATEGORY),
			Map.entry("start date", Column.START_DATE), Map.entry("expiration date", Column.EXPIRATION_DATE),
			Map.entry("redemption limit", Column.REDEMPTION_LIMIT),
			Map.entry("redeemed quantity", Column.REDEEMED_QUANTITY),
			Map.entry("redeemed amount", Column.REDEEMED_AMOUNT), Map.entry("active", Column.ACTIVE),
			Map.entry("additional info", Column.ADDITIONAL_INFO));

	private static final Set<String> TYPES = Set.of(VoucherDraft.GIFT_VOUCHER, VoucherDraft.DISCOUNT_VOUCHER,
			VoucherDraft.LOYALTY_CARD);

	private CsvVouchers() {
	}

	/**
	 * Read every row of a CSV stream, decoded as strict UTF-8.
	 * @param in the CSV bytes
	 * @return the rows, in file order
	 * @throws ApiError if the file or a row is invalid
	 * @throws IOException if the stream fails
	 */
	static List<Row> read(InputStream in) throws IOException {
		Reader reader = new InputStreamReader(in,
				StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT));
		try {
			return read(new CsvParser(reader));
		}
		catch (CharacterCodingException ex) {
			throw ApiError.invalidPayload("The CSV file is not valid UTF-8 text");
		}
		catch (CsvParser.CsvFormatException ex) {
			throw ApiError.invalidPayload(ex.getMessage());
		}
	}

	private static List<Row> read(CsvParser parser) throws IOException {
		List<String> headers = parser.next();
		if (headers == null || headers.stream().allMatch(String::isBlank)) {
			throw ApiError.invalidPayload("The CSV file is empty: its first line must hold the headers");
		}
		Column[] columns = new Column[headers.size()];
		String[] metadataKeys = new String[headers.size()];
		Set<String> seen = new HashSet<>();
		for (int i = 0; i < headers.size(); i++) {
			String header = headers.get(i).strip();
			if (header.isEmpty()) {
				throw ApiError.invalidPayload("Column " + (i + 1) + " of the CSV file has no header");
			}
			String normalized = header.toLowerCase(Locale.ROOT).replaceAll("[\\s_]+", " ");
			if (!seen.add(normalized)) {
				throw ApiError.invalidPayload("The CSV file has two '" + header + "' columns");
			}
			columns[i] = COLUMNS.getOrDefault(normalized, Column.METADATA);
			metadataKeys[i] = header;
		}
		if (!seen.contains("code")) {
			throw ApiError.invalidPayload("The CSV file has no 'Code' column");
		}
		List<Row> rows = new ArrayList<>();
		Map<String, Integer> codes = new HashMap<>();
		List<String> cells;
		while ((cells = parser.next()) != null) {
			int line = parser.recordLine();
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			if (cells.size() > columns.length) {
				throw ApiError.invalidPayload("Line " + line + " has " + cells.size() + " fields but the headers name "
						+ columns.length + " columns");
			}
			Row row = row(line, columns, metadataKeys, cells);
			Integer previous = codes.putIfAbsent(row.code(), line);
			if (previous != null) {
				throw ApiError.duplicateFound("Code " + row.code() + " appears twice, on lines " + previous + " and "
						+ line + ": the same code cannot be imported twice");
			}
			rows.add(row);
		}
		return rows;
	}

	private static Row row(int line, Column[] columns, String[] metadataKeys, List<String> cells) {
		RowBuilder row = new RowBuilder(line);
		for (int i = 0; i < cells.size(); i++) {
			String raw = cells.get(i);
			String value = raw.strip();
			if (value.isEmpty()) {
				continue;
			}
			switch (columns[i]) {
				case CODE -> row.code = value;
				case VOUCHER_TYPE -> row.type = type(line, value);
				case VALUE -> row.value = number(line, "Value", value);
				case DISCOUNT_TYPE -> row.discountType = value.toUpperCase(Locale.ROOT);
				case CATEGORY -> row.category = value;
				case START_DATE -> row.startDate = date(line, "Start Date", value);
				case EXPIRATION_DATE -> row.expirationDate = date(line, "Expiration Date", value);
				case REDEMPTION_LIMIT -> row.redemptionLimit = wholeNumber(line, "Redemption Limit", value);
				case REDEEMED_QUANTITY -> row.redeemedQuantity = wholeNumber(line, "Redeemed Quantity", value);
				case REDEEMED_AMOUNT -> row.redeemedAmount = wholeNumber(line, "Redeemed Amount", value);
				case ACTIVE -> row.active = bool(line, value);
				case ADDITIONAL_INFO -> row.additionalInfo = raw;
				case METADATA -> row.metadata.put(metadataKeys[i], raw);
			}
		}
		if (row.code == null || row.code.isBlank()) {
			throw ApiError.invalidPayload("Line " + line + " has no Code");
		}
		return new Row(line, row.code, row.type, row.value, row.discountType, row.category, row.startDate,
				row.expirationDate, row.redemptionLimit, row.redeemedQuantity, row.redeemedAmount, row.active,
				row.additionalInfo, Map.copyOf(row.metadata));
	}

	private static String type(int line, String value) {
		String type = value.toUpperCase(Locale.ROOT);
		if (!TYPES.contains(type)) {
			throw ApiError.invalidPayload("Line " + line + ": Voucher Type must be GIFT_VOUCHER, DISCOUNT_VOUCHER or "
					+ "LOYALTY_CARD, was '" + value + "'");
		}
		return type;
	}

	private static BigDecimal number(int line, String column, String value) {
		try {
			BigDecimal number = new BigDecimal(value);
			if (number.signum() < 0) {
				throw ApiError.invalidPayload("Line " + line + ": " + column + " must not be negative, was " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw ApiError.invalidPayload("Line " + line + ": " + column + " must be a number, was '" + value + "'");
		}
	}

	private static long wholeNumber(int line, String column, String value) {
		BigDecimal number = number(line, column, value);
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw ApiError.invalidPayload("Line " + line + ": " + column + " must be a whole number, was " + value);
		}
	}

	private static Instant date(int line, String column, String value) {
		Instant instant = Timestamps.parse(value);
		if (instant == null) {
			throw ApiError.invalidPayload("Line " + line + ": " + column + " '" + value + "' is not in a supported "
					+ "format (YYYY-MM-DD, YYYY-MM-DDTHH, YYYY-MM-DDTHH:mm, YYYY-MM-DDTHH:mm:ss, "
					+ "YYYY-MM-DDTHH:mm:ssZ or YYYY-MM-DDTHH:mm:ss.SSSZ)");
		}
		return instant;
	}

	private static boolean bool(int line, String value) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw ApiError.invalidPayload("Line " + line + ": Active must be TRUE or FALSE, was '" + value + "'");
	}

	private enum Column {

		CODE, VOUCHER_TYPE, VALUE, DISCOUNT_TYPE, CATEGORY, START_DATE, EXPIRATION_DATE, REDEMPTION_LIMIT,
		REDEEMED_QUANTITY, REDEEMED_AMOUNT, ACTIVE, ADDITIONAL_INFO, METADATA

	}

	private static final class RowBuilder {

		final int line;

		@Nullable String code;

		@Nullable String type;

		@Nullable BigDecimal value;

		@Nullable String discountType;

		@Nullable String category;

		@Nullable Instant startDate;

		@Nullable Instant expirationDate;

		@Nullable Long redemptionLimit;

		@Nullable Long redeemedQuantity;

		@Nullable Long redeemedAmount;

		@Nullable Boolean active;

		@Nullable String additionalInfo;

		final Map<String, String> metadata = new LinkedHashMap<>();

		RowBuilder(int line) {
			this.line = line;
		}

	}

	/**
	 * One row of the file, its cells parsed. Blank cells are {@code null}.
	 */
	record Row(int line, String code, @Nullable String type, @Nullable BigDecimal value, @Nullable String discountType,
			@Nullable String category, @Nullable Instant startDate, @Nullable Instant expirationDate,
			@Nullable Long redemptionLimit, @Nullable Long redeemedQuantity, @Nullable Long redeemedAmount,
			@Nullable Boolean active, @Nullable String additionalInfo, Map<String, String> metadata) {

		/**
		 * The voucher this row creates.
		 * @return the draft
		 * @throws ApiError if the row lacks what a new voucher needs
		 */
		VoucherDraft toDraft() {
			if (this.type == null) {
				throw fail("a new voucher needs a Voucher Type");
			}
			if (this.value == null) {
				throw fail("a new voucher needs a Value");
			}
			VoucherDraft draft;
			switch (this.type) {
				case VoucherDraft.GIFT_VOUCHER -> {
					long amount = whole(this.value, "Value");
					long redeemed = (this.redeemedAmount != null) ? this.redeemedAmount : 0;
					if (redeemed > amount) {
						throw fail("Redeemed Amount " + redeemed + " is more than the Value " + amount);
					}
					draft = VoucherDraft.giftCard(this.code, amount);
					draft.giftBalance = amount - redeemed;
					draft.redeemedAmount = redeemed;
				}
				case VoucherDraft.LOYALTY_CARD ->
					draft = VoucherDraft.loyaltyCard(this.code, whole(this.value, "Value"));
				default -> draft = VoucherDraft.discountVoucher(this.code, discount());
			}
			draft.category = this.category;
			draft.startDate = this.startDate;
			draft.expirationDate = this.expirationDate;
			draft.redemptionQuantity = this.redemptionLimit;
			draft.redeemedQuantity = (this.redeemedQuantity != null) ? this.redeemedQuantity : 0;
			draft.active = (this.active != null) ? this.active : true;
			draft.additionalInfo = this.additionalInfo;
			ObjectNode metadata = JsonNodeFactory.instance.objectNode();
			this.metadata.forEach(metadata::put);
			draft.metadata = metadata;
			return draft;
		}

		private ObjectNode discount() {
			ObjectNode discount = JsonNodeFactory.instance.objectNode();
			if (this.discountType == null) {
				throw fail("a DISCOUNT_VOUCHER needs a Discount Type (AMOUNT, PERCENT or FIXED)");
			}
			switch (this.discountType) {
				case "AMOUNT" -> {
					discount.put("type", "AMOUNT");
					discount.put("amount_off", whole(this.value, "Value"));
				}
				case "PERCENT" -> {
					if (this.value.compareTo(BigDecimal.valueOf(100)) > 0) {
						throw fail("a PERCENT Value must be at most 100, was " + this.value.toPlainString());
					}
					discount.put("type", "PERCENT");
					discount.put("percent_off", this.value);
				}
				case "FIXED" -> {
					discount.put("type", "FIXED");
					discount.put("fixed_amount", whole(this.value, "Value"));
				}
				case "UNIT" -> throw fail("UNIT discounts need a product or SKU, which the emulator's CSV import "
						+ "cannot take; seed them from a JSON file instead");
				default ->
					throw fail("Discount Type must be AMOUNT, PERCENT or FIXED, was '" + this.discountType + "'");
			}
			discount.put("effect", "APPLY_TO_ORDER");
			return discount;
		}

		private long whole(BigDecimal number, String column) {
			try {
				return number.longValueExact();
			}
			catch (ArithmeticException ex) {
				throw fail(column + " must be a whole number, was " + number.toPlainString());
			}
		}

		private ApiError fail(String problem) {
			return ApiError.invalidPayload("Line " + this.line + " (code " + this.code + "): " + problem);
		}

	}

}
