package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * {@code <symbol>@bookTicker}: best bid and ask. Spot sends no event type and no times (route it by
 * stream name); USD-M adds {@code e}, {@code E} and {@code T}.
 */
public record BookTickerEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("u") long updateId,
    @JsonProperty("E") Long eventTime,
    @JsonProperty("T") Long transactionTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("b") String bidPrice,
    @JsonProperty("B") String bidQuantity,
    @JsonProperty("a") String askPrice,
    @JsonProperty("A") String askQuantity) {

  private static final String TYPE = "bookTicker";

  public static BookTickerEvent read(JsonParser p) throws IOException {
    String e = null;
    long updateId = ABSENT;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    String s = null;
    String bid = null;
    String bidQuantity = null;
    String ask = null;
    String askQuantity = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "u" -> updateId = Fields.integer(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "T" -> transactionTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "b" -> bid = Fields.text(p, f);
        case "B" -> bidQuantity = Fields.text(p, f);
        case "a" -> ask = Fields.text(p, f);
        case "A" -> askQuantity = Fields.text(p, f);
        default -> Fields.skip(p);
      }
    }
    return new BookTickerEvent(
        e,
        require(updateId, TYPE, "u"),
        Fields.optional(eventTime),
        Fields.optional(transactionTime),
        require(s, TYPE, "s"),
        require(bid, TYPE, "b"),
        require(bidQuantity, TYPE, "B"),
        require(ask, TYPE, "a"),
        require(askQuantity, TYPE, "A"));
  }
}
