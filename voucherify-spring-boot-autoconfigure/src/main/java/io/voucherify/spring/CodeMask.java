package io.voucherify.spring;

/**
 * Masks voucher codes for the starter's own log lines: codes are bearer credentials for
 * gift cards, so a log shows only enough to tell them apart, e.g. {@code GI****01}.
 */
final class CodeMask {

	private CodeMask() {
	}

	static String mask(String code) {
		int length = code.codePointCount(0, code.length());
		if (length <= 4) {
			return "****";
		}
		int keep = (length >= 8) ? 2 : 1;
		int headEnd = code.offsetByCodePoints(0, keep);
		int tailStart = code.offsetByCodePoints(code.length(), -keep);
		return code.substring(0, headEnd) + "****" + code.substring(tailStart);
	}

}
