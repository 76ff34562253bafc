package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A summary of a voucher's publications, that is its assignments to customers ({@code
 * VoucherBase.publish}).
 *
 * @param object always {@code list}
 * @param count the number of publication events
 * @param url the path listing the publications, e.g.
 * {@code /v1/vouchers/CODE/publications}
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PublicationSummary(@JsonProperty("object") @Nullable String object,
		@JsonProperty("count") @Nullable Integer count, @JsonProperty("url") @Nullable String url) {

}
