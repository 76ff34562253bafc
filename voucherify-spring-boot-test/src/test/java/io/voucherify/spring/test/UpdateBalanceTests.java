package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.exception.VoucherifyBadRequestException;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.BalanceOperationType;
import io.voucherify.spring.model.BalanceType;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.BalanceUpdateResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code POST /v1/vouchers/{code}/balance}.
 */
class UpdateBalanceTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	@Test
	void addingToAGiftCardRaisesItsBalanceAndTotal() {
		EmulatedVoucher card = voucherify.emulator().createGiftCard("GIFT-1", 10100);

		BalanceUpdateResponse response = this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(10000));

		assertThat(response.amount()).isEqualTo(10000L);
		assertThat(response.total()).isEqualTo(20100L);
		assertThat(response.balance()).isEqualTo(20100L);
		assertThat(response.type()).isEqualTo(BalanceType.GIFT_VOUCHER);
		assertThat(response.operationType()).isEqualTo(BalanceOperationType.MANUAL);
		assertThat(response.object()).isEqualTo("balance");
		assertThat(response.relatedObject().type()).isEqualTo("voucher");
		assertThat(response.relatedObject().id()).isEqualTo(card.id());
	}

	@Test
	void removingFromAGiftCardLowersItsBalance() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);

		BalanceUpdateResponse response = this.vouchers.updateVoucherBalance("GIFT-1",
				BalanceUpdateRequest.remove(2000));

		assertThat(response.amount()).isEqualTo(-2000L);
		assertThat(response.balance()).isEqualTo(3000L);
		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(3000L);
		assertThat(this.vouchers.getVoucher("GIFT-1").gift().balance()).isEqualTo(3000L);
	}

	@Test
	void aGiftCardCanBeEmptiedToZero() {
		voucherify.emulator().createGiftCard("GIFT-1", 5000);

		assertThat(this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(5000)).balance()).isZero();
	}

	@Test
	void aGiftCardCannotGoBelowZero() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(1001)))
			.satisfies((ex) -> {
				assertThat(ex.getCode()).isEqualTo(400);
				assertThat(ex.getKey()).isEqualTo("gift_amount_exceeded");
				assertThat(ex.getRequestId()).isNotNull();
			});
		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(1000L);
		assertThat(voucherify.emulator().transactions("GIFT-1")).isEmpty();
	}

	@Test
	void addingPointsToALoyaltyCardRaisesItsPoints() {
		voucherify.emulator().createLoyaltyCard("LOYAL-1", 100);

		BalanceUpdateResponse response = this.vouchers.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.add(50));

		assertThat(response.type()).isEqualTo(BalanceType.LOYALTY_CARD);
		assertThat(response.balance()).isEqualTo(150L);
		assertThat(voucherify.emulator().voucher("LOYAL-1")).get()
			.extracting(EmulatedVoucher::loyaltyPoints)
			.isEqualTo(150L);
		assertThat(this.vouchers.getVoucher("LOYAL-1").loyaltyCard().points()).isEqualTo(150L);
	}

	@Test
	void aLoyaltyCardCannotGoBelowZeroPoints() {
		voucherify.emulator().createLoyaltyCard("LOYAL-1", 100);

		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.remove(101)))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("loyalty_card_points_exceeded"));
		assertThat(voucherify.emulator().voucher("LOYAL-1")).get()
			.extracting(EmulatedVoucher::loyaltyPoints)
			.isEqualTo(100L);
	}

	@Test
	void giftCardChangesAreRecordedAsCreditTransactions() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		this.vouchers.updateVoucherBalance("GIFT-1",
				BalanceUpdateRequest.add(500).withSourceId("refund-1").withReason("Refund"));
		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.remove(300).withSourceId("order-2"));

		assertThat(voucherify.emulator().transactions("GIFT-1")).satisfiesExactly((added) -> {
			assertThat(added.type()).isEqualTo("CREDITS_ADDITION");
			assertThat(added.amount()).isEqualTo(500);
			assertThat(added.balanceAfter()).isEqualTo(1500);
			assertThat(added.sourceId()).isEqualTo("refund-1");
			assertThat(added.reason()).isEqualTo("Refund");
			assertThat(added.id()).startsWith("vtx_");
		}, (removed) -> {
			assertThat(removed.type()).isEqualTo("CREDITS_REMOVAL");
			assertThat(removed.amount()).isEqualTo(-300);
			assertThat(removed.balanceAfter()).isEqualTo(1200);
			assertThat(removed.sourceId()).isEqualTo("order-2");
			assertThat(removed.reason()).isNull();
		});
	}

	@Test
	void loyaltyCardChangesAreRecordedAsPointsTransactions() {
		voucherify.emulator().createLoyaltyCard("LOYAL-1", 100);

		this.vouchers.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.add(20));
		this.vouchers.updateVoucherBalance("LOYAL-1", BalanceUpdateRequest.remove(70));

		assertThat(voucherify.emulator().transactions("LOYAL-1")).extracting(EmulatedTransaction::type)
			.containsExactly("POINTS_ADDITION", "POINTS_REMOVAL");
	}

	@Test
	void theClientsChannelIsTheTransactionsSource() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1));

		assertThat(this.vouchers.listVoucherTransactions("GIFT-1").data()).singleElement()
			.satisfies((tx) -> assertThat(tx.source()).isEqualTo(VouchersTemplate.DEFAULT_CHANNEL));
	}

	@Test
	void withoutAChannelTheTransactionsSourceIsApi() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance", "{\"amount\":1}");

		assertThat(this.vouchers.listVoucherTransactions("GIFT-1").data()).singleElement()
			.satisfies((tx) -> assertThat(tx.source()).isEqualTo("API"));
	}

	@Test
	void anAmountOfZeroIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance",
				"{\"amount\":0}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("invalid_add_balance_params");
	}

	@Test
	void aMissingAmountIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance",
				"{\"source_id\":\"x\"}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("invalid_add_balance_params");
	}

	@Test
	void aFractionalAmountIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance",
				"{\"amount\":10.5}");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(voucherify.emulator().transactions("GIFT-1")).isEmpty();
	}

	@Test
	void aBodyThatIsNotJsonIsABadRequest() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance",
				"{amount:");

		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(Json.parse(response.body()).get("key").asString()).isEqualTo("invalid_payload");
	}

	@Test
	void aDiscountVoucherHasNoBalance() {
		voucherify.emulator().createDiscountVoucher("10OFF", 1000);

		assertThatExceptionOfType(VoucherifyBadRequestException.class)
			.isThrownBy(() -> this.vouchers.updateVoucherBalance("10OFF", BalanceUpdateRequest.add(100)))
			.satisfies((ex) -> assertThat(ex.getKey()).isEqualTo("invalid_add_balance_params"));
	}

	@Test
	void changingTheBalanceOfAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.updateVoucherBalance("NO-SUCH-CODE", BalanceUpdateRequest.add(100)));
	}

	@Test
	void aDisabledGiftCardStillTakesBalanceChanges() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);
		this.vouchers.disableVoucher("GIFT-1");

		assertThat(this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(1)).balance())
			.isEqualTo(1001L);
	}

	@Test
	void concurrentChangesAreAllApplied() throws Exception {
		voucherify.emulator().createGiftCard("GIFT-1", 0);
		ExecutorService executor = Executors.newFixedThreadPool(8);
		try {
			List<Future<?>> futures = new ArrayList<>();
			for (int i = 0; i < 200; i++) {
				futures.add(executor
					.submit(() -> this.vouchers.updateVoucherBalance("GIFT-1", BalanceUpdateRequest.add(5))));
			}
			for (Future<?> future : futures) {
				future.get();
			}
		}
		finally {
			executor.shutdownNow();
		}

		assertThat(voucherify.emulator().voucher("GIFT-1")).get()
			.extracting(EmulatedVoucher::giftBalance)
			.isEqualTo(1000L);
		List<EmulatedTransaction> transactions = voucherify.emulator().transactions("GIFT-1");
		assertThat(transactions).hasSize(200);
		assertThat(transactions).extracting(EmulatedTransaction::balanceAfter).isSorted().doesNotHaveDuplicates();
	}

	@Test
	void theBalanceAnswerHasTheFieldsOfTheSpec() {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		JsonNode response = Json.parse(TestClients
			.raw(voucherify.emulator(), "POST", "/v1/vouchers/GIFT-1/balance", "{\"amount\":-100,\"reason\":\"x\"}")
			.body());

		assertThat(response.propertyNames()).containsExactlyInAnyOrder("amount", "total", "balance", "type",
				"operation_type", "object", "related_object");
	}

}
