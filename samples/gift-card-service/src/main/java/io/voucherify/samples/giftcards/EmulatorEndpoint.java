package io.voucherify.samples.giftcards;

import java.util.LinkedHashMap;
import java.util.Map;

import io.voucherify.spring.autoconfigure.VoucherifyProperties;
import io.voucherify.spring.test.RateLimitStats;
import io.voucherify.spring.test.VoucherifyEmulator;
import org.jspecify.annotations.Nullable;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/emulator}: the calls the embedded emulator's project rate limit
 * counted, accepted per window and rejected with {@code 429}, so that a fleet's use of
 * the limit shows. Not found (404) when the service talks to another Voucherify, as it
 * does with an app id set.
 */
@Endpoint(id = "emulator")
class EmulatorEndpoint {

	private final VoucherifyProperties properties;

	private final ObjectProvider<VoucherifyEmulator> emulator;

	EmulatorEndpoint(VoucherifyProperties properties, ObjectProvider<VoucherifyEmulator> emulator) {
		this.properties = properties;
		this.emulator = emulator;
	}

	@ReadOperation
	@Nullable Map<String, Object> emulator() {
		// The same choice as the connection details: never start an emulator here.
		if (!EmbeddedVoucherifyConfiguration.usesEmbeddedEmulator(this.properties)) {
			return null;
		}
		VoucherifyEmulator emulator = this.emulator.getObject();
		RateLimitStats stats = emulator.rateLimitStats();
		Map<String, Integer> perWindow = new LinkedHashMap<>();
		stats.acceptedPerWindow().forEach((start, calls) -> perWindow.put(start.toString(), calls));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("baseUrl", emulator.baseUrl());
		body.put("acceptedCalls", stats.acceptedCalls());
		body.put("rejectedCalls", stats.rejectedCalls());
		body.put("acceptedPerWindow", perWindow);
		return body;
	}

}
