package io.voucherify.spring.benchmarks;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Arrays;

import io.voucherify.client.model.voucher.response.VoucherResponse;
import io.voucherify.spring.model.Gift;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;

/**
 * The spec's gift-card voucher and what every client must parse from it.
 */
public final class Fixtures {

	/** Where the API contract lies; relative paths resolve against the cwd. */
	public static final String API_DIR_PROPERTY = "voucherify.api.dir";

	/**
	 * The default {@link #API_DIR_PROPERTY}: the repository's copy, run from its root.
	 */
	public static final String DEFAULT_API_DIR = "voucherify-api";

	/** The code of the served voucher. */
	public static final String CODE = "GIFT-CARD-xwc6X7Tk";

	static final OffsetDateTime CREATED_AT = OffsetDateTime.parse("2022-07-08T09:44:33.179Z");

	static final OffsetDateTime UPDATED_AT = OffsetDateTime.parse("2022-08-29T09:37:20.185Z");

	static final long AMOUNT = 55000;

	static final long BALANCE = 44700;

	private Fixtures() {
	}

	public static Path apiDir() {
		return Path.of(System.getProperty(API_DIR_PROPERTY, DEFAULT_API_DIR)).toAbsolutePath().normalize();
	}

	/** The bytes of {@code examples/get-voucher-200-gift-card.json}. */
	public static byte[] voucherBody() {
		Path file = apiDir().resolve("examples/get-voucher-200-gift-card.json");
		try {
			return Files.readAllBytes(file);
		}
		catch (IOException ex) {
			throw new UncheckedIOException("Cannot read " + file + ": run from the repository's root, where the API"
					+ " contract lies in voucherify-api/, or set -D" + API_DIR_PROPERTY + "=<its folder>", ex);
		}
	}

	/** Whether the starter's record holds every checked value of the served voucher. */
	static boolean isExpected(Voucher voucher) {
		if (voucher == null) {
			return false;
		}
		Gift gift = voucher.gift();
		return CODE.equals(voucher.code()) && voucher.type() == VoucherType.GIFT_VOUCHER && gift != null
				&& gift.amount() != null && gift.amount() == AMOUNT && gift.balance() != null
				&& gift.balance() == BALANCE && voucher.updatedAt() != null && voucher.updatedAt().isEqual(UPDATED_AT)
				&& voucher.createdAt() != null && voucher.createdAt().isEqual(CREATED_AT);
	}

	/** Whether the official SDK's response holds every checked value. */
	static boolean isExpected(VoucherResponse voucher) {
		if (voucher == null) {
			return false;
		}
		io.voucherify.client.model.voucher.Gift gift = voucher.getGift();
		return CODE.equals(voucher.getCode())
				&& voucher.getType() == io.voucherify.client.model.voucher.VoucherType.GIFT_VOUCHER && gift != null
				&& gift.getAmount() != null && gift.getAmount() == AMOUNT && gift.getBalance() != null
				&& gift.getBalance() == BALANCE && voucher.getUpdatedAt() != null
				&& voucher.getUpdatedAt().getTime() == UPDATED_AT.toInstant().toEpochMilli();
	}

	/** Whether raw bytes are exactly the served body. */
	static boolean isExpected(byte[] body, byte[] expected) {
		return body != null && Arrays.equals(body, expected);
	}

}
