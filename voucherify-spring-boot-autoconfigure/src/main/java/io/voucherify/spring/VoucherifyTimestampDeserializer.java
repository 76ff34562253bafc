package io.voucherify.spring;

import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads Voucherify's timestamps ({@code 2022-07-08T09:44:33.179Z}: UTC, zero to nine
 * fraction digits) without a {@code DateTimeFormatter}, which took about a tenth of a
 * {@code getVoucher}'s CPU (BENCHMARKS.md). Anything else (another offset, a number, a
 * malformed or impossible date) goes to Jackson's own deserializer, so results and errors
 * are exactly Jackson's.
 */
final class VoucherifyTimestampDeserializer extends ValueDeserializer<OffsetDateTime> {

	private static final ValueDeserializer<OffsetDateTime> JACKSON = InstantDeserializer.OFFSET_DATE_TIME;

	@Override
	public @Nullable OffsetDateTime deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.currentToken() == JsonToken.VALUE_STRING) {
			OffsetDateTime utc = parseUtc(parser.getString());
			if (utc != null) {
				return utc;
			}
		}
		return JACKSON.deserialize(parser, context);
	}

	/**
	 * Parse {@code yyyy-MM-ddTHH:mm:ss[.f{1,9}]Z}.
	 * @param text the text
	 * @return the timestamp at UTC, or {@code null} if the text has another form or is
	 * not a valid date
	 */
	static @Nullable OffsetDateTime parseUtc(String text) {
		int length = text.length();
		if (length < 20 || length > 30 || text.charAt(length - 1) != 'Z' || text.charAt(4) != '-'
				|| text.charAt(7) != '-' || text.charAt(10) != 'T' || text.charAt(13) != ':'
				|| text.charAt(16) != ':') {
			return null;
		}
		int year = digits(text, 0, 4);
		int month = digits(text, 5, 7);
		int day = digits(text, 8, 10);
		int hour = digits(text, 11, 13);
		int minute = digits(text, 14, 16);
		int second = digits(text, 17, 19);
		int nanos = 0;
		if (length > 20) {
			// A fraction: a dot, then one to nine digits before the Z.
			if (text.charAt(19) != '.' || length == 21) {
				return null;
			}
			int fraction = digits(text, 20, length - 1);
			if (fraction < 0) {
				return null;
			}
			nanos = fraction;
			for (int i = length - 1 - 20; i < 9; i++) {
				nanos *= 10;
			}
		}
		if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
			return null;
		}
		try {
			return OffsetDateTime.of(year, month, day, hour, minute, second, nanos, ZoneOffset.UTC);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	/** The decimal value of {@code text[from, to)}, or -1 if a character is no digit. */
	private static int digits(String text, int from, int to) {
		int value = 0;
		for (int i = from; i < to; i++) {
			char c = text.charAt(i);
			if (c < '0' || c > '9') {
				return -1;
			}
			value = value * 10 + (c - '0');
		}
		return value;
	}

}
