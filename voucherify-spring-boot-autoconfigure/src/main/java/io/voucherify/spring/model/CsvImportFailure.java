package io.voucherify.spring.model;

import org.jspecify.annotations.Nullable;

/**
 * A CSV row Voucherify could not import.
 *
 * @param code the voucher code of the row
 * @param row the row number, counting data rows only: {@code 1} is the line after the
 * header
 * @param reason why it failed, e.g. {@code Voucher Type is required}
 * @since 0.1.0
 */
public record CsvImportFailure(@Nullable String code, @Nullable Integer row, @Nullable String reason) {

}
