package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A QR code or barcode image of a voucher's encrypted code ({@code VoucherAssets.qr} and
 * {@code VoucherAssets.barcode}).
 *
 * @param id the encrypted code
 * @param url the image; query parameters {@code size} (1 to 100) and {@code format}
 * ({@code png} or {@code svg}) customise it
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VoucherAsset(@JsonProperty("id") @Nullable String id, @JsonProperty("url") @Nullable String url) {

}
