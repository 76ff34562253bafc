package io.voucherify.spring;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The polling schedule of a wait for a background job.
 */
class VoucherifyJobSettingsTests {

	@Test
	void theIntervalGrowsByTheMultiplierUpToTheCap() {
		VoucherifyJobSettings settings = VoucherifyJobSettings.defaults();
		Duration interval = settings.pollInterval();
		StringBuilder schedule = new StringBuilder(Long.toString(interval.toSeconds()));
		for (int i = 0; i < 6; i++) {
			interval = settings.grow(interval);
			schedule.append(' ').append(interval.toSeconds());
		}

		assertThat(schedule).hasToString("2 4 8 16 30 30 30");
	}

	@Test
	void theDefaultsCostFourCallsForATenSecondJobAndTwentyFourForATenMinuteOne() {
		VoucherifyJobSettings settings = VoucherifyJobSettings.defaults();

		assertThat(polls(settings, Duration.ofSeconds(10))).isEqualTo(4);
		assertThat(polls(settings, Duration.ofMinutes(10))).isEqualTo(24);
	}

	@Test
	void aMultiplierOfOneKeepsTheIntervalFixed() {
		VoucherifyJobSettings settings = new VoucherifyJobSettings(Duration.ZERO, Duration.ofSeconds(5), 1.0,
				Duration.ofSeconds(5));

		assertThat(settings.grow(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
	}

	@Test
	void outOfRangeSettingsAreRefused() {
		Duration second = Duration.ofSeconds(1);
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VoucherifyJobSettings(second.negated(), second, 2, second))
			.withMessageContaining("firstPollDelay");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VoucherifyJobSettings(second, Duration.ZERO, 2, second))
			.withMessageContaining("pollInterval");
		assertThatIllegalArgumentException().isThrownBy(() -> new VoucherifyJobSettings(second, second, 0.5, second))
			.withMessageContaining("pollMultiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VoucherifyJobSettings(second, second, Double.NaN, second))
			.withMessageContaining("pollMultiplier");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> new VoucherifyJobSettings(second, second.multipliedBy(2), 2, second))
			.withMessageContaining("maxPollInterval");
	}

	/** How many polls it takes to see a job done that takes {@code job}. */
	private static int polls(VoucherifyJobSettings settings, Duration job) {
		Duration at = settings.firstPollDelay();
		Duration interval = settings.pollInterval();
		int polls = 1;
		while (at.compareTo(job) < 0) {
			at = at.plus(interval);
			interval = settings.grow(interval);
			polls++;
		}
		return polls;
	}

}
