package io.voucherify.spring.autoconfigure;

import java.util.Objects;

import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import io.voucherify.spring.ratelimit.CallBudgetStore;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;

/**
 * Auto-configures the call budget when {@code voucherify.rate-limit.enabled} is
 * {@code true}: a {@link BucketCallBudget} that every call of the
 * {@link io.voucherify.spring.VouchersTemplate} takes a permit from. Kept in Redis, and
 * so shared by every instance with the same key, when the application has Spring Boot's
 * Lettuce connection ({@code spring.data.redis.*}) and Bucket4j's Lettuce module; else in
 * this instance alone. Enabled without Bucket4j, or with {@code store=redis} without
 * Redis, start-up fails and says what to add.
 *
 * @since 0.1.0
 */
@AutoConfiguration(before = VoucherifyAutoConfiguration.class,
		afterName = "org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration")
@ConditionalOnBooleanProperty(VoucherifyRateLimitAutoConfiguration.ENABLED)
@EnableConfigurationProperties(VoucherifyProperties.class)
public final class VoucherifyRateLimitAutoConfiguration {

	static final String ENABLED = VoucherifyProperties.PREFIX + ".rate-limit.enabled";

	private static final Log logger = LogFactory.getLog(VoucherifyRateLimitAutoConfiguration.class);

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = "io.github.bucket4j.Bucket")
	static class BudgetConfiguration {

		@Bean
		@ConditionalOnMissingBean
		VoucherifyCallBudget voucherifyCallBudget(VoucherifyProperties properties,
				ObjectProvider<VoucherifyConnectionDetails> connectionDetails, ObjectProvider<CallBudgetStore> store) {
			VoucherifyProperties.RateLimit rateLimit = properties.getRateLimit();
			CallBudgetSettings settings = settings(rateLimit, connectionDetails.getIfAvailable());
			CallBudgetStore shared = switch (rateLimit.getStore()) {
				case LOCAL -> null;
				case AUTO -> store.getIfAvailable();
				case REDIS -> requireStore(store.getIfAvailable());
			};
			if (shared == null) {
				logger.info("Voucherify call budget: " + settings.limit() + " calls per " + settings.period()
						+ " in this instance alone");
				return BucketCallBudget.local(settings);
			}
			logger.info("Voucherify call budget: " + settings.limit() + " calls per " + settings.period()
					+ " shared through " + shared.name() + " under the key '" + settings.key() + "'");
			return BucketCallBudget.shared(settings, shared);
		}

		private static CallBudgetSettings settings(VoucherifyProperties.RateLimit rateLimit,
				@Nullable VoucherifyConnectionDetails connectionDetails) {
			String prefix = VoucherifyProperties.PREFIX + ".rate-limit";
			Integer limit = rateLimit.getLimit();
			if (limit == null) {
				throw new InvalidVoucherifyPropertyException(prefix + ".limit", "is not set",
						"Set '" + prefix + ".limit' to your project's limit of calls a period: 100 (Business plan, "
								+ "period 1m), 2000 (Organization, 1m) or 100 (sandbox, with '" + prefix
								+ ".period=1h'), or less to leave room for other applications; or set '" + ENABLED
								+ "=false'.");
			}
			String appId = (connectionDetails != null) ? connectionDetails.getAppId() : null;
			String key = (rateLimit.getKey() != null) ? rateLimit.getKey()
					: "voucherify:budget:" + Objects.toString(appId, "default");
			try {
				return new CallBudgetSettings(limit, rateLimit.getPeriod(), rateLimit.getBulkShare(),
						rateLimit.getMaxWait(), rateLimit.getInstances(), rateLimit.getStoreTimeout(),
						rateLimit.getStoreRetryInterval(), key);
			}
			catch (IllegalArgumentException ex) {
				throw new InvalidVoucherifyPropertyException(prefix, "is invalid: " + ex.getMessage(),
						"Fix the '" + prefix + ".*' properties: limit and instances at least 1, period and "
								+ "store-timeout positive, bulk-share from 0 to below 1, durations not negative.");
			}
		}

		private static CallBudgetStore requireStore(@Nullable CallBudgetStore store) {
			if (store == null) {
				String property = VoucherifyProperties.PREFIX + ".rate-limit.store";
				throw new InvalidVoucherifyPropertyException(property,
						"is redis, but the application has no Redis connection for it",
						"Add spring-boot-starter-data-redis (with its Lettuce client) and "
								+ "com.bucket4j:bucket4j_jdk17-lettuce, and set 'spring.data.redis.*'; or set '"
								+ property + "' to 'local' or 'auto'.");
			}
			return store;
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnClass(name = { "io.github.bucket4j.Bucket", "io.github.bucket4j.redis.lettuce.Bucket4jLettuce",
			"org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory" })
	@ConditionalOnBean(type = "org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory")
	static class RedisStoreConfiguration {

		@Bean
		@ConditionalOnMissingBean(CallBudgetStore.class)
		LettuceCallBudgetStore voucherifyCallBudgetStore(LettuceConnectionFactory connectionFactory,
				VoucherifyProperties properties) {
			// Asked for on the first use: the factory is started with the context.
			return new LettuceCallBudgetStore(connectionFactory::getRequiredNativeClient,
					properties.getRateLimit().getStoreTimeout());
		}

	}

	@Configuration(proxyBeanMethods = false)
	@ConditionalOnMissingClass("io.github.bucket4j.Bucket")
	static class MissingBucket4jConfiguration {

		@Bean
		VoucherifyCallBudget voucherifyCallBudget() {
			throw new InvalidVoucherifyPropertyException(ENABLED, "is true, but Bucket4j is not on the class path",
					"Add com.bucket4j:bucket4j_jdk17-core for a budget in one instance, or "
							+ "com.bucket4j:bucket4j_jdk17-lettuce and spring-boot-starter-data-redis for one shared "
							+ "by a fleet through Redis; or set '" + ENABLED + "=false'.");
		}

	}

}
