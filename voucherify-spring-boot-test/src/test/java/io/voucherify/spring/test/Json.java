package io.voucherify.spring.test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Reads raw answers and the spec's example files in tests. */
final class Json {

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	private Json() {
	}

	static JsonNode parse(String json) {
		return MAPPER.readTree(json);
	}

	static JsonNode read(Path file) throws IOException {
		return MAPPER.readTree(Files.readString(file));
	}

	/** A copy of an object without some of its properties. */
	static ObjectNode without(JsonNode object, String... names) {
		ObjectNode copy = (ObjectNode) object.deepCopy();
		for (String name : names) {
			copy.remove(name);
		}
		return copy;
	}

}
