package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Upbit's answer to the text {@code PING}: {@code {"status":"UP"}}. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitStatus(@JsonProperty("status") String status) implements UpbitMessage {}
