package io.tickwire.sim.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.model.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * An Upbit WebSocket request: {@code [{"ticket":..},{"type":..,"codes":[..]},...,{"format":..}]},
 * or {@code [{"ticket":..},{"method":"LIST_SUBSCRIPTIONS"}]}. Parsing reports the first problem as
 * the venue's error name and message.
 */
final class UpbitRequest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Set<String> FORMATS = Set.of("DEFAULT", "SIMPLE", "JSON_LIST", "SIMPLE_LIST");
  static final Set<String> PRIVATE_TYPES = Set.of("myOrder", "myAsset");

  /** One requested type. */
  record Subscription(
      String type,
      List<String> codes,
      java.math.BigDecimal level,
      boolean onlySnapshot,
      boolean onlyRealtime) {}

  /** A parse failure: the error's name and message. */
  static final class Invalid extends Exception {
    final String name;

    Invalid(String name, String message) {
      super(message, null, false, false);
      this.name = name;
    }
  }

  final String ticket;
  final String format;
  final boolean listSubscriptions;
  final List<Subscription> subscriptions;

  private UpbitRequest(
      String ticket, String format, boolean list, List<Subscription> subscriptions) {
    this.ticket = ticket;
    this.format = format;
    this.listSubscriptions = list;
    this.subscriptions = subscriptions;
  }

  static boolean supportedType(String type) {
    if (type.startsWith("candle.")) {
      return Interval.UPBIT.contains(type.substring("candle.".length()));
    }
    return Set.of("ticker", "trade", "orderbook", "myOrder", "myAsset").contains(type);
  }

  static UpbitRequest parse(String text) throws Invalid {
    JsonNode root;
    try {
      root = MAPPER.readTree(text);
    } catch (Exception e) {
      throw wrongFormat();
    }
    if (root == null || !root.isArray() || root.isEmpty()) {
      throw wrongFormat();
    }
    String ticket = null;
    String format = null;
    boolean list = false;
    List<Subscription> subs = new ArrayList<>();
    for (JsonNode o : root) {
      if (!o.isObject()) {
        throw wrongFormat();
      }
      if (o.has("ticket")) {
        ticket = o.get("ticket").asText();
      } else if (o.has("format")) {
        format = o.get("format").asText().toUpperCase(Locale.ROOT);
        if (!FORMATS.contains(format)) {
          throw new Invalid(
              "INVALID_PARAM", "format " + o.get("format").asText() + " is not supported.");
        }
      } else if (o.has("method")) {
        if (!o.get("method").asText().equals("LIST_SUBSCRIPTIONS")) {
          throw wrongFormat();
        }
        list = true;
      } else {
        subs.add(subscription(o));
      }
    }
    if (ticket == null || ticket.isEmpty()) {
      throw new Invalid("NO_TICKET", "Ticket field must be contained.");
    }
    if (!list && subs.isEmpty()) {
      throw new Invalid("NO_TYPE", "type field not exists.");
    }
    return new UpbitRequest(ticket, format, list, subs);
  }

  private static Subscription subscription(JsonNode o) throws Invalid {
    if (!o.has("type")) {
      throw new Invalid("NO_TYPE", "type field not exists.");
    }
    String type = o.get("type").asText();
    if (!supportedType(type)) {
      throw new Invalid("INVALID_PARAM", "type " + type + " is not supported.");
    }
    List<String> codes = new ArrayList<>();
    if (type.equals("myAsset")) {
      if (o.has("codes")) {
        throw wrongFormat();
      }
    } else if (o.has("codes")) {
      JsonNode c = o.get("codes");
      if (!c.isArray()) {
        throw wrongFormat();
      }
      c.forEach(n -> codes.add(n.asText()));
      if (codes.isEmpty()) {
        throw new Invalid("INVALID_PARAM", "codes field is empty.");
      }
    } else if (!type.equals("myOrder")) {
      throw new Invalid("NO_CODES", "codes field not exists.");
    }
    java.math.BigDecimal level = java.math.BigDecimal.ZERO;
    if (o.has("level")) {
      JsonNode l = o.get("level");
      if (!l.isNumber()) {
        throw new Invalid("INVALID_PARAM", "level " + l.asText() + " is not supported.");
      }
      level = l.decimalValue();
    }
    return new Subscription(
        type,
        codes,
        level,
        o.path("is_only_snapshot").asBoolean(false),
        o.path("is_only_realtime").asBoolean(false));
  }

  private static Invalid wrongFormat() {
    return new Invalid("WRONG_FORMAT", "Requested using wrong format");
  }

  static String error(String name, String message) {
    return "{\"error\":{\"name\":\""
        + name
        + "\",\"message\":"
        + io.tickwire.sim.json.Json.quote(message)
        + "}}";
  }
}
