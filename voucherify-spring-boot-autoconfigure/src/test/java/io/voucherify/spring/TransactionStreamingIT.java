package io.voucherify.spring;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Stream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.voucherify.spring.model.TransactionsOrder;
import io.voucherify.spring.model.TransactionsQuery;
import io.voucherify.spring.model.VoucherTransaction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streaming a voucher's transactions follows the cursor page by page, lazily, with flat
 * memory. Runs in failsafe's JVM capped at {@code -Xmx64m}; a local server generates each
 * page on the fly, so nothing but the client holds the transactions.
 */
class TransactionStreamingIT {

	private static final long HEAP_CAP = 80L * 1024 * 1024;

	/** A voucher with 100,000 transactions, served 100 a page. */
	private static final String BIG_CODE = "GIFT-100K";

	private static final int BIG_TOTAL = 100_000;

	/** A voucher with 25 transactions. */
	private static final String SMALL_CODE = "GIFT-25";

	private static final int SMALL_TOTAL = 25;

	/** The query strings of the requests the server received, in order. */
	private static final Queue<String> requests = new ConcurrentLinkedQueue<>();

	private static HttpServer server;

	private static VouchersTemplate vouchers;

	@BeforeAll
	static void startServer() throws IOException {
		// Without it the server sends headers and body in two segments, and Nagle's
		// algorithm meets the client's delayed ACK: 40 ms a page.
		System.setProperty("sun.net.httpserver.nodelay", "true");
		server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		server.createContext("/v1/vouchers/", TransactionStreamingIT::serve);
		server.start();
		vouchers = VouchersTemplate.builder()
			.appId("app")
			.secretKey("secret")
			.baseUrl("http://127.0.0.1:" + server.getAddress().getPort())
			.build();
	}

	@AfterAll
	static void stopServer() {
		server.stop(0);
	}

	@BeforeEach
	void forgetRequests() {
		requests.clear();
	}

	@Test
	@Timeout(120)
	void streamsAHundredThousandTransactionsInOrderFromAThousandPagesWithFlatMemory() {
		assertThat(Runtime.getRuntime().maxMemory()).as("max heap: run by failsafe with -Xmx64m").isLessThan(HEAP_CAP);
		long baseline = usedHeapAfterGc();
		long[] maxRetained = { 0 };
		long[] count = { 0 };
		boolean[] inOrder = { true };
		try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions(BIG_CODE)) {
			transactions.forEach((transaction) -> {
				count[0]++;
				if (!id(count[0]).equals(transaction.id())) {
					inOrder[0] = false;
				}
				if (count[0] % 10_000 == 0) {
					maxRetained[0] = Math.max(maxRetained[0], usedHeapAfterGc());
				}
			});
		}
		assertThat(count[0]).isEqualTo(BIG_TOTAL);
		assertThat(inOrder[0]).as("ids in order").isTrue();
		assertThat(requests).hasSize(BIG_TOTAL / TransactionsQuery.MAX_LIMIT);
		assertThat(maxRetained[0] - baseline).as("heap retained while streaming, beyond the baseline")
			.isLessThan(8L * 1024 * 1024);
	}

	@Test
	void sendsNoRequestBeforeTheFirstTransactionIsConsumed() {
		try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions(BIG_CODE)) {
			assertThat(requests).isEmpty();
			assertThat(transactions.findFirst())
				.hasValueSatisfying((transaction) -> assertThat(transaction.id()).isEqualTo(id(1)));
			assertThat(requests).hasSize(1);
		}
	}

	@Test
	void consumingTheFirst150TransactionsFetchesTwoPagesAndClosesCleanly() {
		List<String> ids;
		try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions(BIG_CODE)) {
			ids = transactions.limit(150).map(VoucherTransaction::id).toList();
		}
		assertThat(ids).hasSize(150).startsWith(id(1), id(2)).endsWith(id(149), id(150));
		assertThat(requests).containsExactly("limit=100", "limit=100&starting_after_id=" + id(100));
	}

	@Test
	void aQuerySendsItsLimitAndOrderWithEveryCursor() {
		TransactionsQuery query = TransactionsQuery.firstPage()
			.withLimit(10)
			.withOrder(TransactionsOrder.ID_DESCENDING);
		List<String> ids;
		try (Stream<VoucherTransaction> transactions = vouchers.streamVoucherTransactions(SMALL_CODE, query)) {
			ids = transactions.map(VoucherTransaction::id).toList();
		}
		assertThat(requests).containsExactly("limit=10&order=-id", "limit=10&order=-id&starting_after_id=" + id(16),
				"limit=10&order=-id&starting_after_id=" + id(6));
		assertThat(ids).hasSize(SMALL_TOTAL).startsWith(id(25), id(24)).endsWith(id(1));
	}

	private static long usedHeapAfterGc() {
		Runtime runtime = Runtime.getRuntime();
		System.gc();
		return runtime.totalMemory() - runtime.freeMemory();
	}

	private static String id(long number) {
		return String.format("vtx_%07d", number);
	}

	/**
	 * Serve {@code GET /v1/vouchers/{code}/transactions}: transactions numbered 1 to the
	 * voucher's total, ascending by default or descending with {@code order=-id}, a page
	 * of {@code limit} (default 10) after {@code starting_after_id}.
	 */
	private static void serve(HttpExchange exchange) throws IOException {
		try (exchange) {
			String query = exchange.getRequestURI().getRawQuery();
			requests.add((query != null) ? query : "");
			String path = exchange.getRequestURI().getRawPath();
			int total = path.equals("/v1/vouchers/" + BIG_CODE + "/transactions") ? BIG_TOTAL
					: path.equals("/v1/vouchers/" + SMALL_CODE + "/transactions") ? SMALL_TOTAL : -1;
			if (!"GET".equals(exchange.getRequestMethod()) || total < 0) {
				exchange.sendResponseHeaders(404, -1);
				return;
			}
			int limit = 10;
			boolean descending = false;
			long after = -1;
			for (String parameter : (query != null) ? query.split("&") : new String[0]) {
				String[] pair = parameter.split("=", 2);
				switch (pair[0]) {
					case "limit" -> limit = Integer.parseInt(pair[1]);
					case "order" -> descending = "-id".equals(pair[1]);
					case "starting_after_id" -> after = Long.parseLong(pair[1].substring("vtx_".length()));
					default -> throw new IllegalStateException("Unexpected parameter " + parameter);
				}
			}
			long first = (after < 0) ? (descending ? total : 1) : (descending ? after - 1 : after + 1);
			List<Long> numbers = new ArrayList<>(limit);
			long step = descending ? -1 : 1;
			for (long number = first; numbers.size() < limit && number >= 1 && number <= total; number += step) {
				numbers.add(number);
			}
			long last = numbers.isEmpty() ? first : numbers.get(numbers.size() - 1);
			boolean hasMore = descending ? last > 1 : last < total;
			byte[] body = page(numbers, hasMore).getBytes(StandardCharsets.UTF_8);
			exchange.getResponseHeaders().set("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		}
	}

	/** A page shaped like {@code list-transactions-200.json}. */
	private static String page(List<Long> numbers, boolean hasMore) {
		StringBuilder json = new StringBuilder(numbers.size() * 700 + 200);
		json.append("{\"object\":\"list\",\"data_ref\":\"data\",\"data\":[");
		for (int i = 0; i < numbers.size(); i++) {
			long number = numbers.get(i);
			json.append((i > 0) ? "," : "")
				.append("{\"id\":\"")
				.append(id(number))
				.append("\",\"source_id\":\"source_")
				.append(number)
				.append("\",\"voucher_id\":\"v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp\",")
				.append("\"campaign_id\":\"camp_FNYR4jhqZBM9xTptxDGgeNBV\",\"source\":\"API\",")
				.append("\"reason\":\"Adding credits to card\",\"type\":\"CREDITS_ADDITION\",")
				.append("\"details\":{\"balance\":{\"type\":\"gift_voucher\",\"total\":130020,\"amount\":")
				.append(number)
				.append(",\"object\":\"balance\",\"balance\":")
				.append(100_000 + number)
				.append(",\"related_object\":{\"id\":\"v_dky7ksKfPX50Wb2Bxvcoeb1xT20b6tcp\",\"type\":\"voucher\"}}},")
				.append("\"related_transaction_id\":null,\"created_at\":\"2023-03-17T15:50:00.786Z\"}");
		}
		json.append("],\"has_more\":").append(hasMore);
		if (hasMore) {
			json.append(",\"more_starting_after\":\"").append(id(numbers.get(numbers.size() - 1))).append('"');
		}
		return json.append('}').toString();
	}

}
