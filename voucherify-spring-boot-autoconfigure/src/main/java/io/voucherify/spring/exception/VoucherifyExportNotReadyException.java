package io.voucherify.spring.exception;

import io.voucherify.spring.model.Export;

/**
 * An export's file was asked for before it was ready: the export is not {@code DONE} yet,
 * or Voucherify gave no URL for it. Nothing was downloaded; wait for the export first.
 *
 * @since 0.1.0
 */
public class VoucherifyExportNotReadyException extends VoucherifyJobException {

	private static final long serialVersionUID = 1L;

	private final transient Export export;

	/**
	 * Create an exception for an export whose file is not ready.
	 * @param export the export as Voucherify described it
	 * @param message the detail message
	 */
	public VoucherifyExportNotReadyException(Export export, String message) {
		super(message, export.id(), null);
		this.export = export;
	}

	/**
	 * The export, with the status it had.
	 * @return the export
	 */
	public Export getExport() {
		return this.export;
	}

}
