package io.voucherify.spring.test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.voucherify.spring.model.BalanceUpdateRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

import org.springframework.core.io.ClassPathResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

/**
 * {@link VoucherifyEmulatorExtension}: its own use, and its lifecycle checked by running
 * sample test classes (static nested classes, which Surefire does not run by itself).
 */
class VoucherifyEmulatorExtensionTests {

	@RegisterExtension
	static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

	@Test
	void theEmulatorRunsDuringATest() {
		assertThat(voucherify.emulator().isRunning()).isTrue();
	}

	@Test
	void aVoucherifyEmulatorParameterIsTheExtensionsEmulator(VoucherifyEmulator emulator) {
		assertThat(emulator).isSameAs(voucherify.emulator());
	}

	@Test
	void aStaticExtensionRunsOneEmulatorForTheClassAndClosesItAfter() {
		StaticSample.seen.clear();

		TestExecutionSummary summary = run(StaticSample.class);

		assertThat(summary.getTestsSucceededCount()).isEqualTo(3);
		assertThat(summary.getTotalFailureCount()).isZero();
		assertThat(StaticSample.seen).hasSize(3).containsOnly(StaticSample.seen.get(0));
		assertThat(StaticSample.seen.get(0).isRunning()).isFalse();
	}

	@Test
	void everyTestStartsFromTheSeedFiles() {
		TestExecutionSummary summary = run(SeededSample.class);

		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(summary.getTotalFailureCount()).isZero();
	}

	@Test
	void anInstanceExtensionGivesEachTestItsOwnEmulator() {
		InstanceSample.seen.clear();

		TestExecutionSummary summary = run(InstanceSample.class);

		assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
		assertThat(InstanceSample.seen).hasSize(2).doesNotHaveDuplicates();
		assertThat(InstanceSample.seen).noneMatch(VoucherifyEmulator::isRunning);
	}

	@Test
	void extendWithInjectsTheEmulatorIntoTestsAndLifecycleMethods() {
		DeclarativeSample.seen.clear();

		TestExecutionSummary summary = run(DeclarativeSample.class);

		assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
		assertThat(DeclarativeSample.seen).hasSize(2).containsOnly(DeclarativeSample.seen.get(0));
		assertThat(DeclarativeSample.seen.get(0).isRunning()).isFalse();
	}

	private static TestExecutionSummary run(Class<?> testClass) {
		LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
			.selectors(selectClass(testClass))
			.build();
		Launcher launcher = LauncherFactory.create();
		SummaryGeneratingListener listener = new SummaryGeneratingListener();
		launcher.execute(request, listener);
		return listener.getSummary();
	}

	static class StaticSample {

		static final List<VoucherifyEmulator> seen = new CopyOnWriteArrayList<>();

		@RegisterExtension
		static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

		@Test
		void first() {
			seen.add(voucherify.emulator());
		}

		@Test
		void second() {
			seen.add(voucherify.emulator());
		}

		@Nested
		class Inner {

			@Test
			void nested() {
				assertThat(voucherify.emulator().isRunning()).isTrue();
				seen.add(voucherify.emulator());
			}

		}

	}

	static class SeededSample {

		@RegisterExtension
		static VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension(
				VoucherifyEmulator.builder().seed(new ClassPathResource("vouchers.json")));

		@Test
		void spendsAndCreates() {
			assertThat(voucherify.emulator().voucher("SEED-GIFT")).get()
				.extracting(EmulatedVoucher::giftBalance)
				.isEqualTo(7500L);
			assertThat(voucherify.emulator().voucher("LEFTOVER")).isEmpty();
			TestClients.vouchers(voucherify.emulator())
				.updateVoucherBalance("SEED-GIFT", BalanceUpdateRequest.remove(7500));
			voucherify.emulator().createGiftCard("LEFTOVER", 1);
		}

		@Test
		void spendsAndCreatesAgain() {
			spendsAndCreates();
		}

	}

	static class InstanceSample {

		static final List<VoucherifyEmulator> seen = new CopyOnWriteArrayList<>();

		@RegisterExtension
		VoucherifyEmulatorExtension voucherify = new VoucherifyEmulatorExtension();

		@Test
		void first() {
			seen.add(this.voucherify.emulator());
		}

		@Test
		void second() {
			seen.add(this.voucherify.emulator());
		}

	}

	@ExtendWith(VoucherifyEmulatorExtension.class)
	static class DeclarativeSample {

		static final List<VoucherifyEmulator> seen = new CopyOnWriteArrayList<>();

		@BeforeEach
		void seed(VoucherifyEmulator emulator) {
			seen.add(emulator);
			emulator.createGiftCard("GIFT-1", 100);
		}

		@Test
		void usesTheEmulator(VoucherifyEmulator emulator) {
			seen.add(emulator);
			assertThat(TestClients.vouchers(emulator).getVoucher("GIFT-1").gift().balance()).isEqualTo(100L);
		}

	}

}
