package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Images of a voucher's encrypted code (schema {@code VoucherAssets}).
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherAssets(@JsonProperty("qr") @Nullable VoucherAsset qr,
		@JsonProperty("barcode") @Nullable VoucherAsset barcode) {

}
