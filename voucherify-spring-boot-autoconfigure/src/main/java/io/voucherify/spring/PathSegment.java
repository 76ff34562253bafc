package io.voucherify.spring;

import java.nio.charset.StandardCharsets;

/**
 * Strict percent-encoding of one URL path segment or query value: every byte outside RFC
 * 3986's unreserved set ({@code A-Z a-z 0-9 - . _ ~}) is encoded, so {@code /},
 * {@code %}, {@code #}, {@code ?}, {@code +}, space and non-ASCII characters can never
 * change the URL's structure. Segments made only of dots ({@code .}, {@code ..}) have
 * their dots encoded too, so no client, proxy or server can resolve them as relative
 * paths. The value is never trimmed or case-folded.
 */
final class PathSegment {

	private static final char[] HEX = "0123456789ABCDEF".toCharArray();

	private PathSegment() {
	}

	/**
	 * Check and encode a path variable.
	 * @param value the raw value, e.g. a voucher code
	 * @param name the argument name, for the error message
	 * @return the encoded segment
	 * @throws IllegalArgumentException if the value is null, blank or not valid Unicode
	 */
	static String encode(String value, String name) {
		requireText(value, name);
		// UTF-8 encoding would turn a lone surrogate into '?', silently naming another
		// voucher.
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (Character.isHighSurrogate(c) && i + 1 < value.length()
					&& Character.isLowSurrogate(value.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				throw new IllegalArgumentException(name + " must be valid Unicode text, it holds a lone surrogate");
			}
		}
		boolean onlyDots = value.chars().allMatch((c) -> c == '.');
		return encode(value, onlyDots);
	}

	/**
	 * Encode a query parameter value.
	 * @param value the raw value
	 * @return the encoded value
	 */
	static String encodeQueryValue(String value) {
		return encode(value, false);
	}

	static void requireText(String value, String name) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(name + " must not be null or blank");
		}
	}

	private static String encode(String value, boolean encodeDots) {
		byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
		StringBuilder out = new StringBuilder(bytes.length + 8);
		for (byte b : bytes) {
			char c = (char) (b & 0xFF);
			if (isUnreserved(c) && !(encodeDots && c == '.')) {
				out.append(c);
			}
			else {
				out.append('%').append(HEX[(b >> 4) & 0x0F]).append(HEX[b & 0x0F]);
			}
		}
		return out.toString();
	}

	private static boolean isUnreserved(char c) {
		return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '.'
				|| c == '_' || c == '~';
	}

}
