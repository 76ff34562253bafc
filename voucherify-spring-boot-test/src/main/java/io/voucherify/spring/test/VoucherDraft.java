package io.voucherify.spring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * A checked description of a voucher to create: built from the seeding API, a JSON seed
 * file or a CSV import, then turned into a {@link VoucherEntry}.
 */
final class VoucherDraft {

	static final String GIFT_VOUCHER = "GIFT_VOUCHER";

	static final String DISCOUNT_VOUCHER = "DISCOUNT_VOUCHER";

	static final String LOYALTY_CARD = "LOYALTY_CARD";

	final String code;

	final String type;

	@Nullable String id;

	@Nullable String campaign;

	@Nullable String campaignId;

	@Nullable String category;

	@Nullable ObjectNode discount;

	long giftAmount;

	long giftBalance;

	String giftEffect = "APPLY_TO_ORDER";

	long loyaltyPoints;

	long loyaltyBalance;

	@Nullable Instant startDate;

	@Nullable Instant expirationDate;

	@Nullable Instant createdAt;

	@Nullable Instant updatedAt;

	boolean active = true;

	@Nullable String additionalInfo;

	@Nullable String holderId;

	ObjectNode metadata = JsonNodeFactory.instance.objectNode();

	@Nullable Long redemptionQuantity;

	long redeemedQuantity;

	long redeemedAmount;

	long redeemedPoints;

	final List<String> sessions = new ArrayList<>();

	VoucherDraft(String code, String type) {
		this.code = code;
		this.type = type;
	}

	static VoucherDraft giftCard(String code, long balance) {
		VoucherDraft draft = new VoucherDraft(code, GIFT_VOUCHER);
		draft.giftAmount = balance;
		draft.giftBalance = balance;
		return draft;
	}

	static VoucherDraft loyaltyCard(String code, long points) {
		VoucherDraft draft = new VoucherDraft(code, LOYALTY_CARD);
		draft.loyaltyPoints = points;
		draft.loyaltyBalance = points;
		return draft;
	}

	static VoucherDraft discountVoucher(String code, ObjectNode discount) {
		VoucherDraft draft = new VoucherDraft(code, DISCOUNT_VOUCHER);
		draft.discount = discount;
		return draft;
	}

}
