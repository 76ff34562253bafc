package io.voucherify.spring;

import java.time.OffsetDateTime;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fast timestamp path gives exactly what Jackson's own deserializer gives: the same
 * value for every timestamp, the same error for every malformed one.
 */
class VoucherifyTimestampDeserializerTests {

	@Property(tries = 2000)
	void readsEveryUtcTimestampAsJacksonDoes(@ForAll("utcTimestamps") String timestamp) {
		assertSameAsJackson(timestamp);
	}

	@Provide
	Arbitrary<String> utcTimestamps() {
		Arbitrary<String> dateTime = Combinators
			.combine(Arbitraries.integers().between(0, 9999), Arbitraries.integers().between(1, 12),
					Arbitraries.integers().between(1, 31), Arbitraries.integers().between(0, 23),
					Arbitraries.integers().between(0, 59), Arbitraries.integers().between(0, 59))
			.as((year, month, day, hour, minute, second) -> String.format("%04d-%02d-%02dT%02d:%02d:%02d", year, month,
					day, hour, minute, second));
		Arbitrary<String> fraction = Arbitraries.strings()
			.numeric()
			.ofMinLength(0)
			.ofMaxLength(10)
			.map((digits) -> digits.isEmpty() ? "" : "." + digits);
		return Combinators.combine(dateTime, fraction).as((text, digits) -> text + digits + "Z");
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022-07-08T09:44:33.179Z", "2022-07-08T09:44:33Z", "2022-07-08T09:44:33.1Z",
			"2022-07-08T09:44:33.123456789Z", "2024-02-29T23:59:59.999Z", "0000-01-01T00:00:00Z",
			"2022-07-08T09:44:33.179+02:00", "2022-07-08T09:44:33.179-05:30", "2022-07-08T09:44:33+0000",
			"2023-02-30T10:00:00Z", "2022-13-01T10:00:00Z", "2022-07-08T24:00:00Z", "2022-07-08T09:44:60Z",
			"2022-07-08T09:44:33.Z", "2022-07-08T09:44:33.1234567890Z", "2022-07-08 09:44:33Z", "2022-07-08T09:44:3xZ",
			"2022-07-08", "", " ", "not a date", "+12022-07-08T09:44:33Z", "2022-07-08T09:44:33.179z" })
	void readsEveryOtherFormAsJacksonDoes(String text) {
		assertSameAsJackson(text);
	}

	@ParameterizedTest
	@ValueSource(strings = { "1657273473179", "1657273473.179", "null", "[]", "{}" })
	void readsNonStringsAsJacksonDoes(String json) {
		SameAsJackson.assertReadsAsJackson(json, OffsetDateTime.class);
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022-07-08T09:44:33.179Z", "2022-07-08T09:44:33Z", "2022-07-08T09:44:33.000000001Z" })
	void fastPathHandlesVoucherifyTimestamps(String text) {
		assertThat(VoucherifyTimestampDeserializer.parseUtc(text)).isEqualTo(OffsetDateTime.parse(text));
	}

	@ParameterizedTest
	@ValueSource(strings = { "2022-07-08T09:44:33.179+02:00", "2023-02-30T10:00:00Z", "2022-07-08T09:44:33.Z" })
	void fastPathLeavesEverythingElseToJackson(String text) {
		assertThat(VoucherifyTimestampDeserializer.parseUtc(text)).isNull();
	}

	private static void assertSameAsJackson(String text) {
		SameAsJackson.assertReadsAsJackson("\"" + text + "\"", OffsetDateTime.class);
	}

}
