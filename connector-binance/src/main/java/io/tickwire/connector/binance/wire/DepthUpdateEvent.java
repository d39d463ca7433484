package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;
import io.tickwire.model.Level;
import java.util.List;

/**
 * {@code depthUpdate}: the changes from update {@code U} to {@code u}; a quantity of "0" removes
 * the level. USD-M adds the transaction time {@code T} and {@code pu}, the {@code u} of the
 * previous event of the stream, and uses this shape for its partial-depth streams too.
 */
public record DepthUpdateEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("T") Long transactionTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("U") long firstUpdateId,
    @JsonProperty("u") long finalUpdateId,
    @JsonProperty("pu") Long previousFinalUpdateId,
    @JsonProperty("b") List<Level> bids,
    @JsonProperty("a") List<Level> asks) {

  private static final String TYPE = "depthUpdate";
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "E", "T", "s", "U", "u", "pu", "b", "a");

  public static DepthUpdateEvent read(JsonCursor c) {
    String e = null;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    String s = null;
    long first = ABSENT;
    long last = ABSENT;
    long previous = ABSENT;
    List<Level> bids = null;
    List<Level> asks = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> transactionTime = Fields.integer(c, "T");
          case 3 -> s = Fields.text(c, "s");
          case 4 -> first = Fields.integer(c, "U");
          case 5 -> last = Fields.integer(c, "u");
          case 6 -> previous = Fields.integer(c, "pu");
          case 7 -> bids = Fields.levels(c, "b");
          case 8 -> asks = Fields.levels(c, "a");
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new DepthUpdateEvent(
        e,
        require(eventTime, TYPE, "E"),
        Fields.optional(transactionTime),
        require(s, TYPE, "s"),
        require(first, TYPE, "U"),
        require(last, TYPE, "u"),
        Fields.optional(previous),
        require(bids, TYPE, "b"),
        require(asks, TYPE, "a"));
  }
}
