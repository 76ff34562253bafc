package io.voucherify.spring.test;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads raw answers in tests. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

}
