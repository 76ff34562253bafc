package io.voucherify.spring;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.std.DelegatingDeserializer;

/**
 * Reads the client's model enums from a map of their wire values, not through Jackson's
 * call of their {@code fromValue} factory, which adapts the method handle on every call
 * (about 3 % of a {@code getVoucher}'s CPU, BENCHMARKS.md). The map holds exactly the
 * values for which {@code fromValue} returns the constant, so the result is the
 * factory's; every other input (an unknown value, a number, {@code null}) still goes to
 * Jackson's deserializer. Only public enums of {@code io.voucherify.spring.model} with
 * {@code value()} and {@code fromValue(String)}.
 */
final class VoucherifyEnumLookup extends ValueDeserializerModifier {

	private static final long serialVersionUID = 1L;

	@Override
	public ValueDeserializer<?> modifyEnumDeserializer(DeserializationConfig config, JavaType type,
			BeanDescription.Supplier beanDescRef, ValueDeserializer<?> deserializer) {
		Map<String, Object> known = knownValues(type.getRawClass());
		return (known != null) ? new Lookup(deserializer, known) : deserializer;
	}

	/**
	 * The constants by wire value, each checked against the enum's own factory.
	 * @return the map, or {@code null} if the type is not one of the model's enums
	 */
	static @Nullable Map<String, Object> knownValues(Class<?> type) {
		if (!type.isEnum() || !Modifier.isPublic(type.getModifiers())
				|| !VoucherifyJson.MODEL_PACKAGE.equals(type.getPackageName())) {
			return null;
		}
		try {
			Method value = type.getMethod("value");
			Method fromValue = type.getMethod("fromValue", String.class);
			if (!Modifier.isStatic(fromValue.getModifiers()) || value.getReturnType() != String.class) {
				return null;
			}
			Map<String, Object> known = new HashMap<>();
			for (Object constant : type.getEnumConstants()) {
				String wire = (String) value.invoke(constant);
				if (wire != null && fromValue.invoke(null, wire) == constant) {
					known.put(wire, constant);
				}
			}
			return Map.copyOf(known);
		}
		catch (ReflectiveOperationException ex) {
			return null;
		}
	}

	/** Jackson's enum deserializer with a map in front for known wire values. */
	static final class Lookup extends DelegatingDeserializer {

		private final Map<String, Object> known;

		Lookup(ValueDeserializer<?> delegate, Map<String, Object> known) {
			super(delegate);
			this.known = known;
		}

		@Override
		protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> newDelegatee) {
			return new Lookup(newDelegatee, this.known);
		}

		@Override
		public Object deserialize(JsonParser parser, DeserializationContext context) throws JacksonException {
			if (parser.hasToken(JsonToken.VALUE_STRING)) {
				Object constant = this.known.get(parser.getString());
				if (constant != null) {
					return constant;
				}
			}
			return super.deserialize(parser, context);
		}

	}

}
