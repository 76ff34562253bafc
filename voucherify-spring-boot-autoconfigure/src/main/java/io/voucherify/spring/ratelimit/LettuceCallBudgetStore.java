package io.voucherify.spring.ratelimit;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import io.github.bucket4j.TimeMeter;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import org.jspecify.annotations.Nullable;

/**
 * A {@link CallBudgetStore} on Redis through Lettuce: Bucket4j's compare-and-swap buckets
 * on a connection of its own, made from the application's Redis client (with Spring Boot,
 * the one {@code spring.data.redis.*} configures). It connects in the background, so that
 * no call waits for Redis to come up; each request to Redis ends within
 * {@code storeTimeout}. Keys expire a minute after their bucket is full again.
 *
 * @since 0.1.0
 */
public final class LettuceCallBudgetStore implements CallBudgetStore, AutoCloseable {

	private static final RedisCodec<String, byte[]> CODEC = RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE);

	private final Supplier<AbstractRedisClient> client;

	private final Duration timeout;

	private @Nullable CompletableFuture<Connected> connection;

	/**
	 * Create a store.
	 * @param client the Redis client, asked for on the first use (a standalone, Sentinel
	 * or Cluster client)
	 * @param timeout the longest one request to Redis may take
	 */
	public LettuceCallBudgetStore(Supplier<AbstractRedisClient> client, Duration timeout) {
		this.client = client;
		this.timeout = timeout;
	}

	@Override
	public synchronized @Nullable ProxyManager<String> proxyManager() {
		CompletableFuture<Connected> connection = this.connection;
		if (connection == null) {
			this.connection = connect();
			return null;
		}
		if (!connection.isDone()) {
			return null;
		}
		if (connection.isCompletedExceptionally()) {
			// Connect again in the background; this caller learns why the last try
			// failed.
			this.connection = connect();
			try {
				connection.join();
			}
			catch (CompletionException ex) {
				throw (ex.getCause() instanceof RuntimeException runtime) ? runtime : ex;
			}
		}
		return connection.join().proxyManager();
	}

	@Override
	public String name() {
		return "redis";
	}

	private CompletableFuture<Connected> connect() {
		return CompletableFuture.supplyAsync(this::connected, (task) -> {
			Thread thread = new Thread(task, "voucherify-budget-redis-connect");
			thread.setDaemon(true);
			thread.start();
		});
	}

	private Connected connected() {
		AbstractRedisClient client = this.client.get();
		if (client instanceof RedisClusterClient cluster) {
			StatefulRedisClusterConnection<String, byte[]> connection = cluster.connect(CODEC);
			connection.setTimeout(this.timeout);
			return new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
		}
		if (client instanceof RedisClient redis) {
			StatefulRedisConnection<String, byte[]> connection = redis.connect(CODEC);
			connection.setTimeout(this.timeout);
			return new Connected(connection, configure(Bucket4jLettuce.casBasedBuilder(connection)));
		}
		throw new IllegalStateException("Unsupported Redis client " + client.getClass().getName());
	}

	private ProxyManager<String> configure(Bucket4jLettuce.LettuceBasedProxyManagerBuilder<String> builder) {
		return builder.clientClock(TimeMeter.SYSTEM_MILLISECONDS)
			.requestTimeout(this.timeout)
			.expirationAfterWrite(
					ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
			.build();
	}

	/**
	 * Close the store's connection; the Redis client stays the application's. A
	 * connection the client closed already (Spring Boot's Lettuce connection factory
	 * shuts its client down when the context stops, before beans are destroyed) is left
	 * alone, so that Lettuce logs no warning.
	 */
	@Override
	public synchronized void close() {
		CompletableFuture<Connected> connection = this.connection;
		this.connection = null;
		if (connection != null) {
			connection.thenAccept((connected) -> {
				StatefulConnection<String, byte[]> redis = connected.connection();
				// Not isOpen(): that is false while Lettuce reconnects, and such a
				// connection must be closed.
				if (!(redis instanceof RedisChannelHandler<?, ?> handler && handler.isClosed())) {
					redis.close();
				}
			});
		}
	}

	private record Connected(StatefulConnection<String, byte[]> connection, ProxyManager<String> proxyManager) {

	}

}
