package io.voucherify.spring.test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A voucher held by the emulator. Guarded by the state's lock.
 */
final class VoucherEntry {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final TypeReference<LinkedHashMap<String, @Nullable Object>> MAP = new TypeReference<>() {
	};

	final String id;

	final String code;

	final String type;

	final @Nullable String campaign;

	final @Nullable String campaignId;

	final @Nullable ObjectNode discount;

	final String giftEffect;

	final @Nullable Instant startDate;

	final @Nullable Instant expirationDate;

	final Instant createdAt;

	final @Nullable String additionalInfo;

	final @Nullable String holderId;

	final @Nullable Long redemptionQuantity;

	final long redeemedQuantity;

	final long redeemedAmount;

	final long redeemedPoints;

	final String qrId = Ids.assetId();

	final String barcodeId = Ids.assetId();

	@Nullable String category;

	long giftAmount;

	long giftBalance;

	long loyaltyPoints;

	long loyaltyBalance;

	boolean active;

	boolean deleted;

	@Nullable Instant updatedAt;

	ObjectNode metadata;

	final List<TransactionEntry> transactions = new ArrayList<>();

	final Set<String> sessions = new LinkedHashSet<>();

	VoucherEntry(String id, VoucherDraft draft, Instant createdAt) {
		this.id = id;
		this.code = draft.code;
		this.type = draft.type;
		this.campaign = draft.campaign;
		this.campaignId = draft.campaignId;
		this.discount = (draft.discount != null) ? draft.discount.deepCopy() : null;
		this.giftEffect = draft.giftEffect;
		this.startDate = draft.startDate;
		this.expirationDate = draft.expirationDate;
		this.createdAt = createdAt;
		this.additionalInfo = draft.additionalInfo;
		this.holderId = draft.holderId;
		this.redemptionQuantity = draft.redemptionQuantity;
		this.redeemedQuantity = draft.redeemedQuantity;
		this.redeemedAmount = draft.redeemedAmount;
		this.redeemedPoints = draft.redeemedPoints;
		this.category = draft.category;
		this.giftAmount = draft.giftAmount;
		this.giftBalance = draft.giftBalance;
		this.loyaltyPoints = draft.loyaltyPoints;
		this.loyaltyBalance = draft.loyaltyBalance;
		this.active = draft.active;
		this.updatedAt = draft.updatedAt;
		this.metadata = draft.metadata.deepCopy();
		this.sessions.addAll(draft.sessions);
	}

	boolean isGiftCard() {
		return VoucherDraft.GIFT_VOUCHER.equals(this.type);
	}

	boolean isLoyaltyCard() {
		return VoucherDraft.LOYALTY_CARD.equals(this.type);
	}

	/** What a test sees of this voucher: a copy, unaffected by later calls. */
	EmulatedVoucher snapshot() {
		Map<String, @Nullable Object> metadata = MAPPER.convertValue(this.metadata, MAP);
		return new EmulatedVoucher(this.id, this.code, this.type, this.active, this.deleted,
				isGiftCard() ? this.giftBalance : null, isLoyaltyCard() ? this.loyaltyBalance : null,
				Collections.unmodifiableMap(metadata));
	}

	/**
	 * A transaction: one balance change.
	 */
	record TransactionEntry(String id, String type, long amount, long total, long balance, @Nullable String sourceId,
			@Nullable String reason, String source, Instant createdAt) {

	}

}
