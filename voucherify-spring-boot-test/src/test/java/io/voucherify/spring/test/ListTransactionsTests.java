package io.voucherify.spring.test;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;

import io.voucherify.spring.VouchersOperations;
import io.voucherify.spring.exception.VoucherifyNotFoundException;
import io.voucherify.spring.model.BalanceType;
import io.voucherify.spring.model.BalanceUpdateRequest;
import io.voucherify.spring.model.TransactionsOrder;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.VoucherTransaction;
import io.voucherify.spring.model.VoucherTransactionType;
import io.voucherify.spring.model.VoucherTransactionsPage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * {@code GET /v1/vouchers/{code}/transactions}: limit, order, cursor and the older page.
 */
class ListTransactionsTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	private VouchersOperations vouchers;

	@BeforeEach
	void client() {
		this.vouchers = TestClients.vouchers(voucherify.emulator());
	}

	/**
	 * A gift card with {@code count} additions of 1, 2, 3, ... (reasons "1", "2", ...).
	 */
	private List<String> giftCardWithTransactions(String code, int count) {
		voucherify.emulator().createGiftCard(code, 0);
		IntStream.rangeClosed(1, count)
			.forEach((i) -> this.vouchers.updateVoucherBalance(code,
					BalanceUpdateRequest.add(i).withReason(Integer.toString(i))));
		return voucherify.emulator().transactions(code).stream().map(EmulatedTransaction::id).toList();
	}

	@Test
	void listsNewestFirstByDefault() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 3);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1");

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));
		assertThat(page.hasMore()).isFalse();
		assertThat(page.moreStartingAfter()).isNull();
	}

	@Test
	void orderIdListsOldestFirst() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 3);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.firstPage().withOrder(TransactionsOrder.ID));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactlyElementsOf(ids);
	}

	@Test
	void theDefaultPageHoldsTenTransactions() {
		giftCardWithTransactions("GIFT-1", 12);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1");

		assertThat(page.data()).hasSize(10);
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void aLimitCapsThePageAndPointsToTheNextOne() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 5);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.firstPage().withLimit(2));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(4), ids.get(3));
		assertThat(page.hasMore()).isTrue();
		assertThat(page.moreStartingAfter()).isEqualTo(ids.get(3));
	}

	@Test
	void theCursorReturnsTheTransactionsAfterIt() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 5);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.after(ids.get(3)).withLimit(2));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(page.moreStartingAfter()).isEqualTo(ids.get(1));
	}

	@Test
	void theCursorFollowsTheAscendingOrder() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 5);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.after(ids.get(1)).withOrder(TransactionsOrder.ID));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(2), ids.get(3), ids.get(4));
		assertThat(page.hasMore()).isFalse();
	}

	@Test
	void theLastPageHasNoMore() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 4);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.after(ids.get(2)).withLimit(2));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(1), ids.get(0));
		assertThat(page.hasMore()).isFalse();
		assertThat(page.moreStartingAfter()).isNull();
	}

	@Test
	void streamingFollowsTheCursorThroughEveryPage() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 23);

		List<String> streamed = this.vouchers
			.streamVoucherTransactions("GIFT-1", TransactionsQuery.firstPage().withLimit(5))
			.map(VoucherTransaction::id)
			.toList();

		List<String> newestFirst = new ArrayList<>(ids);
		Collections.reverse(newestFirst);
		assertThat(streamed).containsExactlyElementsOf(newestFirst);
	}

	@Test
	void theOlderPageParameterSkipsWholePages() {
		List<String> ids = giftCardWithTransactions("GIFT-1", 5);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("GIFT-1",
				TransactionsQuery.firstPage().withLimit(2).withPage(2));

		assertThat(page.data()).extracting(VoucherTransaction::id).containsExactly(ids.get(2), ids.get(1));
		assertThat(page.hasMore()).isTrue();
	}

	@Test
	void aVoucherWithoutChangesHasAnEmptyList() {
		voucherify.emulator().createDiscountVoucher("10OFF", 1000);

		VoucherTransactionsPage page = this.vouchers.listVoucherTransactions("10OFF");

		assertThat(page.object()).isEqualTo("list");
		assertThat(page.dataRef()).isEqualTo("data");
		assertThat(page.data()).isEmpty();
		assertThat(page.hasMore()).isFalse();
	}

	@Test
	void aTransactionCarriesTheFieldsOfTheSpec() {
		EmulatedVoucher card = voucherify.emulator().createGiftCard("GIFT-1", 1000);
		this.vouchers.updateVoucherBalance("GIFT-1",
				BalanceUpdateRequest.remove(200).withSourceId("order-7").withReason("Spent"));

		VoucherTransaction tx = this.vouchers.listVoucherTransactions("GIFT-1").data().get(0);

		assertThat(tx.id()).matches("vtx_[0-9a-f]{18}");
		assertThat(tx.voucherId()).isEqualTo(card.id());
		assertThat(tx.type()).isEqualTo(VoucherTransactionType.CREDITS_REMOVAL);
		assertThat(tx.sourceId()).isEqualTo("order-7");
		assertThat(tx.reason()).isEqualTo("Spent");
		assertThat(tx.relatedTransactionId()).isNull();
		assertThat(tx.createdAt()).isNotNull();
		assertThat(tx.details().balance().type()).isEqualTo(BalanceType.GIFT_VOUCHER);
		assertThat(tx.details().balance().amount()).isEqualTo(-200L);
		assertThat(tx.details().balance().total()).isEqualTo(800L);
		assertThat(tx.details().balance().balance()).isEqualTo(800L);
		assertThat(tx.details().balance().relatedObject().id()).isEqualTo(card.id());
	}

	@Test
	void aTransactionOfAVoucherInACampaignCarriesTheCampaignId() {
		voucherify.emulator().load(new ClassPathResource("vouchers.json"));
		this.vouchers.updateVoucherBalance("SEED-LOYALTY", BalanceUpdateRequest.add(10));

		assertThat(this.vouchers.listVoucherTransactions("SEED-LOYALTY").data()).singleElement()
			.satisfies((tx) -> assertThat(tx.campaignId()).isEqualTo("camp_seededLoyaltyProgram0001"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "limit=0", "limit=101", "limit=ten", "order=created_at", "page=0", "starting_after_id=" })
	void anInvalidQueryParameterIsABadRequest(String query) {
		voucherify.emulator().createGiftCard("GIFT-1", 1000);

		HttpResponse<String> response = TestClients.raw(voucherify.emulator(), "GET",
				"/v1/vouchers/GIFT-1/transactions?" + query, null);

		assertThat(response.statusCode()).isEqualTo(400);
		JsonNode error = Json.parse(response.body());
		assertThat(error.get("key").asString()).isEqualTo("invalid_query_params");
	}

	@Test
	void listingTheTransactionsOfAnUnknownCodeIsNotFound() {
		assertThatExceptionOfType(VoucherifyNotFoundException.class)
			.isThrownBy(() -> this.vouchers.listVoucherTransactions("NO-SUCH-CODE"));
	}

}
