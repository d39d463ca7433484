package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import io.tickwire.model.Level;
import java.io.IOException;
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

  public static DepthUpdateEvent read(JsonParser p) throws IOException {
    String e = null;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    String s = null;
    long first = ABSENT;
    long last = ABSENT;
    long previous = ABSENT;
    List<Level> bids = null;
    List<Level> asks = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "T" -> transactionTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "U" -> first = Fields.integer(p, f);
        case "u" -> last = Fields.integer(p, f);
        case "pu" -> previous = Fields.integer(p, f);
        case "b" -> bids = Fields.levels(p, f);
        case "a" -> asks = Fields.levels(p, f);
        default -> Fields.skip(p);
      }
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
