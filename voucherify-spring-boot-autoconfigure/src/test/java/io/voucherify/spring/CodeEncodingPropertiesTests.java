package io.voucherify.spring;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import net.jqwik.api.lifecycle.BeforeTry;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Properties of the path encoding: whatever Unicode text is given as a voucher code or a
 * validation session key, the server receives exactly one strictly (RFC 3986) encoded
 * segment that decodes back to the very same text, and nothing else in the URL changes.
 * The expected encoding is computed here, independently of {@code PathSegment}.
 * <p>
 * jqwik does not run JUnit extensions, so the WireMock server is managed by hand.
 */
class CodeEncodingPropertiesTests {

	private static final String VOUCHERS = "/v1/vouchers/";

	private static final String SESSIONS = "/sessions/";

	private static final int TRIES = 300;

	private static WireMockServer server;

	private static VouchersTemplate vouchers;

	@BeforeContainer
	static void startServer() {
		server = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
		server.start();
		server
			.stubFor(any(anyUrl()).atPriority(10).willReturn(okJson(Examples.read("get-voucher-200-gift-card.json"))));
		server.stubFor(delete(anyUrl()).atPriority(1).willReturn(aResponse().withStatus(204)));
		vouchers = TestClients.builder(server.baseUrl()).build();
	}

	@AfterContainer
	static void stopServer() {
		if (server != null) {
			server.stop();
		}
	}

	@BeforeTry
	void resetRequests() {
		server.resetRequests();
	}

	@Property(tries = TRIES)
	void getVoucherSendsTheCodeAsOneStrictlyEncodedSegment(@ForAll("codes") String code) {
		vouchers.getVoucher(code);

		assertThat(onlyRequest().getUrl()).isEqualTo(VOUCHERS + strictlyEncoded(code));
	}

	@Property(tries = TRIES)
	void getVoucherSegmentDecodesToExactlyTheCode(@ForAll("codes") String code) {
		vouchers.getVoucher(code);

		String url = onlyRequest().getUrl();
		assertThat(url).startsWith(VOUCHERS).doesNotContain("?", "#");
		String segment = url.substring(VOUCHERS.length());
		assertThat(segment).doesNotContain("/");
		assertThat(percentDecoded(segment)).isEqualTo(code);
	}

	@Property(tries = TRIES)
	void releaseValidationSessionSendsCodeAndSessionKeyAsStrictlyEncodedSegments(@ForAll("codes") String code,
			@ForAll("codes") String sessionKey) {
		vouchers.releaseValidationSession(code, sessionKey);

		LoggedRequest request = onlyRequest();
		assertThat(request.getMethod().getName()).isEqualTo("DELETE");
		assertThat(request.getUrl())
			.isEqualTo(VOUCHERS + strictlyEncoded(code) + SESSIONS + strictlyEncoded(sessionKey));
	}

	@Property(tries = TRIES)
	void releaseValidationSessionSegmentsDecodeToExactlyTheCodeAndSessionKey(@ForAll("codes") String code,
			@ForAll("codes") String sessionKey) {
		vouchers.releaseValidationSession(code, sessionKey);

		String url = onlyRequest().getUrl();
		assertThat(url).startsWith(VOUCHERS).doesNotContain("?", "#");
		String[] segments = url.substring(VOUCHERS.length()).split("/", -1);
		assertThat(segments).hasSize(3);
		assertThat(segments[1]).isEqualTo("sessions");
		assertThat(percentDecoded(segments[0])).isEqualTo(code);
		assertThat(percentDecoded(segments[2])).isEqualTo(sessionKey);
	}

	@Property(tries = 300)
	void getVoucherRejectsBlankCodesWithoutSendingARequest(@ForAll("blanks") String code) {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.getVoucher(code)).withMessageContaining("code");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	@Property(tries = 300)
	void releaseValidationSessionRejectsBlankSessionKeysWithoutSendingARequest(@ForAll("codes") String code,
			@ForAll("blanks") String sessionKey) {
		assertThatIllegalArgumentException().isThrownBy(() -> vouchers.releaseValidationSession(code, sessionKey))
			.withMessageContaining("sessionKey");
		assertThat(server.findAll(anyRequestedFor(anyUrl()))).isEmpty();
	}

	/**
	 * Well-formed Unicode text that is not blank: URL delimiters and percent signs,
	 * spaces, control characters, letters of any script, supplementary characters
	 * (surrogate pairs) and segments made only of dots.
	 * <p>
	 * U+0000 is left out: the client encodes it as {@code %00}, but WireMock's Jetty
	 * answers 400 Bad Message to any path holding {@code %00} before a stub is consulted.
	 * Lone surrogates are left out too: they are not Unicode text, and UTF-8 cannot carry
	 * them.
	 */
	@Provide
	Arbitrary<String> codes() {
		Arbitrary<Integer> codePoint = Arbitraries.frequencyOf(
				Tuple.of(4,
						Arbitraries.of((int) '/', (int) '%', (int) '#', (int) '?', (int) '+', (int) '&', (int) '=',
								(int) ';', (int) '.', (int) ' ', (int) '~', (int) '-', (int) '_', (int) '\\')),
				Tuple.of(4, Arbitraries.integers().between(0x21, 0x7E)),
				Tuple.of(2, Arbitraries.integers().between(0x01, 0x20)),
				Tuple.of(1, Arbitraries.of(0x7F, 0x85, 0xA0, 0x2028, 0x3000, 0xFEFF)),
				Tuple.of(2, Arbitraries.integers().between(0xA1, 0xD7FF)),
				Tuple.of(1, Arbitraries.integers().between(0xE000, 0xFFFD)),
				Tuple.of(3, Arbitraries.integers().between(0x10000, 0x10FFFF)));
		Arbitrary<String> text = codePoint.list()
			.ofMinSize(1)
			.ofMaxSize(24)
			.map(CodeEncodingPropertiesTests::fromCodePoints);
		Arbitrary<String> dots = Arbitraries.strings().withChars('.').ofMinLength(1).ofMaxLength(4);
		return Arbitraries.frequencyOf(Tuple.of(9, text), Tuple.of(1, dots)).filter((value) -> !value.isBlank());
	}

	/** Empty, or only whitespace as {@link String#isBlank()} defines it. */
	@Provide
	Arbitrary<String> blanks() {
		return Arbitraries.strings()
			.withChars(' ', '\t', '\n', '\u000B', '\f', '\r', '\u001C', '\u001D', '\u001E', '\u001F', '\u1680',
					'\u2000', '\u2003', '\u2028', '\u2029', '\u3000')
			.ofMinLength(0)
			.ofMaxLength(8);
	}

	private static LoggedRequest onlyRequest() {
		List<LoggedRequest> requests = server.findAll(anyRequestedFor(anyUrl()));
		assertThat(requests).hasSize(1);
		return requests.get(0);
	}

	private static String fromCodePoints(List<Integer> codePoints) {
		StringBuilder text = new StringBuilder();
		codePoints.forEach(text::appendCodePoint);
		return text.toString();
	}

	/**
	 * RFC 3986, strictly: every UTF-8 byte outside {@code A-Z a-z 0-9 - . _ ~} as
	 * {@code %XX} (upper case); in a segment made only of dots, the dots too.
	 */
	private static String strictlyEncoded(String value) {
		boolean onlyDots = value.chars().allMatch((c) -> c == '.');
		StringBuilder encoded = new StringBuilder();
		for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
			int c = b & 0xFF;
			boolean unreserved = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-'
					|| c == '_' || c == '~' || (c == '.' && !onlyDots);
			if (unreserved) {
				encoded.append((char) c);
			}
			else {
				encoded.append('%').append(String.format("%02X", c));
			}
		}
		return encoded.toString();
	}

	/** Percent-decoding of one segment as UTF-8, with no special meaning for '+'. */
	private static String percentDecoded(String segment) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		for (int i = 0; i < segment.length(); i++) {
			char c = segment.charAt(i);
			if (c == '%') {
				bytes.write(Integer.parseInt(segment.substring(i + 1, i + 3), 16));
				i += 2;
			}
			else {
				bytes.write(c);
			}
		}
		return bytes.toString(StandardCharsets.UTF_8);
	}

}
