package io.voucherify.spring;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;

import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.ValueInstantiator;
import tools.jackson.databind.deser.ValueInstantiators;
import tools.jackson.databind.deser.std.StdValueInstantiator;
import tools.jackson.databind.introspect.AnnotatedConstructor;

/**
 * Creates the client's model records through a method handle spread once, not through
 * Jackson's {@code MethodHandle.invokeWithArguments}, which adapts the handle on every
 * call (about 4 % of a {@code getVoucher}'s CPU and allocation, BENCHMARKS.md). Only
 * public records of {@code io.voucherify.spring.model}; everything else, and every
 * failure, stays Jackson's.
 */
final class VoucherifyRecordCreators extends ValueInstantiators.Base {

	@Override
	public ValueInstantiator modifyValueInstantiator(DeserializationConfig config, BeanDescription.Supplier beanDescRef,
			ValueInstantiator defaultInstantiator) {
		if (defaultInstantiator.getClass() == StdValueInstantiator.class
				&& defaultInstantiator.canCreateFromObjectWith()
				&& defaultInstantiator.getWithArgsCreator() instanceof AnnotatedConstructor creator) {
			MethodHandle spread = spread(creator.getAnnotated());
			if (spread != null) {
				return new Spread((StdValueInstantiator) defaultInstantiator, spread);
			}
		}
		return defaultInstantiator;
	}

	private static @Nullable MethodHandle spread(Constructor<?> constructor) {
		Class<?> type = constructor.getDeclaringClass();
		if (!type.isRecord() || !Modifier.isPublic(type.getModifiers())
				|| !Modifier.isPublic(constructor.getModifiers())
				|| !VoucherifyJson.MODEL_PACKAGE.equals(type.getPackageName())) {
			return null;
		}
		try {
			return MethodHandles.publicLookup()
				.unreflectConstructor(constructor)
				.asSpreader(Object[].class, constructor.getParameterCount())
				.asType(MethodType.methodType(Object.class, Object[].class));
		}
		catch (IllegalAccessException ex) {
			return null;
		}
	}

	/** Jackson's instantiator with a faster call of the same constructor. */
	static final class Spread extends StdValueInstantiator {

		private final MethodHandle creator;

		Spread(StdValueInstantiator source, MethodHandle creator) {
			super(source);
			this.creator = creator;
		}

		@Override
		public Object createFromObjectWith(DeserializationContext context, Object[] args) throws JacksonException {
			try {
				return (Object) this.creator.invokeExact(args);
			}
			catch (Throwable ex) {
				// Jackson calls the constructor again and reports the failure its own
				// way; records are free of side effects.
				return super.createFromObjectWith(context, args);
			}
		}

	}

}
