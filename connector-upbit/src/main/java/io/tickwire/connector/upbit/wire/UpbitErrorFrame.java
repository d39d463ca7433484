package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * Upbit's error object, {@code {"error":{"name":"INVALID_PARAM","message":"..."}}}, sent on the
 * WebSocket for a request it refuses and as the body of REST errors.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitErrorFrame(@JsonProperty("error") Error error) implements UpbitMessage {

  /** The error's name (INVALID_AUTH, WRONG_FORMAT, NO_TICKET, NO_TYPE, NO_CODES, ...) and text. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Error(@JsonProperty("name") String name, @JsonProperty("message") String message) {}
}
