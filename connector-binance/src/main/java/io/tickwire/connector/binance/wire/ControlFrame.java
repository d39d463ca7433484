package io.tickwire.connector.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.model.Json;
import java.io.IOException;

/**
 * A frame that is not market data of a combined stream: the answer to a control message ({@code
 * {"result":null,"id":1}}), an error ({@code {"code":2,"msg":"..."}}, with the {@code id} only for
 * code 0), or the raw form of the server's shutdown notice ({@code
 * {"e":"serverShutdown","E":...}}). Rare, so read with the tree model.
 *
 * @param hasResult whether the frame carries a {@code result} member (even null)
 */
public record ControlFrame(
    @JsonProperty("id") String id,
    boolean hasResult,
    @JsonProperty("code") Integer code,
    @JsonProperty("msg") String message,
    @JsonProperty("e") String eventType,
    @JsonProperty("stream") String stream) {

  public static ControlFrame read(byte[] payload) throws IOException {
    JsonNode n = Json.mapper().readTree(payload);
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode id = n.get("id");
    JsonNode code = n.get("code");
    if (code != null && !code.isIntegralNumber()) {
      throw new IllegalArgumentException("field 'code' should be an integer");
    }
    return new ControlFrame(
        id == null || id.isNull() ? null : id.asText(),
        n.has("result"),
        code == null ? null : code.asInt(),
        n.path("msg").isTextual() ? n.get("msg").asText() : null,
        n.path("e").isTextual() ? n.get("e").asText() : null,
        n.path("stream").isTextual() ? n.get("stream").asText() : null);
  }
}
