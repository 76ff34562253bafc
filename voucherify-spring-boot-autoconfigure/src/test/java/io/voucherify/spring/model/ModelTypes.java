package io.voucherify.spring.model;

import java.util.List;

/**
 * The records and enums of the Vouchers API model that follow the wire conventions, for
 * tests that check every one of them.
 */
public final class ModelTypes {

	/** Records read from or written to JSON. */
	static final List<Class<? extends Record>> RECORDS = List.of(ApiKeyReference.class, AsyncAction.class,
			AsyncActionDetails.class, BalanceUpdateResponse.class, Category.class, DailyValidityPeriod.class,
			Discount.class, DiscountUnitItem.class, EarningRuleReference.class, EarningRuleSource.class,
			ErrorInfo.class, EventReference.class, EventSource.class, Export.class, ExportParameters.class,
			ExportResult.class, FieldFilter.class, FilterConditions.class, Gift.class, IdReference.class,
			LoyaltyCard.class, LoyaltyPendingPoints.class, LoyaltyPendingPointsDetails.class, NamedReference.class,
			OrderReference.class, PendingPointsEvent.class, ProductReference.class, PublicationSummary.class,
			RedemptionSummary.class, RelatedObject.class, SimpleVoucher.class, TransactionsExport.class,
			TransactionsExportFilters.class, TransactionsExportParameters.class, TransactionsExportRequest.class,
			TransactionsExportRequestParameters.class, TransactionsExportResult.class, ValidationRuleAssignment.class,
			ValidationRulesAssignments.class, ValidityHours.class, ValidityTimeframe.class, Voucher.class,
			VoucherAsset.class, VoucherAssets.class, VoucherBalance.class, VoucherTransaction.class,
			VoucherTransactionDetails.class, VoucherTransactionsPage.class, VoucherifyError.class);

	/** Enums read from JSON, each with an {@code UNKNOWN} constant. */
	public static final List<Class<? extends Enum<?>>> ENUMS = List.of(AsyncActionOperationStatus.class,
			AsyncActionStatus.class, BalanceOperationType.class, BalanceType.class, DiscountEffect.class,
			DiscountType.class, ExportStatus.class, GiftEffect.class, TransactionsExportField.class,
			TransactionsExportOrder.class, ValidationStatus.class, VoucherTransactionType.class, VoucherType.class);

	private ModelTypes() {
	}

}
