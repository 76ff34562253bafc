package io.voucherify.spring.exception;

import io.voucherify.spring.model.Export;

/**
 * An export ended with status {@code ERROR}: Voucherify could not generate the file, and
 * gives no detail why.
 *
 * @since 0.1.0
 */
public class VoucherifyExportFailedException extends VoucherifyJobException {

	private static final long serialVersionUID = 1L;

	private final transient Export export;

	/**
	 * Create an exception for a failed export.
	 * @param export the export as Voucherify last described it
	 */
	public VoucherifyExportFailedException(Export export) {
		super("Export " + export.id() + ((export.exportedObject() != null) ? " of " + export.exportedObject() : "")
				+ " ended with status ERROR; Voucherify gives no detail, start a new export", export.id(), null);
		this.export = export;
	}

	/**
	 * The failed export.
	 * @return the export
	 */
	public Export getExport() {
		return this.export;
	}

}
