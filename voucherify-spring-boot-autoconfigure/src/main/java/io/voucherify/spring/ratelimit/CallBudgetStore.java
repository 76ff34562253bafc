package io.voucherify.spring.ratelimit;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import org.jspecify.annotations.Nullable;

/**
 * Where a fleet keeps its {@link BucketCallBudget}: any Bucket4j {@link ProxyManager},
 * such as {@link LettuceCallBudgetStore} on Redis.
 *
 * @since 0.1.0
 */
public interface CallBudgetStore {

	/**
	 * The store's buckets, without waiting for a connection.
	 * @return the proxy manager, or {@code null} while the store is still connecting
	 * @throws RuntimeException if the store cannot be reached
	 */
	@Nullable ProxyManager<String> proxyManager();

	/**
	 * The store's name for the health details and logs, such as {@code redis}.
	 * @return the name
	 */
	String name();

}
