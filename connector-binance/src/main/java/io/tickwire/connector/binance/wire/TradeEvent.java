package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

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
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "E", "s", "t", "p", "q", "T", "m");

  /** Reads the object at the cursor. */
  public static TradeEvent read(JsonCursor c) {
    String e = null;
    String s = null;
    String price = null;
    String quantity = null;
    long eventTime = ABSENT;
    long id = ABSENT;
    long tradeTime = ABSENT;
    Boolean maker = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> id = Fields.integer(c, "t");
          case 4 -> price = Fields.text(c, "p");
          case 5 -> quantity = Fields.text(c, "q");
          case 6 -> tradeTime = Fields.integer(c, "T");
          case 7 -> maker = Fields.bool(c, "m");
          default -> c.skipValue();
        }
      } while (c.nextField());
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
