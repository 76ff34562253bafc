package io.voucherify.spring.test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.DiscountType;
import io.voucherify.spring.model.Voucher;
import io.voucherify.spring.model.VoucherType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET /v1/vouchers/{code}}.
 */
class GetVoucherTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void returnsAGiftCardWithItsAmountAndBalance() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);

		Voucher voucher = this.vouchers.getVoucher("GIFT-1");

		assertThat(voucher.code()).isEqualTo("GIFT-1");
		assertThat(voucher.type()).isEqualTo(VoucherType.GIFT_VOUCHER);
		assertThat(voucher.gift().amount()).isEqualTo(5000L);
		assertThat(voucher.gift().balance()).isEqualTo(5000L);
		assertThat(voucher.discount()).isNull();
		assertThat(voucher.loyaltyCard()).isNull();
	}

	@Test
	void returnsALoyaltyCardWithItsPoints() {
		voucherify.emulator().createLoyaltyCard("LOYAL-1", 1200);

		Voucher voucher = this.vouchers.getVoucher("LOYAL-1");

		assertThat(voucher.type()).isEqualTo(VoucherType.LOYALTY_CARD);
		assertThat(voucher.loyaltyCard().points()).isEqualTo(1200L);
		assertThat(voucher.loyaltyCard().balance()).isEqualTo(1200L);
		assertThat(voucher.gift()).isNull();
	}

	@Test
	void returnsAnAmountDiscountVoucher() {
		voucherify.emulator().createDiscountVoucher("10OFF", 1000);

		Voucher voucher = this.vouchers.getVoucher("10OFF");

		assertThat(voucher.type()).isEqualTo(VoucherType.DISCOUNT_VOUCHER);
		assertThat(voucher.discount().type()).isEqualTo(DiscountType.AMOUNT);
		assertThat(voucher.discount().amountOff()).isEqualTo(1000L);
	}

	@Test
	void returnsAPercentDiscountVoucher() {
		voucherify.emulator().createPercentDiscountVoucher("20PCT", 20);

		Voucher voucher = this.vouchers.getVoucher("20PCT");

		assertThat(voucher.discount().type()).isEqualTo(DiscountType.PERCENT);
		assertThat(voucher.discount().percentOff()).isEqualByComparingTo(BigDecimal.valueOf(20));
	}

	@Test
	void answersWithTheFieldsOfTheSpecExamples() {
		voucherify.emulator().createGiftCard("GIFT-FIELDS", 100);

		JsonNode voucher = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/GIFT-FIELDS", null).body());

		assertThat(voucher.get("id").asString()).matches("v_[A-Za-z0-9]{32}");
		assertThat(voucher.get("object").asString()).isEqualTo("voucher");
		assertThat(voucher.get("active").asBoolean()).isTrue();
		assertThat(voucher.get("is_referral_code").asBoolean()).isFalse();
		assertThat(voucher.get("metadata").isObject()).isTrue();
		assertThat(voucher.get("created_at").asString()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
		assertThat(voucher.at("/assets/qr/id").asString()).isNotEmpty();
		assertThat(voucher.at("/assets/barcode/url").asString()).startsWith(voucherify.emulator().baseUrl());
		assertThat(voucher.at("/validation_rules_assignments/object").asString()).isEqualTo("list");
		assertThat(voucher.at("/validation_rules_assignments/total").asInt()).isZero();
		assertThat(voucher.at("/redemption/redeemed_quantity").asInt()).isZero();
		assertThat(voucher.at("/redemption/url").asString())
			.isEqualTo("/v1/vouchers/GIFT-FIELDS/redemptions?page=1&limit=10");
		assertThat(voucher.at("/publish/count").asInt()).isZero();
	}

	@Test
	void sendsTheEmptyFieldsOfAStandaloneGiftCardAsNull() {
		voucherify.emulator().createGiftCard("GIFT-NULLS", 100);

		JsonNode voucher = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/GIFT-NULLS", null).body());

		assertThat(voucher.properties()).filteredOn((property) -> property.getValue().isNull())
			.extracting(Map.Entry::getKey)
			.containsExactly("campaign", "campaign_id", "category", "category_id", "discount", "loyalty_card",
					"start_date", "expiration_date", "validity_timeframe", "validity_day_of_week", "additional_info");
		assertThat(voucher.at("/redemption/quantity").isNull()).isTrue();
	}

	@Test
	void leavesOutWhatTheSpecExamplesLeaveOut() {
		voucherify.emulator().createDiscountVoucher("NO-CATEGORY", 100);

		JsonNode voucher = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/NO-CATEGORY", null).body());

		assertThat(voucher.has("categories")).as("categories without a category").isFalse();
		assertThat(voucher.has("holder_id")).isFalse();
		assertThat(voucher.has("validity_hours")).isFalse();
		assertThat(voucher.has("referrer_id")).isFalse();
	}

	/**
	 * The spec's example, loaded as a seed, comes back with the same keys in the same
	 * order, {@code null} where the example has {@code null}. The amount-discount example
	 * is left out: its {@code validity_day_of_week} is set, which the emulator does not
	 * emulate.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "get-voucher-200-gift-card.json", "get-voucher-200-loyalty-card.json",
			"get-voucher-200-discount-percent.json" })
	void answersASeededSpecExampleKeyForKeyWithItsNulls(String file) throws IOException {
		JsonNode example = Json.read(Specification.examples().resolve(file));
		voucherify.emulator().load(seed(example));

		JsonNode voucher = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/" + example.get("code").asString(), null)
				.body());

		assertThat(voucher.propertyNames()).containsExactlyElementsOf(example.propertyNames());
		assertThat(nullKeys(voucher)).containsExactlyElementsOf(nullKeys(example));
		assertThat(voucher.get("redemption").propertyNames())
			.containsExactlyElementsOf(example.get("redemption").propertyNames());
		assertThat(nullKeys(voucher.get("redemption"))).containsExactly("quantity");
	}

	@Test
	void anImportedVoucherHasANullCampaign() {
		TestClients.importCsv(voucherify.emulator(), "Code,Voucher Type,Value\nIMPORTED,GIFT_VOUCHER,100\n");

		JsonNode voucher = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/IMPORTED", null).body());

		assertThat(voucher.get("campaign").isNull()).isTrue();
		assertThat(voucher.get("campaign_id").isNull()).isTrue();
	}

	@Test
	void enablingAnswersTheSameNulls() {
		voucherify.emulator().createLoyaltyCard("LOYAL-NULLS", 10);

		JsonNode enabled = Json
			.parse(TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/LOYAL-NULLS/enable", null).body());
		JsonNode got = Json
			.parse(TestClients.raw(voucherify.emulator(), "GET", "/v1/vouchers/LOYAL-NULLS", null).body());

		assertThat(nullKeys(enabled)).contains("gift", "discount").isEqualTo(nullKeys(got));
	}

	private static List<String> nullKeys(JsonNode object) {
		return object.properties()
			.stream()
			.filter((property) -> property.getValue().isNull())
			.map(Map.Entry::getKey)
			.toList();
	}

	private static Resource seed(JsonNode voucher) {
		return new ByteArrayResource(("[" + voucher + "]").getBytes(StandardCharsets.UTF_8)) {

			@Override
			public String getFilename() {
				return "example.json";
			}

		};
	}

	@Test
	void findsAVoucherByItsId() {
		EmulatedVoucher created = voucherify.emulator().createGiftCard("GIFT-BY-ID", 100);

		Voucher voucher = this.vouchers.getVoucher(created.id());

		assertThat(voucher.code()).isEqualTo("GIFT-BY-ID");
	}

	@Test
	void anUnknownCodeIsNotFoundWithTheSpecEnvelope() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("10OFF-NOPE"))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(404);
				assertThat(ex.getKey()).isEqualTo("not_found");
				assertThat(ex.getErrorMessage()).isEqualTo("Resource not found");
				assertThat(ex.getDetails()).isEqualTo("Cannot find voucher with id 10OFF-NOPE");
				assertThat(ex.getRequestId()).matches("v-[0-9a-f]{18}");
				assertThat(ex.getResourceId()).isEqualTo("10OFF-NOPE");
				assertThat(ex.getResourceType()).isEqualTo("voucher");
			});
	}

	@Test
	void codesAreMatchedWithTheirCase() {
		voucherify.emulator().createGiftCard("Gift-Mixed", 100);

		assertThat(this.vouchers.getVoucher("Gift-Mixed").code()).isEqualTo("Gift-Mixed");
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.getVoucher("GIFT-MIXED"));
	}

	@Test
	void showsTheSeededCategoryCampaignDatesAndMetadata() {
		voucherify.emulator().load(new ClassPathResource("vouchers.json"));

		Voucher gift = this.vouchers.getVoucher("SEED-GIFT");
		Voucher loyalty = this.vouchers.getVoucher("SEED-LOYALTY");
		Voucher amount = this.vouchers.getVoucher("SEED-AMOUNT");

		assertThat(gift.category()).isEqualTo("Seeded");
		assertThat(gift.categoryId()).startsWith("cat_");
		assertThat(gift.categories()).singleElement().satisfies((category) -> {
			assertThat(category.name()).isEqualTo("Seeded");
			assertThat(category.id()).isEqualTo(gift.categoryId());
		});
		assertThat(gift.metadata()).containsEntry("origin", "json").containsEntry("tier", 2);
		assertThat(loyalty.campaign()).isEqualTo("Loyalty Program");
		assertThat(loyalty.campaignId()).isEqualTo("camp_seededLoyaltyProgram0001");
		assertThat(loyalty.holderId()).isEqualTo("cust_seededHolder0001");
		assertThat(amount.startDate()).hasToString("2024-01-01T00:00Z");
		assertThat(amount.expirationDate()).hasToString("2030-12-31T23:59:59Z");
	}

}
