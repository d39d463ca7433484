package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The answer to {@code {"method":"LIST_SUBSCRIPTIONS"}}; nothing in it is market data. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitListing(@JsonProperty("method") @JsonAlias("mthd") String method)
    implements UpbitMessage {}
