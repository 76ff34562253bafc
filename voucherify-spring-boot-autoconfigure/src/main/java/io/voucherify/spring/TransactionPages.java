package io.voucherify.spring;

import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Spliterator;
import java.util.Set;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import io.voucherify.spring.exception.VoucherifyInvalidResponseException;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.VoucherTransaction;
import io.voucherify.spring.model.VoucherTransactionsPage;
import org.jspecify.annotations.Nullable;

/**
 * A lazy walk over a voucher's transactions that follows the {@code more_starting_after}
 * cursor: a page is fetched only when the consumer has used up the previous one, and only
 * one page is held at a time, so memory stays flat however many transactions there are.
 */
final class TransactionPages extends Spliterators.AbstractSpliterator<VoucherTransaction> {

	private final VouchersOperations operations;

	private final String code;

	private TransactionsQuery nextQuery;

	private Iterator<VoucherTransaction> current = List.<VoucherTransaction>of().iterator();

	private boolean lastPage;

	/** Every cursor followed so far: one that comes back would page forever. */
	private final Set<String> cursors = new HashSet<>();

	private TransactionPages(VouchersOperations operations, String code, TransactionsQuery query) {
		super(Long.MAX_VALUE, Spliterator.ORDERED | Spliterator.NONNULL);
		this.operations = operations;
		this.code = code;
		this.nextQuery = query;
	}

	static Stream<VoucherTransaction> stream(VouchersOperations operations, String code, TransactionsQuery query) {
		PathSegment.requireText(code, "code");
		if (query == null) {
			throw new IllegalArgumentException("query must not be null");
		}
		if (query.page() != null) {
			throw new IllegalArgumentException("page cannot be combined with streaming, which follows the cursor");
		}
		return StreamSupport.stream(new TransactionPages(operations, code, query), false);
	}

	@Override
	public boolean tryAdvance(Consumer<? super VoucherTransaction> action) {
		while (!this.current.hasNext()) {
			if (this.lastPage) {
				return false;
			}
			fetchNextPage();
		}
		action.accept(this.current.next());
		return true;
	}

	private void fetchNextPage() {
		VoucherTransactionsPage page = this.operations.listVoucherTransactions(this.code, this.nextQuery);
		List<VoucherTransaction> data = (page.data() != null) ? page.data() : List.of();
		this.current = data.stream().filter((transaction) -> transaction != null).iterator();
		String cursor = nextCursor(page, data);
		// An empty page, or no cursor to follow, ends the walk rather than looping
		// forever.
		if (!Boolean.TRUE.equals(page.hasMore()) || data.isEmpty() || cursor == null) {
			this.lastPage = true;
		}
		else if (!this.cursors.add(cursor)) {
			throw new VoucherifyInvalidResponseException(200,
					VoucherifyOperation.LIST_VOUCHER_TRANSACTIONS.sdkName() + " returned the cursor '" + cursor
							+ "' a second time, so paging would never end; the stream stops here",
					null);
		}
		else {
			this.nextQuery = this.nextQuery.withStartingAfterId(cursor);
		}
	}

	private static @Nullable String nextCursor(VoucherTransactionsPage page, List<VoucherTransaction> data) {
		if (page.moreStartingAfter() != null && !page.moreStartingAfter().isBlank()) {
			return page.moreStartingAfter();
		}
		VoucherTransaction last = data.isEmpty() ? null : data.get(data.size() - 1);
		return (last != null && last.id() != null && !last.id().isBlank()) ? last.id() : null;
	}

}
