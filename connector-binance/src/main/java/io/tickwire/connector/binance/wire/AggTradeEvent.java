package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

/**
 * {@code <symbol>@aggTrade}: trades of one taker order at one price, aggregated; {@code a} counts
 * up by one with no holes, which is what makes gaps visible and backfill possible. The REST {@code
 * aggTrades} items have the same keys without {@code e}, {@code E} and {@code s}.
 */
public record AggTradeEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") Long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("a") long aggregateTradeId,
    @JsonProperty("p") String price,
    @JsonProperty("q") String quantity,
    @JsonProperty("f") long firstTradeId,
    @JsonProperty("l") long lastTradeId,
    @JsonProperty("T") long tradeTime,
    @JsonProperty("m") boolean buyerIsMaker) {

  private static final String TYPE = "aggTrade";
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "E", "s", "a", "p", "q", "f", "l", "T", "m");

  /** A WebSocket event: {@code E} and {@code s} are required. */
  public static AggTradeEvent read(JsonCursor c) {
    AggTradeEvent event = readFields(c);
    require(event.eventTime(), TYPE, "E");
    require(event.symbol(), TYPE, "s");
    return event;
  }

  /** A REST {@code aggTrades} item (no event type, time or symbol). */
  public static AggTradeEvent readRestItem(JsonCursor c) {
    return readFields(c);
  }

  private static AggTradeEvent readFields(JsonCursor c) {
    String e = null;
    String s = null;
    String price = null;
    String quantity = null;
    long eventTime = ABSENT;
    long id = ABSENT;
    long first = ABSENT;
    long last = ABSENT;
    long tradeTime = ABSENT;
    Boolean maker = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> id = Fields.integer(c, "a");
          case 4 -> price = Fields.text(c, "p");
          case 5 -> quantity = Fields.text(c, "q");
          case 6 -> first = Fields.integer(c, "f");
          case 7 -> last = Fields.integer(c, "l");
          case 8 -> tradeTime = Fields.integer(c, "T");
          case 9 -> maker = Fields.bool(c, "m");
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new AggTradeEvent(
        e,
        Fields.optional(eventTime),
        s,
        require(id, TYPE, "a"),
        require(price, TYPE, "p"),
        require(quantity, TYPE, "q"),
        require(first, TYPE, "f"),
        require(last, TYPE, "l"),
        require(tradeTime, TYPE, "T"),
        require(maker, TYPE, "m"));
  }
}
