package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** USD-M {@code <symbol>@forceOrder}: a liquidation order, at most one per symbol per second. */
public record ForceOrderEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("o") Order order) {

  private static final String TYPE = "forceOrder";

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

    static Order read(JsonParser p) throws IOException {
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
      for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
        switch (f) {
          case "s" -> s = Fields.text(p, f);
          case "S" -> side = Fields.text(p, f);
          case "o" -> type = Fields.text(p, f);
          case "f" -> tif = Fields.text(p, f);
          case "q" -> quantity = Fields.text(p, f);
          case "p" -> price = Fields.text(p, f);
          case "ap" -> average = Fields.text(p, f);
          case "X" -> status = Fields.text(p, f);
          case "l" -> lastFilled = Fields.text(p, f);
          case "z" -> filled = Fields.text(p, f);
          case "T" -> tradeTime = Fields.integer(p, f);
          default -> Fields.skip(p);
        }
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

  public static ForceOrderEvent read(JsonParser p) throws IOException {
    String e = null;
    long eventTime = ABSENT;
    Order order = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "o" -> {
          Fields.startObject(p, f);
          order = Order.read(p);
        }
        default -> Fields.skip(p);
      }
    }
    return new ForceOrderEvent(e, require(eventTime, TYPE, "E"), require(order, TYPE, "o"));
  }
}
