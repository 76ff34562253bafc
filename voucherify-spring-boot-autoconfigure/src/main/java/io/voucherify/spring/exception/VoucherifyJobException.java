package io.voucherify.spring.exception;

import org.jspecify.annotations.Nullable;

/**
 * A background job (an async action or an export) did not give what was asked of it: it
 * failed, it is not ready, or it did not finish in time. The request that asked was
 * answered; the job itself is the problem.
 *
 * @see VoucherifyAsyncActionFailedException
 * @see VoucherifyExportFailedException
 * @see VoucherifyExportNotReadyException
 * @see VoucherifyJobTimeoutException
 * @since 0.1.0
 */
public class VoucherifyJobException extends VoucherifyException {

	private static final long serialVersionUID = 1L;

	private final @Nullable String jobId;

	/**
	 * Create an exception about a job.
	 * @param message the detail message
	 * @param jobId the job's id, {@code aa_...} or {@code exp_...}
	 * @param cause the cause, if any
	 */
	public VoucherifyJobException(String message, @Nullable String jobId, @Nullable Throwable cause) {
		super(message, cause);
		this.jobId = jobId;
	}

	/**
	 * The id of the job: {@code aa_...} for an async action, {@code exp_...} for an
	 * export.
	 * @return the job id
	 */
	public @Nullable String getJobId() {
		return this.jobId;
	}

}
