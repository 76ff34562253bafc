package io.voucherify.spring.model;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.voucherify.spring.Examples;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.PropertyNamingStrategy;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the example payloads of the Vouchers API into the model, with a plain mapper and
 * with mappers configured the way an application might configure its own.
 */
class ModelDeserializationTests {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private static final String PLACEHOLDER_URL = "{{internalVoucherifyURL}}";

	// ------------------------------------------------------------------ vouchers

	@Test
	void giftCardReadsCodeTypeCampaignAndHolder() {
		Voucher voucher = read("get-voucher-200-gift-card.json", Voucher.class);
		assertThat(voucher.id()).isEqualTo("v_hS8JFl8S6lNcd1L69wLIoXgTio7eWEgk");
		assertThat(voucher.code()).isEqualTo("GIFT-CARD-xwc6X7Tk");
		assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		assertThat(voucher.campaign()).isEqualTo("Gift Cards");
		assertThat(voucher.campaignId()).isEqualTo("camp_kdxp3vf1clQ9CFs1jpqv3tZe");
		assertThat(voucher.holderId()).isEqualTo("cust_eWgXlBBiY6THFRJwX45Iakv4");
		assertThat(voucher.active()).isTrue();
		assertThat(voucher.isReferralCode()).isFalse();
		assertThat(voucher.object()).isEqualTo("voucher");
	}

	@Test
	void giftCardReadsAmountAndBalanceAsLongMinorUnits() {
		Gift gift = read("get-voucher-200-gift-card.json", Voucher.class).gift();
		assertThat(gift).isNotNull();
		assertThat(gift.amount()).isEqualTo(55000L);
		assertThat(gift.balance()).isEqualTo(44700L);
		assertThat(gift.subtractedAmount()).isNull();
		assertThat(gift.effect()).isEqualTo(GiftEffect.APPLY_TO_ORDER);
	}

	@Test
	void giftCardReadsNullsForTheOtherVoucherTypesAndUnsetDates() {
		Voucher voucher = read("get-voucher-200-gift-card.json", Voucher.class);
		assertThat(voucher.discount()).isNull();
		assertThat(voucher.loyaltyCard()).isNull();
		assertThat(voucher.category()).isNull();
		assertThat(voucher.categoryId()).isNull();
		assertThat(voucher.categories()).isNull();
		assertThat(voucher.startDate()).isNull();
		assertThat(voucher.expirationDate()).isNull();
		assertThat(voucher.validityTimeframe()).isNull();
		assertThat(voucher.validityDayOfWeek()).isNull();
		assertThat(voucher.validityHours()).isNull();
		assertThat(voucher.additionalInfo()).isNull();
		assertThat(voucher.referrerId()).isNull();
	}

	@Test
	void giftCardReadsTimestampsAsOffsetDateTime() {
		Voucher voucher = read("get-voucher-200-gift-card.json", Voucher.class);
		assertThat(voucher.createdAt()).isEqualTo(OffsetDateTime.parse("2022-07-08T09:44:33.179Z"));
		assertThat(voucher.updatedAt()).isEqualTo(OffsetDateTime.parse("2022-08-29T09:37:20.185Z"));
	}

	@Test
	void giftCardReadsRedemptionSummaryIncludingRedeemedAmountMissingFromTheSchema() {
		RedemptionSummary redemption = read("get-voucher-200-gift-card.json", Voucher.class).redemption();
		assertThat(redemption).isNotNull();
		assertThat(redemption.quantity()).isNull();
		assertThat(redemption.redeemedQuantity()).isEqualTo(7);
		assertThat(redemption.redeemedAmount()).isEqualTo(10300L);
		assertThat(redemption.redeemedPoints()).isNull();
		assertThat(redemption.object()).isEqualTo("list");
		assertThat(redemption.url()).isEqualTo("/v1/vouchers/GIFT-CARD-xwc6X7Tk/redemptions?page=1&limit=10");
	}

	@Test
	void giftCardReadsPublicationSummary() {
		PublicationSummary publish = read("get-voucher-200-gift-card.json", Voucher.class).publish();
		assertThat(publish).isEqualTo(
				new PublicationSummary("list", 1, "/v1/vouchers/GIFT-CARD-xwc6X7Tk/publications?page=1&limit=10"));
	}

	@Test
	void giftCardReadsAssets() {
		VoucherAssets assets = read("get-voucher-200-gift-card.json", Voucher.class).assets();
		assertThat(assets).isNotNull();
		assertThat(assets.qr()).isNotNull();
		assertThat(assets.qr().id()).startsWith("U2FsdGVkX19SdT2kQZokSFsMRa5NmGvs").endsWith("NAXs=");
		assertThat(assets.qr().url()).isEqualTo(PLACEHOLDER_URL);
		assertThat(assets.barcode()).isNotNull();
		assertThat(assets.barcode().id()).startsWith("U2FsdGVkX18vWc/qplwajJz4RIIy2wDU").endsWith("1q8=");
		assertThat(assets.barcode().url()).isEqualTo(PLACEHOLDER_URL);
	}

	@Test
	void giftCardReadsEmptyMetadataAndEmptyValidationRulesAssignments() {
		Voucher voucher = read("get-voucher-200-gift-card.json", Voucher.class);
		assertThat(voucher.metadata()).isEmpty();
		ValidationRulesAssignments assignments = voucher.validationRulesAssignments();
		assertThat(assignments).isEqualTo(new ValidationRulesAssignments("list", "data", List.of(), 0));
	}

	@Test
	void metadataEntriesKeepTheirJsonTypes() {
		String json = Examples.read("get-voucher-200-gift-card.json")
			.replace("\"metadata\": {}",
					"\"metadata\": {\"region\": \"EU\", \"tier\": 2, \"vip\": true, \"tags\": [\"a\"], \"note\": null}");
		Map<String, Object> metadata = MAPPER.readValue(json, Voucher.class).metadata();
		assertThat(metadata).containsEntry("region", "EU")
			.containsEntry("tier", 2)
			.containsEntry("vip", true)
			.containsEntry("tags", List.of("a"))
			.containsEntry("note", null);
	}

	@Test
	void amountDiscountReadsTypeAmountOffFormulaAndEffect() {
		Discount discount = read("get-voucher-200-discount-amount.json", Voucher.class).discount();
		assertThat(discount).isNotNull();
		assertThat(discount.type()).isEqualTo(DiscountType.AMOUNT);
		assertThat(discount.amountOff()).isEqualTo(400L);
		assertThat(discount.amountOffFormula()).startsWith("IF(CUSTOMER_METADATA(\"favorite_brands\")");
		assertThat(discount.effect()).isEqualTo(DiscountEffect.APPLY_TO_ORDER);
		assertThat(discount.percentOff()).isNull();
		assertThat(discount.units()).isNull();
	}

	@Test
	void amountDiscountReadsCategoriesValidityAndDates() {
		Voucher voucher = read("get-voucher-200-discount-amount.json", Voucher.class);
		assertThat(voucher.code()).isEqualTo("AMOUNTDISCOUNTUSINGFORMULA");
		assertThat(voucher.type()).isEqualTo(VoucherType.DISCOUNT_VOUCHER);
		assertThat(voucher.category()).isEqualTo("First");
		assertThat(voucher.categoryId()).isEqualTo("cat_0bb343dee3cdb5ec0c");
		assertThat(voucher.categories()).containsExactly(new Category("cat_0bb343dee3cdb5ec0c", "First", 1, "category",
				OffsetDateTime.parse("2022-09-16T11:47:19.568Z"), null));
		assertThat(voucher.startDate()).isEqualTo(OffsetDateTime.parse("2022-09-01T00:00:00.000Z"));
		assertThat(voucher.expirationDate()).isEqualTo(OffsetDateTime.parse("2022-10-31T00:00:00.000Z"));
		assertThat(voucher.validityDayOfWeek()).containsExactly(1, 2, 3, 4, 5);
		assertThat(voucher.additionalInfo()).startsWith("This voucher discount is based on a formula");
		assertThat(voucher.redemption()).isNotNull();
		assertThat(voucher.redemption().redeemedQuantity()).isEqualTo(2);
	}

	@Test
	void amountDiscountReadsValidationRuleAssignment() {
		ValidationRulesAssignments assignments = read("get-voucher-200-discount-amount.json", Voucher.class)
			.validationRulesAssignments();
		assertThat(assignments).isNotNull();
		assertThat(assignments.total()).isEqualTo(1);
		assertThat(assignments.data()).containsExactly(new ValidationRuleAssignment("asgm_tO5AuzXIkkNPTC50",
				"val_5h0wc453_2", "v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2bn", "voucher",
				OffsetDateTime.parse("2022-09-19T08:27:59.160Z"), null, "validation_rules_assignment", null, null));
	}

	@Test
	void percentDiscountReadsPercentOffAsBigDecimal() {
		Voucher voucher = read("get-voucher-200-discount-percent.json", Voucher.class);
		assertThat(voucher.code()).isEqualTo("PercentDiscountUsingFormula");
		Discount discount = voucher.discount();
		assertThat(discount).isNotNull();
		assertThat(discount.type()).isEqualTo(DiscountType.PERCENT);
		assertThat(discount.percentOff()).isEqualByComparingTo(new BigDecimal("3"));
		assertThat(discount.percentOffFormula()).isEqualTo("CUSTOMER_METADATA(\"age\")");
		assertThat(discount.effect()).isEqualTo(DiscountEffect.APPLY_TO_ITEMS);
		assertThat(discount.amountOff()).isNull();
	}

	@Test
	void fractionalPercentOffKeepsItsDecimals() {
		Discount discount = MAPPER.readValue("{\"type\":\"PERCENT\",\"percent_off\":12.5,\"amount_limit\":600}",
				Discount.class);
		assertThat(discount.percentOff()).isEqualByComparingTo(new BigDecimal("12.5"));
		assertThat(discount.amountLimit()).isEqualTo(600L);
	}

	@Test
	void unitDiscountWithSeveralUnitsReadsEachUnit() {
		String json = """
				{"type": "UNIT", "effect": "ADD_MANY_ITEMS", "units": [
				  {"unit_off": 1, "unit_type": "prod_0a", "effect": "ADD_NEW_ITEMS",
				   "product": {"id": "prod_0a", "source_id": "mug", "name": "Mug"}},
				  {"unit_off": 2, "unit_type": "sku_0b", "effect": "ADD_MISSING_ITEMS",
				   "sku": {"id": "sku_0b", "source_id": "tee-m", "name": "Tee M"}}]}
				""";
		Discount discount = MAPPER.readValue(json, Discount.class);
		assertThat(discount.type()).isEqualTo(DiscountType.UNIT);
		assertThat(discount.effect()).isEqualTo(DiscountEffect.ADD_MANY_ITEMS);
		assertThat(discount.units()).containsExactly(
				new DiscountUnitItem(1, null, DiscountEffect.ADD_NEW_ITEMS, "prod_0a",
						new ProductReference("prod_0a", "mug", "Mug"), null),
				new DiscountUnitItem(2, null, DiscountEffect.ADD_MISSING_ITEMS, "sku_0b", null,
						new ProductReference("sku_0b", "tee-m", "Tee M")));
	}

	@Test
	void fixedDiscountReadsFixedAmount() {
		Discount discount = MAPPER.readValue(
				"{\"type\":\"FIXED\",\"fixed_amount\":1000,\"effect\":\"APPLY_TO_ITEMS\",\"is_dynamic\":false}",
				Discount.class);
		assertThat(discount.type()).isEqualTo(DiscountType.FIXED);
		assertThat(discount.fixedAmount()).isEqualTo(1000L);
		assertThat(discount.effect()).isEqualTo(DiscountEffect.APPLY_TO_ITEMS);
		assertThat(discount.isDynamic()).isFalse();
	}

	@Test
	void loyaltyCardReadsPointsBalanceAndNextExpirationDate() {
		Voucher voucher = read("get-voucher-200-loyalty-card.json", Voucher.class);
		assertThat(voucher.code()).isEqualTo("LOYALTY-CARD-xLPbpbXR");
		assertThat(voucher.type()).isEqualTo(VoucherType.LOYALTY_CARD);
		assertThat(voucher.campaign()).isEqualTo("Loyalty Program Fall 2022");
		assertThat(voucher.loyaltyCard())
			.isEqualTo(new LoyaltyCard(110L, 100L, LocalDate.parse("2023-12-31"), 100L, null, null, null));
		assertThat(voucher.redemption()).isNotNull();
		assertThat(voucher.redemption().redeemedPoints()).isEqualTo(10L);
		assertThat(voucher.gift()).isNull();
		assertThat(voucher.discount()).isNull();
	}

	@Test
	void enabledVoucherIsActive() {
		Voucher voucher = read("enable-voucher-200.json", Voucher.class);
		assertThat(voucher.code()).isEqualTo("2CpRCE2c");
		assertThat(voucher.active()).isTrue();
		assertThat(voucher.updatedAt()).isEqualTo(OffsetDateTime.parse("2022-09-19T11:54:17.248Z"));
		assertThat(voucher.discount()).isNotNull();
		assertThat(voucher.discount().effect()).isEqualTo(DiscountEffect.APPLY_TO_ITEMS_PROPORTIONALLY);
	}

	@Test
	void disabledVoucherIsInactive() {
		Voucher voucher = read("disable-voucher-200.json", Voucher.class);
		assertThat(voucher.code()).isEqualTo("2CpRCE2c");
		assertThat(voucher.active()).isFalse();
		assertThat(voucher.discount()).isNotNull();
		assertThat(voucher.discount().type()).isEqualTo(DiscountType.AMOUNT);
		assertThat(voucher.discount().amountOff()).isEqualTo(300L);
		assertThat(voucher.publish()).isNotNull();
		assertThat(voucher.publish().count()).isZero();
	}

	@Test
	void validityHoursReadTimesOfDay() {
		String json = """
				{"validity_hours": {"daily": [
				  {"start_time": "12:00", "days_of_week": [1, 2], "expiration_time": "14:30"}]},
				 "validity_timeframe": {"duration": "PT1H", "interval": "P2D"}}
				""";
		Voucher voucher = MAPPER.readValue(json, Voucher.class);
		assertThat(voucher.validityHours())
			.isEqualTo(new ValidityHours(List.of(new DailyValidityPeriod(java.time.LocalTime.of(12, 0), List.of(1, 2),
					java.time.LocalTime.of(14, 30)))));
		assertThat(voucher.validityTimeframe()).isEqualTo(new ValidityTimeframe("PT1H", "P2D"));
	}

	@Test
	void moneyBeyondTheIntRangeIsReadAsLong() {
		Gift gift = MAPPER.readValue("{\"amount\": 9000000000, \"balance\": 8999999999}", Gift.class);
		assertThat(gift.amount()).isEqualTo(9_000_000_000L);
		assertThat(gift.balance()).isEqualTo(8_999_999_999L);
	}

	// ------------------------------------------------------------------ balance

	@Test
	void giftCardBalanceUpdateReadsAmountsTypeAndRelatedObject() {
		BalanceUpdateResponse response = read("update-balance-200-gift-card.json", BalanceUpdateResponse.class);
		assertThat(response.amount()).isEqualTo(10000L);
		assertThat(response.total()).isEqualTo(20100L);
		assertThat(response.balance()).isEqualTo(20100L);
		assertThat(response.type()).isEqualTo(BalanceType.GIFT_VOUCHER);
		assertThat(response.object()).isEqualTo("balance");
		assertThat(response.relatedObject())
			.isEqualTo(new RelatedObject("voucher", "v_abCdEfghI1JKLMNPqRS2Tu3vWXyza4bc"));
	}

	@Test
	void giftCardBalanceUpdateWithoutOperationTypeReadsNull() {
		BalanceUpdateResponse response = read("update-balance-200-gift-card.json", BalanceUpdateResponse.class);
		assertThat(response.operationType()).isNull();
	}

	@Test
	void loyaltyCardBalanceUpdateReadsTypeAndOperationType() {
		BalanceUpdateResponse response = read("update-balance-200-loyalty-card.COMPOSED.json",
				BalanceUpdateResponse.class);
		assertThat(response.amount()).isEqualTo(100L);
		assertThat(response.total()).isEqualTo(13536L);
		assertThat(response.balance()).isEqualTo(13236L);
		assertThat(response.type()).isEqualTo(BalanceType.LOYALTY_CARD);
		assertThat(response.operationType()).isEqualTo(BalanceOperationType.MANUAL);
		assertThat(response.relatedObject())
			.isEqualTo(new RelatedObject("voucher", "v_0aMj6Mdp0i3zuXrd9NnBKboc7746mlgF"));
	}

	// ------------------------------------------------------------------ transactions

	@Test
	void transactionsPageReadsPagingAndEveryTransaction() {
		VoucherTransactionsPage page = read("list-transactions-200.json", VoucherTransactionsPage.class);
		assertThat(page.object()).isEqualTo("list");
		assertThat(page.dataRef()).isEqualTo("data");
		assertThat(page.hasMore()).isTrue();
		assertThat(page.moreStartingAfter()).isEqualTo("vtx_0c94e6b82a4bef406c");
		assertThat(page.data()).hasSize(8);
		assertThat(page.data()).extracting(VoucherTransaction::type)
			.containsExactly(VoucherTransactionType.CREDITS_REMOVAL, VoucherTransactionType.CREDITS_ADDITION,
					VoucherTransactionType.CREDITS_ADDITION, VoucherTransactionType.CREDITS_REFUND,
					VoucherTransactionType.CREDITS_REDEMPTION, VoucherTransactionType.CREDITS_REMOVAL,
					VoucherTransactionType.CREDITS_REDEMPTION, VoucherTransactionType.CREDITS_ADDITION);
	}

	@Test
	void transactionReadsItsEnvelope() {
		VoucherTransaction transaction = read("list-transactions-200.json", VoucherTransactionsPage.class).data()
			.get(0);
		assertThat(transaction.id()).isEqualTo("vtx_0c9dccc4d5813e71bd");
		assertThat(transaction.sourceId()).isEqualTo("20230317_subtract_1");
		assertThat(transaction.voucherId()).isEqualTo("v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp");
		assertThat(transaction.campaignId()).isEqualTo("camp_FNYR4jhqZBM9xTptxDGgeNBV");
		assertThat(transaction.source()).isEqualTo("API");
		assertThat(transaction.reason()).isEqualTo("Subtracting credits from card");
		assertThat(transaction.relatedTransactionId()).isNull();
		assertThat(transaction.createdAt()).isEqualTo(OffsetDateTime.parse("2023-03-17T15:50:00.786Z"));
	}

	@Test
	void transactionReadsBalanceDetailsAsSignedLongs() {
		VoucherTransaction transaction = read("list-transactions-200.json", VoucherTransactionsPage.class).data()
			.get(0);
		assertThat(transaction.details()).isNotNull();
		assertThat(transaction.details().balance())
			.isEqualTo(new VoucherBalance(BalanceType.GIFT_VOUCHER, 128020L, "balance", -2000L, null, 121020L, null,
					new RelatedObject("voucher", "v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp")));
	}

	@Test
	void refundTransactionReadsOrderRedemptionAndRollback() {
		VoucherTransaction refund = read("list-transactions-200.json", VoucherTransactionsPage.class).data().get(3);
		assertThat(refund.type()).isEqualTo(VoucherTransactionType.CREDITS_REFUND);
		assertThat(refund.sourceId()).isNull();
		assertThat(refund.source()).isNull();
		assertThat(refund.reason()).isNull();
		VoucherTransactionDetails details = refund.details();
		assertThat(details).isNotNull();
		assertThat(details.balance()).isNotNull();
		assertThat(details.balance().amount()).isEqualTo(44L);
		assertThat(details.order()).isEqualTo(new OrderReference("ord_jj5EzDxDOd2xFPsAJJ18IaZK", null));
		assertThat(details.redemption()).isEqualTo(new IdReference("r_0c94ed583fcafc31c1"));
		assertThat(details.rollback()).isEqualTo(new IdReference("rr_0c94edbb8d0bef5d9e"));
		assertThat(details.event()).isNull();
		assertThat(details.pendingPoints()).isNull();
	}

	@Test
	void loyaltyTransactionReadsPointsPendingPointsAndVouchers() {
		String json = """
				{"id": "vtx_1", "type": "POINTS_TRANSFER_OUT", "created_at": "2024-01-02T03:04:05.006Z",
				 "details": {
				  "balance": {"type": "loyalty_card", "total": 500, "points": -100, "balance": 400,
				              "operation_type": "AUTOMATIC", "object": "balance",
				              "related_object": {"id": "v_1", "type": "voucher"}},
				  "event": {"id": "evcus_1", "type": "customer.order.paid"},
				  "earning_rule": {"id": "ern_1", "source": {"banner": "Order paid"}},
				  "loyalty_tier": {"id": "ltr_1", "name": "Gold"},
				  "pending_points": {"id": "lpp_1", "voucher_id": "v_1", "points": 50,
				    "activates_at": "2024-02-01", "created_at": "2024-01-02T03:04:05Z",
				    "details": {"order": {"id": "ord_1", "source_id": null},
				      "event": {"id": "evcus_1", "type": "customer.order.paid", "category": "ACTION",
				        "event_source": {"channel": "API", "api_key": {"name": "backend", "app_id": "app_1"}}}}},
				  "destination_voucher": {"id": "v_2", "code": "LOYAL-2", "type": "LOYALTY_CARD",
				    "loyalty_card": {"points": 100, "balance": 100}, "object": "voucher"}}}
				""";
		VoucherTransaction transaction = MAPPER.readValue(json, VoucherTransaction.class);
		assertThat(transaction.type()).isEqualTo(VoucherTransactionType.POINTS_TRANSFER_OUT);
		VoucherTransactionDetails details = transaction.details();
		assertThat(details).isNotNull();
		assertThat(details.balance()).isNotNull();
		assertThat(details.balance().type()).isEqualTo(BalanceType.LOYALTY_CARD);
		assertThat(details.balance().points()).isEqualTo(-100L);
		assertThat(details.balance().operationType()).isEqualTo(BalanceOperationType.AUTOMATIC);
		assertThat(details.event()).isEqualTo(new EventReference("evcus_1", "customer.order.paid"));
		assertThat(details.earningRule())
			.isEqualTo(new EarningRuleReference("ern_1", new EarningRuleSource("Order paid")));
		assertThat(details.loyaltyTier()).isEqualTo(new NamedReference("ltr_1", "Gold"));
		LoyaltyPendingPoints pending = details.pendingPoints();
		assertThat(pending).isNotNull();
		assertThat(pending.points()).isEqualTo(50L);
		assertThat(pending.activatesAt()).isEqualTo(LocalDate.of(2024, 2, 1));
		assertThat(pending.details()).isNotNull();
		assertThat(pending.details().event()).isNotNull();
		assertThat(pending.details().event().eventSource())
			.isEqualTo(new EventSource("API", null, new ApiKeyReference("backend", "app_1")));
		SimpleVoucher destination = details.destinationVoucher();
		assertThat(destination).isNotNull();
		assertThat(destination.type()).isEqualTo(VoucherType.LOYALTY_CARD);
		assertThat(destination.loyaltyCard()).isNotNull();
		assertThat(destination.loyaltyCard().balance()).isEqualTo(100L);
	}

	// ------------------------------------------------------------------ export

	@Test
	void transactionsExportReadsStatusAndEnvelope() {
		TransactionsExport export = read("export-transactions-200.json", TransactionsExport.class);
		assertThat(export.id()).isEqualTo("exp_ARi2UbRjgfrHQJoVcKFrBUgA");
		assertThat(export.object()).isEqualTo("export");
		assertThat(export.createdAt()).isEqualTo(OffsetDateTime.parse("2023-05-16T08:30:21.496Z"));
		assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
		assertThat(export.channel()).isEqualTo("API");
		assertThat(export.exportedObject()).isEqualTo("voucher_transactions");
		assertThat(export.result()).isNull();
		assertThat(export.userId()).isNull();
	}

	@Test
	void transactionsExportReadsOrderFieldsAndVoucherFilter() {
		TransactionsExportParameters parameters = read("export-transactions-200.json", TransactionsExport.class)
			.parameters();
		assertThat(parameters).isNotNull();
		assertThat(parameters.order()).isEqualTo(TransactionsExportOrder.CREATED_AT_DESC);
		assertThat(parameters.fields()).containsExactly(TransactionsExportField.ID, TransactionsExportField.TYPE,
				TransactionsExportField.SOURCE_ID, TransactionsExportField.REASON, TransactionsExportField.BALANCE,
				TransactionsExportField.AMOUNT, TransactionsExportField.CREATED_AT, TransactionsExportField.VOUCHER_ID,
				TransactionsExportField.CAMPAIGN_ID, TransactionsExportField.DETAILS,
				TransactionsExportField.RELATED_TRANSACTION_ID, TransactionsExportField.SOURCE);
		assertThat(parameters.filters())
			.isEqualTo(new TransactionsExportFilters(new FieldFilter(new FilterConditions(List.of("HRwc0oHz")))));
	}

	@Test
	void transactionsExportWithoutRequestBodyReadsOnlyTheFilter() {
		TransactionsExport export = read("export-transactions-200-no-request-body.json", TransactionsExport.class);
		assertThat(export.id()).isEqualTo("exp_ExEE5A6OIK4tssuNswr5O6SU");
		assertThat(export.status()).isEqualTo(ExportStatus.SCHEDULED);
		assertThat(export.createdAt()).isEqualTo(OffsetDateTime.parse("2023-03-21T13:34:57.034Z"));
		assertThat(export.parameters()).isEqualTo(new TransactionsExportParameters(null, null,
				new TransactionsExportFilters(new FieldFilter(new FilterConditions(List.of("HRwc0oHz"))))));
	}

	@Test
	void finishedTransactionsExportReadsResultUrl() {
		TransactionsExport export = MAPPER.readValue(
				"{\"status\":\"DONE\",\"result\":{\"url\":\"https://download.voucherify.io/v1/exports/exp_1\"}}",
				TransactionsExport.class);
		assertThat(export.status()).isEqualTo(ExportStatus.DONE);
		assertThat(export.result())
			.isEqualTo(new TransactionsExportResult("https://download.voucherify.io/v1/exports/exp_1"));
	}

	@Test
	void finishedTransactionsExportOfTheFollowUpReadsItsDownloadUrl() {
		TransactionsExport export = read("get-export-200-done-voucher-transactions.COMPOSED.json",
				TransactionsExport.class);
		assertThat(export.id()).isEqualTo("exp_ARi2UbRjgfrHQJoVcKFrBUgA");
		assertThat(export.status()).isEqualTo(ExportStatus.DONE);
		assertThat(export.exportedObject()).isEqualTo("voucher_transactions");
		assertThat(export.result()).isEqualTo(new TransactionsExportResult(
				"https://download.voucherify.io/v1/exports/exp_ARi2UbRjgfrHQJoVcKFrBUgA?token=TOKEN"));
		assertThat(export.parameters().order()).isEqualTo(TransactionsExportOrder.CREATED_AT_DESC);
	}

	@Test
	void anotherObjectsExportReadsWithoutFailingOnItsFields() {
		TransactionsExport export = read("get-export-200-done.json", TransactionsExport.class);
		assertThat(export.exportedObject()).isEqualTo("customer");
		assertThat(export.status()).isEqualTo(ExportStatus.DONE);
		assertThat(export.result()).isEqualTo(new TransactionsExportResult("{{internalVoucherifyURL}}"));
		assertThat(export.parameters().order()).isEqualTo(TransactionsExportOrder.UNKNOWN);
		assertThat(export.parameters().fields()).containsOnly(TransactionsExportField.UNKNOWN,
				TransactionsExportField.ID, TransactionsExportField.SOURCE_ID, TransactionsExportField.CREATED_AT);
	}

	@Test
	void theGuidesOlderExportShapeReadsItsIdStatusAndUrl() {
		TransactionsExport export = read("get-export-200-done-csv-export-guide.json", TransactionsExport.class);
		assertThat(export.id()).isEqualTo("export_lhZvHKphiMESVdIncRKvoaZh");
		assertThat(export.status()).isEqualTo(ExportStatus.DONE);
		assertThat(export.result().url()).startsWith("https://download.voucherify.io/v1/exports/");
		assertThat(export.parameters().filters()).isNull();
	}

	@Test
	void scheduledExportOfTheFollowUpReadsAsTheExportCall() {
		assertThat(read("get-export-200-scheduled.json", TransactionsExport.class))
			.isEqualTo(read("export-transactions-200.json", TransactionsExport.class));
	}

	@Test
	void transactionsExportRequestExampleReadsOrderAndFields() {
		TransactionsExportRequest request = read("export-transactions-request.json", TransactionsExportRequest.class);
		assertThat(request.parameters()).isNotNull();
		assertThat(request.parameters().order()).isEqualTo(TransactionsExportOrder.CREATED_AT_DESC);
		assertThat(request.parameters().fields()).hasSize(11)
			.startsWith(TransactionsExportField.ID, TransactionsExportField.TYPE)
			.endsWith(TransactionsExportField.DETAILS, TransactionsExportField.SOURCE)
			.doesNotContain(TransactionsExportField.RELATED_TRANSACTION_ID);
	}

	// ------------------------------------------------------------------ import

	@Test
	void importCsvResponseReadsAsyncActionId() {
		AsyncAction action = read("import-csv-202.json", AsyncAction.class);
		assertThat(action.asyncActionId()).isEqualTo("aa_0a875d56c805df6601");
	}

	// ------------------------------------------------------------------ errors

	@Test
	void importCsvMissingFileErrorReadsEveryEnvelopeField() {
		assertThat(read("error-400-import-csv-missing-file.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(
				400, "invalid_payload", "Invalid payload", "Payload should have required property 'file'",
				"74e4bb71-5b6d-49b9-98eb-239691c9d67a", null, null, null, null, null, null));
	}

	@Test
	void unauthorizedErrorReadsEveryEnvelopeField() {
		assertThat(read("error-401-unauthorized.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(401,
				"unauthorized", "Unauthorized", null, null, null, null, null, null, null, null));
	}

	@Test
	void deleteVoucherNotFoundErrorReadsEveryEnvelopeField() {
		assertThat(read("error-404-delete-voucher-not-found.json", VoucherifyError.class))
			.isEqualTo(new VoucherifyError(404, "not_found", "Resource not found", "Cannot find voucher with id 10OFF",
					"v-0ae28d3cec96bb1b7e", "10OFF", "voucher", null, null, null, null));
	}

	@Test
	void asyncActionNotFoundErrorReadsEveryEnvelopeField() {
		assertThat(read("error-404-async-action-not-found.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(
				404, "not_found", "Resource not found", "Cannot find async_action with id aa_0aeb82bd55d5beffb",
				"v-0aeb88df54c82af560", "aa_0aeb82bd55d5beffb", "async_action", null, null, null, null));
	}

	@Test
	void exportNotFoundErrorReadsEveryEnvelopeField() {
		assertThat(read("error-404-export-not-found.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(404,
				"not_found", "Resource not found", "Cannot find export with id exp_8fNoLwgVPuhoxNzVsr50kq0",
				"v-0b029305af4524cf42", "exp_8fNoLwgVPuhoxNzVsr50kq0", "export", null, null, null, null));
	}

	@Test
	void sessionNotFoundErrorReadsEveryEnvelopeField() {
		assertThat(read("error-404-session-not-found.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(404,
				"not_found", "Resource not found", "Cannot find session with id Enigma-Session", "v-10cba72f7256d72803",
				"Enigma-Session", "session", null, null, null, null));
	}

	@Test
	void voucherNotFoundErrorReadsEveryEnvelopeField() {
		assertThat(read("error-404-voucher-not-found.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(404,
				"not_found", "Resource not found", "Cannot find voucher with id v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b",
				"v-0bb3403b9a158c87b2", "v_OBVfpTVf24DBz0HZmKVZa5UEl1DUg2b", "voucher", null, null, null, null));
	}

	@Test
	void rateLimitedErrorReadsEveryEnvelopeField() {
		assertThat(read("error-429-rate-limited.json", VoucherifyError.class)).isEqualTo(new VoucherifyError(429, null,
				"Too many requests hit the API too quickly.", null, null, null, null, null, null, null, null));
	}

	@Test
	void errorReadsCustomMessageAndRelatedObjectsOutsideTheSchema() {
		String json = """
				{"code": 400, "key": "duplicate_found", "message": "Duplicated codes",
				 "error": {"message": "Only for VIP customers"},
				 "related_object_ids": ["v_1", "v_2"], "related_object_type": "voucher", "related_object_total": 2}
				""";
		VoucherifyError error = MAPPER.readValue(json, VoucherifyError.class);
		assertThat(error.error()).isEqualTo(new ErrorInfo("Only for VIP customers"));
		assertThat(error.relatedObjectIds()).containsExactly("v_1", "v_2");
		assertThat(error.relatedObjectType()).isEqualTo("voucher");
		assertThat(error.relatedObjectTotal()).isEqualTo(2);
	}

	// ------------------------------------------------------------------ robustness

	static Stream<Arguments> responseExamples() {
		return Stream.of(Arguments.of("get-voucher-200-gift-card.json", Voucher.class),
				Arguments.of("get-voucher-200-discount-amount.json", Voucher.class),
				Arguments.of("get-voucher-200-discount-percent.json", Voucher.class),
				Arguments.of("get-voucher-200-loyalty-card.json", Voucher.class),
				Arguments.of("enable-voucher-200.json", Voucher.class),
				Arguments.of("disable-voucher-200.json", Voucher.class),
				Arguments.of("update-balance-200-gift-card.json", BalanceUpdateResponse.class),
				Arguments.of("update-balance-200-loyalty-card.COMPOSED.json", BalanceUpdateResponse.class),
				Arguments.of("list-transactions-200.json", VoucherTransactionsPage.class),
				Arguments.of("export-transactions-200.json", TransactionsExport.class),
				Arguments.of("export-transactions-200-no-request-body.json", TransactionsExport.class),
				Arguments.of("export-transactions-request.json", TransactionsExportRequest.class),
				Arguments.of("import-csv-202.json", AsyncAction.class),
				Arguments.of("error-400-import-csv-missing-file.json", VoucherifyError.class),
				Arguments.of("error-401-unauthorized.json", VoucherifyError.class),
				Arguments.of("error-404-delete-voucher-not-found.json", VoucherifyError.class),
				Arguments.of("error-404-session-not-found.json", VoucherifyError.class),
				Arguments.of("error-404-voucher-not-found.json", VoucherifyError.class),
				Arguments.of("error-429-rate-limited.json", VoucherifyError.class));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseExamples")
	void strictMapperWithForeignNamingStrategiesReadsEveryExampleIdentically(String example, Class<?> type) {
		Object expected = read(example, type);
		for (PropertyNamingStrategy naming : List.of(PropertyNamingStrategies.UPPER_CAMEL_CASE,
				PropertyNamingStrategies.KEBAB_CASE, PropertyNamingStrategies.LOWER_CAMEL_CASE)) {
			JsonMapper strict = JsonMapper.builder()
				.enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
				.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
				.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
				.propertyNamingStrategy(naming)
				.build();
			assertThat(strict.readValue(Examples.read(example), type)).as("%s with %s", example, naming)
				.isEqualTo(expected);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("responseExamples")
	void everyExampleSurvivesAWriteAndReadBack(String example, Class<?> type) {
		Object model = read(example, type);
		assertThat(MAPPER.readValue(MAPPER.writeValueAsString(model), type)).isEqualTo(model);
	}

	@Test
	void strictMapperIgnoresPropertiesTheModelDoesNotKnow() {
		JsonMapper strict = JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
		Voucher voucher = strict.readValue(
				"{\"code\":\"X\",\"brand_new\":{\"nested\":[1,2]},\"gift\":{\"balance\":5,\"effective_balance\":5}}",
				Voucher.class);
		assertThat(voucher.code()).isEqualTo("X");
		assertThat(voucher.gift()).isEqualTo(new Gift(null, null, 5L, null));
	}

	@Test
	void unknownVoucherTypeReadsAsUnknown() {
		Voucher voucher = MAPPER.readValue("{\"type\":\"SUPER_VOUCHER\"}", Voucher.class);
		assertThat(voucher.type()).isEqualTo(VoucherType.UNKNOWN);
	}

	@Test
	void unknownTransactionTypeReadsAsUnknown() {
		VoucherTransaction transaction = MAPPER.readValue("{\"type\":\"POINTS_TELEPORTED\"}", VoucherTransaction.class);
		assertThat(transaction.type()).isEqualTo(VoucherTransactionType.UNKNOWN);
	}

	@Test
	void unknownDiscountTypeAndEffectReadAsUnknown() {
		Discount discount = MAPPER
			.readValue("{\"type\":\"SHIPPING\",\"effect\":\"APPLY_TO_SHIPPING\",\"amount_off\":1}", Discount.class);
		assertThat(discount.type()).isEqualTo(DiscountType.UNKNOWN);
		assertThat(discount.effect()).isEqualTo(DiscountEffect.UNKNOWN);
		assertThat(discount.amountOff()).isEqualTo(1L);
	}

	@Test
	void unknownBalanceAndExportValuesReadAsUnknown() {
		BalanceUpdateResponse balance = MAPPER.readValue("{\"type\":\"wallet\",\"operation_type\":\"BULK\"}",
				BalanceUpdateResponse.class);
		assertThat(balance.type()).isEqualTo(BalanceType.UNKNOWN);
		assertThat(balance.operationType()).isEqualTo(BalanceOperationType.UNKNOWN);
		TransactionsExport export = MAPPER.readValue(
				"{\"status\":\"QUEUED\",\"parameters\":{\"order\":\"-id\",\"fields\":[\"id\",\"customer_id\"]}}",
				TransactionsExport.class);
		assertThat(export.status()).isEqualTo(ExportStatus.UNKNOWN);
		assertThat(export.parameters()).isNotNull();
		assertThat(export.parameters().order()).isEqualTo(TransactionsExportOrder.UNKNOWN);
		assertThat(export.parameters().fields()).containsExactly(TransactionsExportField.ID,
				TransactionsExportField.UNKNOWN);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("enums")
	void everyEnumReadsItsWireValuesAndAnyOtherValueAsUnknown(Class<? extends Enum<?>> type) {
		for (Enum<?> constant : type.getEnumConstants()) {
			String wire = MAPPER.writeValueAsString(constant);
			assertThat(MAPPER.readValue(wire, type)).isSameAs(constant);
		}
		assertThat(MAPPER.readValue("\"NOT_A_VALUE_ANYONE_SENDS\"", type)).hasToString("UNKNOWN");
		assertThat(MAPPER.readValue("\"\"", type)).hasToString("UNKNOWN");
	}

	@Test
	void emptyObjectReadsAsVoucherWithEveryFieldNull() {
		Voucher voucher = MAPPER.readValue("{}", Voucher.class);
		assertThat(componentValues(voucher)).containsOnlyNulls();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("records")
	void everyRecordReadsAnEmptyObject(Class<? extends Record> type) {
		assertThat(componentValues(MAPPER.readValue("{}", type))).containsOnlyNulls();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("records")
	void everyRecordReadsExplicitNullsForEveryProperty(Class<? extends Record> type) {
		Map<String, Object> nulls = new LinkedHashMap<>();
		for (RecordComponent component : type.getRecordComponents()) {
			nulls.put(component.getAccessor().getAnnotation(JsonProperty.class).value(), null);
		}
		String json = MAPPER.writeValueAsString(nulls);
		assertThat(componentValues(MAPPER.readValue(json, type))).containsOnlyNulls();
	}

	@Test
	void explicitNullsInNestedObjectsAreRead() {
		String json = """
				{"code": null, "type": null, "discount": {"type": null, "amount_off": null, "units": null},
				 "gift": {"amount": null, "balance": null}, "metadata": null, "categories": null,
				 "redemption": {"quantity": null, "redeemed_amount": null},
				 "validation_rules_assignments": {"data": null, "total": null}}
				""";
		Voucher voucher = MAPPER.readValue(json, Voucher.class);
		assertThat(voucher.code()).isNull();
		assertThat(voucher.type()).isNull();
		assertThat(componentValues(voucher.discount())).containsOnlyNulls();
		assertThat(componentValues(voucher.gift())).containsOnlyNulls();
		assertThat(componentValues(voucher.redemption())).containsOnlyNulls();
		assertThat(componentValues(voucher.validationRulesAssignments())).containsOnlyNulls();
	}

	static Stream<Class<? extends Record>> records() {
		return ModelTypes.RECORDS.stream();
	}

	static Stream<Class<? extends Enum<?>>> enums() {
		return ModelTypes.ENUMS.stream();
	}

	private static <T> T read(String example, Class<T> type) {
		return MAPPER.readValue(Examples.read(example), type);
	}

	private static List<Object> componentValues(Record record) {
		assertThat(record).isNotNull();
		return Stream.of(record.getClass().getRecordComponents()).map((component) -> {
			try {
				return component.getAccessor().invoke(record);
			}
			catch (ReflectiveOperationException ex) {
				throw new IllegalStateException(ex);
			}
		}).toList();
	}

}
