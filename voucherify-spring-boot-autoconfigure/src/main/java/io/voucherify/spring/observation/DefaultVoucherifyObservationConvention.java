package io.voucherify.spring.observation;

import io.micrometer.common.KeyValue;
import io.micrometer.common.KeyValues;

/**
 * The default convention: observation {@code voucherify.client.requests} with the
 * low-cardinality keys {@code operation} (the SDK name, e.g. {@code get_voucher}),
 * {@code outcome} ({@code SUCCESS}, {@code CLIENT_ERROR}, {@code SERVER_ERROR},
 * {@code UNKNOWN}), {@code status} (the HTTP status, {@code IO_ERROR} or {@code NONE}),
 * {@code error.key} (Voucherify's error key or {@code none}) and {@code exception}
 * (simple class name or {@code none}). No key ever carries a voucher code or session key.
 *
 * @since 0.1.0
 */
public class DefaultVoucherifyObservationConvention implements VoucherifyObservationConvention {

	/** The name of the observation, and so of the timer and span. */
	public static final String NAME = "voucherify.client.requests";

	private static final String NONE = "none";

	@Override
	public String getName() {
		return NAME;
	}

	@Override
	public String getContextualName(VoucherifyObservationContext context) {
		return "voucherify " + context.getOperation().sdkName();
	}

	@Override
	public KeyValues getLowCardinalityKeyValues(VoucherifyObservationContext context) {
		return KeyValues.of(operation(context), outcome(context), status(context), errorKey(context),
				exception(context));
	}

	protected KeyValue operation(VoucherifyObservationContext context) {
		return KeyValue.of("operation", context.getOperation().sdkName());
	}

	protected KeyValue outcome(VoucherifyObservationContext context) {
		Integer status = context.getStatusCode();
		String outcome;
		if (status == null) {
			outcome = "UNKNOWN";
		}
		else if (status >= 200 && status < 300) {
			outcome = "SUCCESS";
		}
		else if (status >= 400 && status < 500) {
			outcome = "CLIENT_ERROR";
		}
		else if (status >= 500 && status < 600) {
			outcome = "SERVER_ERROR";
		}
		else {
			outcome = "UNKNOWN";
		}
		return KeyValue.of("outcome", outcome);
	}

	protected KeyValue status(VoucherifyObservationContext context) {
		if (context.getStatusCode() != null) {
			return KeyValue.of("status", Integer.toString(context.getStatusCode()));
		}
		return KeyValue.of("status", context.isTransportFailure() ? "IO_ERROR" : "NONE");
	}

	protected KeyValue errorKey(VoucherifyObservationContext context) {
		String key = context.getErrorKey();
		return KeyValue.of("error.key", (key != null && !key.isBlank()) ? key : NONE);
	}

	protected KeyValue exception(VoucherifyObservationContext context) {
		Throwable error = context.getError();
		if (error == null) {
			return KeyValue.of("exception", NONE);
		}
		String name = error.getClass().getSimpleName();
		return KeyValue.of("exception", name.isEmpty() ? error.getClass().getName() : name);
	}

}
