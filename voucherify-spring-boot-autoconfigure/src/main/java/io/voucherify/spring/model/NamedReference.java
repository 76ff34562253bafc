package io.voucherify.spring.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import org.jspecify.annotations.Nullable;

/**
 * A reference to an object by id and name: a segment, loyalty tier, event schema or
 * reward of a transaction or pending points.
 *
 * @since 0.1.0
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NamedReference(@JsonProperty("id") @Nullable String id, @JsonProperty("name") @Nullable String name) {

}
