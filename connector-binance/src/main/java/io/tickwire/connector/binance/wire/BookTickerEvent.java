package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

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
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "u", "E", "T", "s", "b", "B", "a", "A");

  public static BookTickerEvent read(JsonCursor c) {
    String e = null;
    long updateId = ABSENT;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    String s = null;
    String bid = null;
    String bidQuantity = null;
    String ask = null;
    String askQuantity = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> updateId = Fields.integer(c, "u");
          case 2 -> eventTime = Fields.integer(c, "E");
          case 3 -> transactionTime = Fields.integer(c, "T");
          case 4 -> s = Fields.text(c, "s");
          case 5 -> bid = Fields.text(c, "b");
          case 6 -> bidQuantity = Fields.text(c, "B");
          case 7 -> ask = Fields.text(c, "a");
          case 8 -> askQuantity = Fields.text(c, "A");
          default -> c.skipValue();
        }
      } while (c.nextField());
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
