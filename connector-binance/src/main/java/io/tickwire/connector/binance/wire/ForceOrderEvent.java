package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

/** USD-M {@code <symbol>@forceOrder}: a liquidation order, at most one per symbol per second. */
public record ForceOrderEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("o") Order order) {

  private static final String TYPE = "forceOrder";
  private static final JsonCursor.Names FIELDS = new JsonCursor.Names("e", "E", "o");

  /** The {@code o} object. */
  public record Order(
      @JsonProperty("s") String symbol,
      @JsonProperty("S") String side,
      @JsonProperty("o") String orderType,
      @JsonProperty("f") String timeInForce,
      @JsonProperty("q") String originalQuantity,
      @JsonProperty("p") String price,
      @JsonProperty("ap") String averagePrice,
      @JsonProperty("X") String orderStatus,
      @JsonProperty("l") String lastFilledQuantity,
      @JsonProperty("z") String filledAccumulatedQuantity,
      @JsonProperty("T") long tradeTime) {

    private static final JsonCursor.Names FIELDS =
        new JsonCursor.Names("s", "S", "o", "f", "q", "p", "ap", "X", "l", "z", "T");

    static Order read(JsonCursor c) {
      String s = null;
      String side = null;
      String type = null;
      String tif = null;
      String quantity = null;
      String price = null;
      String average = null;
      String status = null;
      String lastFilled = null;
      String filled = null;
      long tradeTime = ABSENT;
      if (Fields.object(c, "o")) {
        do {
          switch (c.field(FIELDS)) {
            case 0 -> s = Fields.text(c, "s");
            case 1 -> side = Fields.text(c, "S");
            case 2 -> type = Fields.text(c, "o");
            case 3 -> tif = Fields.text(c, "f");
            case 4 -> quantity = Fields.text(c, "q");
            case 5 -> price = Fields.text(c, "p");
            case 6 -> average = Fields.text(c, "ap");
            case 7 -> status = Fields.text(c, "X");
            case 8 -> lastFilled = Fields.text(c, "l");
            case 9 -> filled = Fields.text(c, "z");
            case 10 -> tradeTime = Fields.integer(c, "T");
            default -> c.skipValue();
          }
        } while (c.nextField());
      }
      return new Order(
          require(s, TYPE, "o.s"),
          require(side, TYPE, "o.S"),
          type,
          tif,
          require(quantity, TYPE, "o.q"),
          require(price, TYPE, "o.p"),
          average,
          status,
          lastFilled,
          filled,
          require(tradeTime, TYPE, "o.T"));
    }
  }

  public static ForceOrderEvent read(JsonCursor c) {
    String e = null;
    long eventTime = ABSENT;
    Order order = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> {
            order = Order.read(c);
          }
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new ForceOrderEvent(e, require(eventTime, TYPE, "E"), require(order, TYPE, "o"));
  }
}
