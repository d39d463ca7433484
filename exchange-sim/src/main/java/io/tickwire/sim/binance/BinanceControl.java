package io.tickwire.sim.binance;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.json.Json;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Parses the control messages of Binance market-stream connections (SUBSCRIBE, UNSUBSCRIBE,
 * LIST_SUBSCRIPTIONS, SET_PROPERTY, GET_PROPERTY) and writes their replies and errors exactly as
 * the venue documents them. Only code 0 errors carry the request id.
 */
public final class BinanceControl {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final JsonFactory FACTORY = new JsonFactory();
  private static final Pattern STRING_ID = Pattern.compile("[A-Za-z0-9]{1,36}");
  private static final String METHODS =
      "`SUBSCRIBE`, `UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY`";

  /** The request methods. */
  public enum Method {
    SUBSCRIBE,
    UNSUBSCRIBE,
    LIST_SUBSCRIPTIONS,
    SET_PROPERTY,
    GET_PROPERTY
  }

  /**
   * A valid request, or the error reply for an invalid one.
   *
   * @param id the id as JSON text ({@code 1}, {@code "abc"}, {@code null})
   * @param params stream names (SUBSCRIBE, UNSUBSCRIBE)
   * @param value the boolean of SET_PROPERTY
   * @param error the complete error reply when the request is invalid, else null
   */
  public record Request(
      Method method, String id, List<String> params, boolean value, String error) {

    static Request error(String reply) {
      return new Request(null, null, List.of(), false, reply);
    }
  }

  private BinanceControl() {}

  public static Request parse(String text) {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      var loc = e.getLocation();
      long line = loc == null ? 1 : Math.max(1, loc.getLineNr());
      long column = loc == null ? 1 : Math.max(1, loc.getColumnNr());
      return Request.error(
          error(3, "Invalid JSON: expected value at line " + line + " column " + column, null));
    }
    if (root == null || !root.isObject()) {
      return Request.error(
          error(
              2, "Invalid request: invalid type: expected a JSON object at line 1 column 1", null));
    }
    JsonNode method = root.get("method");
    if (method == null) {
      return Request.error(
          error(
              2,
              "Invalid request: missing field `method` at line 1 column " + text.strip().length(),
              null));
    }
    Method m;
    try {
      m = Method.valueOf(method.asText());
      if (!method.isTextual()) {
        throw new IllegalArgumentException();
      }
    } catch (IllegalArgumentException e) {
      return Request.error(
          error(
              2,
              "Invalid request: unknown variant `"
                  + method.asText()
                  + "`, expected one of "
                  + METHODS
                  + " at line 1 column "
                  + methodEndColumn(text),
              null));
    }
    JsonNode idNode = root.get("id");
    String id = id(idNode);
    if (id == null) {
      return Request.error(
          error(2, "Invalid request: request ID must be an unsigned integer", null));
    }
    JsonNode params = root.get("params");
    return switch (m) {
      case SUBSCRIBE, UNSUBSCRIBE -> streams(m, id, params, text);
      case LIST_SUBSCRIPTIONS -> new Request(m, id, List.of(), false, null);
      case SET_PROPERTY -> property(m, id, params, 2);
      case GET_PROPERTY -> property(m, id, params, 1);
    };
  }

  private static Request streams(Method m, String id, JsonNode params, String text) {
    if (params == null) {
      return Request.error(
          error(
              2,
              "Invalid request: missing field `params` at line 1 column " + text.strip().length(),
              null));
    }
    List<String> names = new ArrayList<>();
    if (!params.isArray()) {
      return Request.error(error(2, "Invalid request: params must be an array of strings", null));
    }
    for (JsonNode p : params) {
      if (!p.isTextual()) {
        return Request.error(error(2, "Invalid request: params must be an array of strings", null));
      }
      names.add(p.asText());
    }
    return new Request(m, id, names, false, null);
  }

  private static Request property(Method m, String id, JsonNode params, int arity) {
    if (params == null || !params.isArray() || params.isEmpty() || !params.get(0).isTextual()) {
      return Request.error(error(2, "Invalid request: property name must be a string", null));
    }
    if (params.size() > arity) {
      return Request.error(error(2, "Invalid request: too many parameters", null));
    }
    if (!params.get(0).asText().equals("combined")) {
      return Request.error(error(0, "Unknown property", id));
    }
    if (m == Method.SET_PROPERTY) {
      if (params.size() < 2 || !params.get(1).isBoolean()) {
        return Request.error(error(1, "Invalid value type: expected Boolean", null));
      }
      return new Request(m, id, List.of(), params.get(1).asBoolean(), null);
    }
    return new Request(m, id, List.of(), false, null);
  }

  /** The id as JSON text, or null when it is missing or of a type Binance refuses. */
  private static String id(JsonNode id) {
    if (id == null) {
      return null;
    }
    if (id.isNull()) {
      return "null";
    }
    if (id.isIntegralNumber() && id.canConvertToLong()) {
      return Long.toString(id.asLong());
    }
    if (id.isTextual() && STRING_ID.matcher(id.asText()).matches()) {
      return Json.quote(id.asText());
    }
    return null;
  }

  /** Column (1-based) just after the method value, as serde reports it. */
  private static long methodEndColumn(String text) {
    try (JsonParser p = FACTORY.createParser(text)) {
      int depth = 0;
      JsonToken t;
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
          depth++;
        } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
          depth--;
        } else if (t == JsonToken.FIELD_NAME && depth == 1 && p.currentName().equals("method")) {
          p.nextToken();
          p.getText();
          return p.currentLocation().getColumnNr() - 1;
        }
      }
    } catch (IOException e) {
      // fall through
    }
    return text.length();
  }

  // ---- replies ---------------------------------------------------------------------------------

  /** {@code {"result":null,"id":1}}. */
  public static String ok(String id) {
    return "{\"result\":null,\"id\":" + id + "}";
  }

  public static String result(String resultJson, String id) {
    return "{\"result\":" + resultJson + ",\"id\":" + id + "}";
  }

  public static String list(List<String> streams, String id) {
    Json arr = Json.array();
    streams.forEach(arr::str);
    return result(arr.end().toString(), id);
  }

  /** {@code {"code":2,"msg":"..."}}; only code 0 carries the id. */
  public static String error(int code, String msg, String id) {
    Json j = Json.object().num("code", code).str("msg", msg);
    if (code == 0) {
      j.raw("id", id);
    }
    return j.end().toString();
  }
}
