package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * {@code <symbol>@trade}: one trade. {@code m} true means the buyer was the maker, so the taker
 * sold. Spot's {@code M} ("ignore") and any later additions are skipped.
 */
public record TradeEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("t") long tradeId,
    @JsonProperty("p") String price,
    @JsonProperty("q") String quantity,
    @JsonProperty("T") long tradeTime,
    @JsonProperty("m") boolean buyerIsMaker) {

  private static final String TYPE = "trade";

  /** Reads the fields of the object the parser has just entered, up to its end. */
  public static TradeEvent read(JsonParser p) throws IOException {
    String e = null;
    String s = null;
    String price = null;
    String quantity = null;
    long eventTime = ABSENT;
    long id = ABSENT;
    long tradeTime = ABSENT;
    Boolean maker = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "t" -> id = Fields.integer(p, f);
        case "p" -> price = Fields.text(p, f);
        case "q" -> quantity = Fields.text(p, f);
        case "T" -> tradeTime = Fields.integer(p, f);
        case "m" -> maker = Fields.bool(p, f);
        default -> Fields.skip(p);
      }
    }
    return new TradeEvent(
        e,
        require(eventTime, TYPE, "E"),
        require(s, TYPE, "s"),
        require(id, TYPE, "t"),
        require(price, TYPE, "p"),
        require(quantity, TYPE, "q"),
        require(tradeTime, TYPE, "T"),
        require(maker, TYPE, "m"));
  }
}
