package io.voucherify.spring.autoconfigure;

import java.time.Duration;

import io.github.bucket4j.Bucket;
import io.voucherify.spring.VoucherifyCallBudget;
import io.voucherify.spring.VouchersTemplate;
import io.voucherify.spring.ratelimit.BucketCallBudget;
import io.voucherify.spring.ratelimit.CallBudgetSettings;
import io.voucherify.spring.ratelimit.CallBudgetStore;
import io.voucherify.spring.ratelimit.LettuceCallBudgetStore;
import org.junit.jupiter.api.Test;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.restclient.autoconfigure.RestClientAutoConfiguration;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code voucherify.rate-limit.*}: no budget unless enabled; a budget in the instance
 * without Redis, in Redis with it; clear failures when something is missing.
 */
class VoucherifyRateLimitAutoConfigurationTests {

	private final ApplicationContextRunner contextRunner = new ApplicationContextRunner()
		.withConfiguration(AutoConfigurations.of(VoucherifyAutoConfiguration.class,
				VoucherifyRateLimitAutoConfiguration.class, RestClientAutoConfiguration.class))
		.withPropertyValues("voucherify.app-id=app-1", "voucherify.secret-key=secret-key-5f8e2a");

	private final ApplicationContextRunner withRedis = this.contextRunner
		.withConfiguration(AutoConfigurations.of(DataRedisAutoConfiguration.class))
		// Nothing listens there: the store connects on the first permit, not at start-up.
		.withPropertyValues("spring.data.redis.port=1");

	@Test
	void withoutThePropertyTheClientHasNoBudget() {
		this.withRedis.run((context) -> {
			assertThat(context).doesNotHaveBean(VoucherifyCallBudget.class);
			assertThat(context.getBean(VouchersTemplate.class).getCallBudget())
				.isSameAs(VoucherifyCallBudget.UNLIMITED);
		});
	}

	@Test
	void enabledWithoutRedisTheBudgetIsTheInstancesOwn() {
		this.contextRunner.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100")
			.run((context) -> {
				VoucherifyCallBudget budget = context.getBean(VoucherifyCallBudget.class);
				assertThat(budget).isInstanceOf(BucketCallBudget.class);
				assertThat(context.getBean(VouchersTemplate.class).getCallBudget()).isSameAs(budget);
				assertThat(budget.describe()).containsEntry("limit", 100L)
					.containsEntry("period", "PT1M")
					.containsEntry("maxWait", "PT5S")
					.containsEntry("store", "none (one instance)");
			});
	}

	@Test
	void enabledWithRedisTheBudgetIsSharedThroughIt() {
		this.withRedis
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=2000",
					"voucherify.rate-limit.instances=4")
			.run((context) -> {
				assertThat(context).hasSingleBean(LettuceCallBudgetStore.class);
				assertThat(context.getBean(VoucherifyCallBudget.class).describe()).containsEntry("store", "redis")
					.containsEntry("storeStatus", "CONNECTING")
					.containsEntry("localShare", 500L);
			});
	}

	@Test
	void everySettingIsBound() {
		this.contextRunner
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100",
					"voucherify.rate-limit.period=1h", "voucherify.rate-limit.bulk-share=0.25",
					"voucherify.rate-limit.max-wait=0s")
			.run((context) -> assertThat(context.getBean(VoucherifyCallBudget.class).describe())
				.containsEntry("period", "PT1H")
				.containsEntry("bulkShare", 0.25)
				.containsEntry("maxWait", "PT0S"));
	}

	@Test
	void storeLocalKeepsTheBudgetInTheInstanceDespiteRedis() {
		this.withRedis
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100",
					"voucherify.rate-limit.store=local")
			.run((context) -> assertThat(context.getBean(VoucherifyCallBudget.class).describe()).containsEntry("store",
					"none (one instance)"));
	}

	@Test
	void aBudgetOfTheApplicationsOwnIsUsed() {
		VoucherifyCallBudget own = BucketCallBudget.local(CallBudgetSettings.of(10, Duration.ofSeconds(1)));
		this.contextRunner.withBean(VoucherifyCallBudget.class, () -> own)
			.run((context) -> assertThat(context.getBean(VouchersTemplate.class).getCallBudget()).isSameAs(own));
	}

	@Test
	void aStoreOfTheApplicationsOwnIsUsed() {
		CallBudgetStore own = new CallBudgetStore() {

			@Override
			public io.github.bucket4j.distributed.proxy.ProxyManager<String> proxyManager() {
				throw new IllegalStateException("not reachable");
			}

			@Override
			public String name() {
				return "own store";
			}

		};
		this.contextRunner.withBean(CallBudgetStore.class, () -> own)
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100")
			.run((context) -> assertThat(context.getBean(VoucherifyCallBudget.class).describe()).containsEntry("store",
					"own store"));
	}

	@Test
	void enabledWithoutALimitFailsNamingTheProperty() {
		this.contextRunner.withPropertyValues("voucherify.rate-limit.enabled=true")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.isInstanceOf(InvalidVoucherifyPropertyException.class)
				.hasMessage("Property 'voucherify.rate-limit.limit' is not set"));
	}

	@Test
	void anInvalidSettingFailsNamingIt() {
		this.contextRunner
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100",
					"voucherify.rate-limit.bulk-share=1.5")
			.run((context) -> assertThat(context).getFailure()
				.rootCause()
				.hasMessageContaining("voucherify.rate-limit")
				.hasMessageContaining("bulk-share must be at least 0 and below 1, was 1.5"));
	}

	@Test
	void storeRedisWithoutRedisFailsSayingWhatToAdd() {
		this.contextRunner
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100",
					"voucherify.rate-limit.store=redis")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Property 'voucherify.rate-limit.store' is redis, but the application has no Redis "
							+ "connection for it");
				assertThat(((InvalidVoucherifyPropertyException) rootCause(context.getStartupFailure())).getAction())
					.contains("com.bucket4j:bucket4j_jdk17-lettuce");
			});
	}

	@Test
	void enabledWithoutBucket4jFailsSayingWhatToAdd() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Bucket.class))
			.withPropertyValues("voucherify.rate-limit.enabled=true", "voucherify.rate-limit.limit=100")
			.run((context) -> {
				assertThat(context).getFailure()
					.rootCause()
					.hasMessage("Property 'voucherify.rate-limit.enabled' is true, but Bucket4j is not on the class "
							+ "path");
				assertThat(((InvalidVoucherifyPropertyException) rootCause(context.getStartupFailure())).getAction())
					.contains("com.bucket4j:bucket4j_jdk17-core");
			});
	}

	@Test
	void withoutBucket4jAndWithoutThePropertyNothingChanges() {
		this.contextRunner.withClassLoader(new FilteredClassLoader(Bucket.class))
			.run((context) -> assertThat(context.getBean(VouchersTemplate.class).getCallBudget())
				.isSameAs(VoucherifyCallBudget.UNLIMITED));
	}

	private static Throwable rootCause(Throwable ex) {
		Throwable cause = ex;
		while (cause.getCause() != null) {
			cause = cause.getCause();
		}
		return cause;
	}

}
