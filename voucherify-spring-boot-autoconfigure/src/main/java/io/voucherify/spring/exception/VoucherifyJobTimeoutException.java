package io.voucherify.spring.exception;

import java.time.Duration;

import org.jspecify.annotations.Nullable;

/**
 * A background job did not reach a final status within the time a caller waited for it.
 * The job itself goes on; wait again with its id, or give up.
 *
 * @since 0.1.0
 */
public class VoucherifyJobTimeoutException extends VoucherifyJobException {

	private static final long serialVersionUID = 1L;

	private final Duration waited;

	private final @Nullable String lastStatus;

	/**
	 * Create an exception for a wait that ran out.
	 * @param message the detail message
	 * @param jobId the job's id
	 * @param waited how long the caller waited
	 * @param lastStatus the status the last poll saw, {@code null} if no poll answered
	 * @param cause the failure of the last poll, if it was cut short by the timeout
	 */
	public VoucherifyJobTimeoutException(String message, String jobId, Duration waited, @Nullable String lastStatus,
			@Nullable Throwable cause) {
		super(message, jobId, cause);
		this.waited = waited;
		this.lastStatus = lastStatus;
	}

	/**
	 * How long the caller waited.
	 * @return the time waited
	 */
	public Duration getWaited() {
		return this.waited;
	}

	/**
	 * The status the last poll saw, e.g. {@code IN_PROGRESS}.
	 * @return the last status, or {@code null} if no poll answered
	 */
	public @Nullable String getLastStatus() {
		return this.lastStatus;
	}

}
