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
 * becomes metadata.
 * <p>
 * A problem with the file as a whole (not UTF-8, broken quoting, no headers, no
 * {@code Code} column, a column without a header or named twice) is an {@link ApiError}:
 * the upload is refused. A problem with one row (a bad value, a code repeated in the
 * file) is that row's {@link Failure}: the other rows are still imported, and the
 * import's async action reports it in {@code result.failed[]}. Rows are numbered as
 * Voucherify's {@code row} is, from 1 for the first line after the headers; a record
 * whose quoted cell spans lines is one row.
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
	 * @return the rows that could be read and the failures of the others
	 * @throws ApiError if the file as a whole is invalid
	 * @throws IOException if the stream fails
	 */
	static Parsed read(InputStream in) throws IOException {
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

	private static Parsed read(CsvParser parser) throws IOException {
		List<String> headers = parser.next();
		if (headers == null || headers.stream().allMatch(String::isBlank)) {
			throw ApiError.invalidPayload("The CSV file is empty: its first line must hold the headers");
		}
		Column[] columns = new Column[headers.size()];
		String[] metadataKeys = new String[headers.size()];
		Set<String> seen = new HashSet<>();
		int codeColumn = -1;
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
			if (columns[i] == Column.CODE) {
				codeColumn = i;
			}
		}
		if (codeColumn < 0) {
			throw ApiError.invalidPayload("The CSV file has no 'Code' column");
		}
		List<Row> rows = new ArrayList<>();
		List<Failure> failures = new ArrayList<>();
		Map<String, Integer> firstRowOfCode = new HashMap<>();
		int number = 0;
		List<String> cells;
		while ((cells = parser.next()) != null) {
			// Blank rows are skipped but counted, so numbers match what a spreadsheet
			// shows.
			number++;
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			String code = (codeColumn < cells.size()) ? cells.get(codeColumn).strip() : "";
			if (code.isEmpty()) {
				failures.add(new Failure(null, number, "Code is required"));
				continue;
			}
			Integer first = firstRowOfCode.putIfAbsent(code, number);
			if (first != null) {
				failures.add(new Failure(code, number, "Code " + code + " is already on row " + first
						+ " of this file: the same code cannot be imported twice"));
				continue;
			}
			try {
				rows.add(row(number, code, columns, metadataKeys, cells));
			}
			catch (RowException ex) {
				failures.add(new Failure(code, number, ex.getMessage()));
			}
		}
		return new Parsed(List.copyOf(rows), List.copyOf(failures));
	}

	private static Row row(int number, String code, Column[] columns, String[] metadataKeys, List<String> cells) {
		if (cells.size() > columns.length) {
			throw new RowException(
					"The row has " + cells.size() + " fields but the headers name " + columns.length + " columns");
		}
		RowBuilder row = new RowBuilder();
		for (int i = 0; i < cells.size(); i++) {
			String raw = cells.get(i);
			String value = raw.strip();
			if (value.isEmpty()) {
				continue;
			}
			switch (columns[i]) {
				case CODE -> {
					// Read by the caller.
				}
				case VOUCHER_TYPE -> row.type = type(value);
				case VALUE -> row.value = number("Value", value);
				case DISCOUNT_TYPE -> row.discountType = value.toUpperCase(Locale.ROOT);
				case CATEGORY -> row.category = value;
				case START_DATE -> row.startDate = date("Start Date", value);
				case EXPIRATION_DATE -> row.expirationDate = date("Expiration Date", value);
				case REDEMPTION_LIMIT -> row.redemptionLimit = wholeNumber("Redemption Limit", value);
				case REDEEMED_QUANTITY -> row.redeemedQuantity = wholeNumber("Redeemed Quantity", value);
				case REDEEMED_AMOUNT -> row.redeemedAmount = wholeNumber("Redeemed Amount", value);
				case ACTIVE -> row.active = bool(value);
				case ADDITIONAL_INFO -> row.additionalInfo = raw;
				case METADATA -> row.metadata.put(metadataKeys[i], raw);
			}
		}
		return new Row(number, code, row.type, row.value, row.discountType, row.category, row.startDate,
				row.expirationDate, row.redemptionLimit, row.redeemedQuantity, row.redeemedAmount, row.active,
				row.additionalInfo, Map.copyOf(row.metadata));
	}

	private static String type(String value) {
		String type = value.toUpperCase(Locale.ROOT);
		if (!TYPES.contains(type)) {
			throw new RowException(
					"Voucher Type must be GIFT_VOUCHER, DISCOUNT_VOUCHER or LOYALTY_CARD, was '" + value + "'");
		}
		return type;
	}

	private static BigDecimal number(String column, String value) {
		try {
			BigDecimal number = new BigDecimal(value);
			if (number.signum() < 0) {
				throw new RowException(column + " must not be negative, was " + value);
			}
			return number;
		}
		catch (NumberFormatException ex) {
			throw new RowException(column + " must be a number, was '" + value + "'");
		}
	}

	private static long wholeNumber(String column, String value) {
		BigDecimal number = number(column, value);
		try {
			return number.longValueExact();
		}
		catch (ArithmeticException ex) {
			throw new RowException(column + " must be a whole number, was " + value);
		}
	}

	private static Instant date(String column, String value) {
		Instant instant = Timestamps.parse(value);
		if (instant == null) {
			throw new RowException(column + " '" + value + "' is not in a supported format (YYYY-MM-DD, "
					+ "YYYY-MM-DDTHH, YYYY-MM-DDTHH:mm, YYYY-MM-DDTHH:mm:ss, YYYY-MM-DDTHH:mm:ssZ or "
					+ "YYYY-MM-DDTHH:mm:ss.SSSZ)");
		}
		return instant;
	}

	private static boolean bool(String value) {
		if (value.equalsIgnoreCase("true")) {
			return true;
		}
		if (value.equalsIgnoreCase("false")) {
			return false;
		}
		throw new RowException("Active must be TRUE or FALSE, was '" + value + "'");
	}

	private enum Column {

		CODE, VOUCHER_TYPE, VALUE, DISCOUNT_TYPE, CATEGORY, START_DATE, EXPIRATION_DATE, REDEMPTION_LIMIT,
		REDEEMED_QUANTITY, REDEEMED_AMOUNT, ACTIVE, ADDITIONAL_INFO, METADATA

	}

	private static final class RowBuilder {

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

	}

	/**
	 * A file read: its good rows and the failures of the others, in file order.
	 *
	 * @param rows the rows whose cells could be read
	 * @param failures the rows that failed already, for a bad cell or a repeated code
	 */
	record Parsed(List<Row> rows, List<Failure> failures) {

	}

	/**
	 * A row that could not be imported, as Voucherify reports it in the async action's
	 * {@code result.failed[]}.
	 *
	 * @param code the row's code, {@code null} if it has none
	 * @param row the row's number, 1 for the first line after the headers
	 * @param reason why it failed
	 */
	record Failure(@Nullable String code, int row, String reason) {

	}

	/** Why a row cannot be imported; becomes its {@link Failure}. */
	static final class RowException extends RuntimeException {

		private static final long serialVersionUID = 1L;

		RowException(String reason) {
			super(reason, null, false, false);
		}

	}

	/**
	 * One row of the file, its cells parsed. Blank cells are {@code null}.
	 */
	record Row(int row, String code, @Nullable String type, @Nullable BigDecimal value, @Nullable String discountType,
			@Nullable String category, @Nullable Instant startDate, @Nullable Instant expirationDate,
			@Nullable Long redemptionLimit, @Nullable Long redeemedQuantity, @Nullable Long redeemedAmount,
			@Nullable Boolean active, @Nullable String additionalInfo, Map<String, String> metadata) {

		/**
		 * The voucher this row creates.
		 * @return the draft
		 * @throws RowException if the row lacks what a new voucher needs
		 */
		VoucherDraft toDraft() {
			if (this.type == null) {
				// Word for word the reason of the spec's VOUCHERS.IMPORT_CSV example.
				throw new RowException("Voucher Type is required");
			}
			if (this.value == null) {
				throw new RowException("Value is required");
			}
			VoucherDraft draft;
			switch (this.type) {
				case VoucherDraft.GIFT_VOUCHER -> {
					long amount = whole(this.value, "Value");
					long redeemed = (this.redeemedAmount != null) ? this.redeemedAmount : 0;
					if (redeemed > amount) {
						throw new RowException("Redeemed Amount " + redeemed + " is more than the Value " + amount);
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
				throw new RowException("Discount Type is required for a DISCOUNT_VOUCHER (AMOUNT, PERCENT or FIXED)");
			}
			switch (this.discountType) {
				case "AMOUNT" -> {
					discount.put("type", "AMOUNT");
					discount.put("amount_off", whole(this.value, "Value"));
				}
				case "PERCENT" -> {
					if (this.value.compareTo(BigDecimal.valueOf(100)) > 0) {
						throw new RowException(
								"Value must be at most 100 for a PERCENT discount, was " + this.value.toPlainString());
					}
					discount.put("type", "PERCENT");
					discount.put("percent_off", this.value);
				}
				case "FIXED" -> {
					discount.put("type", "FIXED");
					discount.put("fixed_amount", whole(this.value, "Value"));
				}
				case "UNIT" -> throw new RowException("UNIT discounts need a product or SKU, which the emulator's "
						+ "CSV import cannot take; seed them from a JSON file instead");
				default -> throw new RowException(
						"Discount Type must be AMOUNT, PERCENT or FIXED, was '" + this.discountType + "'");
			}
			discount.put("effect", "APPLY_TO_ORDER");
			return discount;
		}

		private long whole(BigDecimal number, String column) {
			try {
				return number.longValueExact();
			}
			catch (ArithmeticException ex) {
				throw new RowException(column + " must be a whole number, was " + number.toPlainString());
			}
		}

		/** This row's failure. */
		Failure failure(String reason) {
			return new Failure(this.code, this.row, reason);
		}

	}

}
