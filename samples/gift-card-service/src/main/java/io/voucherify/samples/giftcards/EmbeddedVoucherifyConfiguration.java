package io.voucherify.samples.giftcards;

import java.time.Duration;

import io.voucherify.spring.autoconfigure.VoucherifyConnectionDetails;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.Resource;

/**
 * Without credentials ({@code VOUCHERIFY_APP_ID} unset) the service runs on an embedded
 * Voucherify emulator seeded with demo cards, so it works on a fresh clone with no
 * network. The emulator's {@link VoucherifyConnectionDetails} bean points the
 * auto-configured client at it; with credentials set this configuration steps aside and
 * the client talks to the real API.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${voucherify.app-id:}'.isBlank()")
class EmbeddedVoucherifyConfiguration {

	private static final Log logger = LogFactory.getLog(EmbeddedVoucherifyConfiguration.class);

	@Bean(destroyMethod = "close")
	VoucherifyEmulator voucherifyEmulator(@Value("classpath:demo-vouchers.json") Resource demoVouchers,
			@Value("${demo.emulator.job-duration:2s}") Duration jobDuration) {
		// Imports and exports take a moment, as on Voucherify, so that waiting for them
		// shows.
		VoucherifyEmulator emulator = VoucherifyEmulator.builder().seed(demoVouchers).jobDuration(jobDuration).build();
		emulator.createSession("GIFT-DEMO-0001", "ssn_demo_0001");
		logger.info("No VOUCHERIFY_APP_ID set: using the embedded Voucherify emulator at " + emulator.baseUrl()
				+ ", seeded with demo cards. Set VOUCHERIFY_APP_ID and VOUCHERIFY_SECRET_KEY to use the real API.");
		return emulator;
	}

	@Bean
	VoucherifyConnectionDetails voucherifyConnectionDetails(VoucherifyEmulator emulator) {
		return emulator.connectionDetails();
	}

}
