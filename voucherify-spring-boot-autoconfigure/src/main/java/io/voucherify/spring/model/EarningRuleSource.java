package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * Where an earning rule is shown ({@code earning_rule.source}).
 *
 * @param banner the earning rule's display name
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EarningRuleSource(@JsonProperty("banner") @Nullable String banner) {

}
