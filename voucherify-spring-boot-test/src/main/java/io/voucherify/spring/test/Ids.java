package io.voucherify.spring.test;

import java.security.SecureRandom;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Identifiers shaped like Voucherify's: {@code v_} + 32 alphanumerics for vouchers,
 * {@code exp_...} for exports, hexadecimal ids for async actions and request ids.
 */
final class Ids {

	/** Download tokens authorize a download, so they must not be guessable. */
	private static final SecureRandom TOKENS = new SecureRandom();

	private static final char[] ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
		.toCharArray();

	private static final char[] HEX = "0123456789abcdef".toCharArray();

	private Ids() {
	}

	static String voucherId() {
		return "v_" + alphanumeric(32);
	}

	static String exportId() {
		return "exp_" + alphanumeric(24);
	}

	static String asyncActionId() {
		return "aa_" + hex(18);
	}

	static String requestId() {
		return "v-" + hex(18);
	}

	/**
	 * The id of the request that created an async action. In Voucherify's example the two
	 * share their leading (time-based) digits: {@code aa_0c555db3d697b643e1} was created
	 * by {@code v-0c555db3ba8b0f0767}.
	 */
	static String requestIdOf(String asyncActionId) {
		return "v-" + asyncActionId.substring(3, 11) + hex(10);
	}

	static String downloadToken() {
		char[] chars = new char[32];
		for (int i = 0; i < chars.length; i++) {
			chars[i] = ALPHANUMERIC[TOKENS.nextInt(ALPHANUMERIC.length)];
		}
		return new String(chars);
	}

	static String categoryId() {
		return "cat_" + hex(18);
	}

	static String assetId() {
		return alphanumeric(64);
	}

	static String alphanumeric(int length) {
		return random(ALPHANUMERIC, length);
	}

	static String hex(int length) {
		return random(HEX, length);
	}

	private static String random(char[] alphabet, int length) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		char[] chars = new char[length];
		for (int i = 0; i < length; i++) {
			chars[i] = alphabet[random.nextInt(alphabet.length)];
		}
		return new String(chars);
	}

}
