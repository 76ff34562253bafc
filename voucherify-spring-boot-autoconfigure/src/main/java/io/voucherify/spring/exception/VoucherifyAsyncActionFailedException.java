package io.voucherify.spring.exception;

import io.voucherify.spring.model.AsyncActionDetails;

/**
 * An async action ended with status {@code FAILED}. (A CSV import that is {@code DONE}
 * with failed rows is a result, not this exception.)
 *
 * @since 0.1.0
 */
public class VoucherifyAsyncActionFailedException extends VoucherifyJobException {

	private static final long serialVersionUID = 1L;

	private final transient AsyncActionDetails asyncAction;

	/**
	 * Create an exception for a failed async action.
	 * @param asyncAction the action as Voucherify last described it
	 */
	public VoucherifyAsyncActionFailedException(AsyncActionDetails asyncAction) {
		super("Async action " + asyncAction.id() + ((asyncAction.type() != null) ? " (" + asyncAction.type() + ")" : "")
				+ " failed", asyncAction.id(), null);
		this.asyncAction = asyncAction;
	}

	/**
	 * The failed action, with its result if Voucherify gave one.
	 * @return the async action
	 */
	public AsyncActionDetails getAsyncAction() {
		return this.asyncAction;
	}

}
