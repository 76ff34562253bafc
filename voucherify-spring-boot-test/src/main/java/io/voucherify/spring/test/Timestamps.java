package io.voucherify.spring.test;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * Timestamps as Voucherify writes them ({@code 2022-09-19T07:56:22.355Z}) and the date
 * formats its CSV import reads: {@code YYYY-MM-DD}, {@code YYYY-MM-DDTHH},
 * {@code YYYY-MM-DDTHH:mm}, {@code YYYY-MM-DDTHH:mm:ss}, {@code YYYY-MM-DDTHH:mm:ssZ} and
 * {@code YYYY-MM-DDTHH:mm:ss.SSSZ}, where {@code Z} is {@code Z} or an offset such as
 * {@code +02:00}. A date or time without a zone is read as UTC.
 */
final class Timestamps {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter
		.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
		.withZone(ZoneOffset.UTC);

	private static final Pattern DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})"
			+ "(?:T(\\d{2})(?::(\\d{2})(?::(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}(?::?\\d{2})?)?)?)?)?");

	private Timestamps() {
	}

	static String format(Instant instant) {
		return FORMAT.format(instant);
	}

	/** The clock's instant, to the millisecond as Voucherify writes it. */
	static Instant now(Clock clock) {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	/**
	 * Parse a date in one of the import's formats.
	 * @param text the text
	 * @return the instant, or {@code null} if the text is in none of the formats
	 */
	static @Nullable Instant parse(String text) {
		Matcher matcher = DATE.matcher(text.strip());
		if (!matcher.matches()) {
			return null;
		}
		try {
			int nanos = 0;
			if (matcher.group(7) != null) {
				String fraction = (matcher.group(7) + "000000000").substring(0, 9);
				nanos = Integer.parseInt(fraction);
			}
			LocalDateTime dateTime = LocalDateTime.of(Integer.parseInt(matcher.group(1)),
					Integer.parseInt(matcher.group(2)), Integer.parseInt(matcher.group(3)), number(matcher.group(4)),
					number(matcher.group(5)), number(matcher.group(6)), nanos);
			String zone = matcher.group(8);
			ZoneOffset offset = (zone == null || zone.equals("Z")) ? ZoneOffset.UTC : offset(zone);
			return dateTime.toInstant(offset);
		}
		catch (DateTimeException ex) {
			return null;
		}
	}

	private static int number(@Nullable String digits) {
		return (digits != null) ? Integer.parseInt(digits) : 0;
	}

	private static ZoneOffset offset(String zone) {
		String digits = zone.replace(":", "");
		String normalized = (digits.length() == 3) ? digits + "00" : digits;
		return ZoneOffset.of(normalized.substring(0, 3) + ":" + normalized.substring(3));
	}

}
