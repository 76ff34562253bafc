package io.voucherify.spring.observation;

import io.micrometer.observation.Observation;
import io.voucherify.spring.VoucherifyOperation;
import org.jspecify.annotations.Nullable;

/**
 * The context of one call of {@link io.voucherify.spring.VouchersOperations}, whatever
 * the number of HTTP attempts underneath. It deliberately holds no voucher code or
 * session key: they are bearer credentials and must not reach tags, span names or events.
 *
 * @since 0.1.0
 */
public class VoucherifyObservationContext extends Observation.Context {

	private final VoucherifyOperation operation;

	private @Nullable Integer statusCode;

	private boolean transportFailure;

	private @Nullable String errorKey;

	/**
	 * Create a context for one operation call.
	 * @param operation the operation
	 */
	public VoucherifyObservationContext(VoucherifyOperation operation) {
		this.operation = operation;
	}

	/**
	 * The operation called.
	 * @return the operation
	 */
	public VoucherifyOperation getOperation() {
		return this.operation;
	}

	/**
	 * The HTTP status of the last response.
	 * @return the status code, or {@code null} if no response arrived
	 */
	public @Nullable Integer getStatusCode() {
		return this.statusCode;
	}

	/**
	 * Record the HTTP status of the response.
	 * @param statusCode the status code
	 */
	public void setStatusCode(@Nullable Integer statusCode) {
		this.statusCode = statusCode;
	}

	/**
	 * Whether the call failed without a complete HTTP response (I/O error or timeout).
	 * @return {@code true} on a transport failure
	 */
	public boolean isTransportFailure() {
		return this.transportFailure;
	}

	/**
	 * Record a transport failure.
	 * @param transportFailure whether the call failed on I/O
	 */
	public void setTransportFailure(boolean transportFailure) {
		this.transportFailure = transportFailure;
	}

	/**
	 * Voucherify's error {@code key} of a failed call, e.g. {@code not_found}.
	 * @return the key, or {@code null}
	 */
	public @Nullable String getErrorKey() {
		return this.errorKey;
	}

	/**
	 * Record Voucherify's error key.
	 * @param errorKey the key
	 */
	public void setErrorKey(@Nullable String errorKey) {
		this.errorKey = errorKey;
	}

}
