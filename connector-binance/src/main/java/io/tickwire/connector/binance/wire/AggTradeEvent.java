package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

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

  /** A WebSocket event: {@code E} and {@code s} are required. */
  public static AggTradeEvent read(JsonParser p) throws IOException {
    AggTradeEvent event = readFields(p);
    require(event.eventTime(), TYPE, "E");
    require(event.symbol(), TYPE, "s");
    return event;
  }

  /** A REST {@code aggTrades} item (no event type, time or symbol). */
  public static AggTradeEvent readRestItem(JsonParser p) throws IOException {
    return readFields(p);
  }

  private static AggTradeEvent readFields(JsonParser p) throws IOException {
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
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "a" -> id = Fields.integer(p, f);
        case "p" -> price = Fields.text(p, f);
        case "q" -> quantity = Fields.text(p, f);
        case "f" -> first = Fields.integer(p, f);
        case "l" -> last = Fields.integer(p, f);
        case "T" -> tradeTime = Fields.integer(p, f);
        case "m" -> maker = Fields.bool(p, f);
        default -> Fields.skip(p);
      }
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
