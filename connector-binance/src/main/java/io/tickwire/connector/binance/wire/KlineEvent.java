package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

/** {@code <symbol>@kline_<interval>}: the current candle; {@code k.x} marks its final update. */
public record KlineEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("k") Candle candle) {

  private static final String TYPE = "kline";
  private static final JsonCursor.Names FIELDS = new JsonCursor.Names("e", "E", "s", "k");

  /** The {@code k} object. */
  public record Candle(
      @JsonProperty("t") long openTime,
      @JsonProperty("T") long closeTime,
      @JsonProperty("s") String symbol,
      @JsonProperty("i") String interval,
      @JsonProperty("f") long firstTradeId,
      @JsonProperty("L") long lastTradeId,
      @JsonProperty("o") String open,
      @JsonProperty("c") String close,
      @JsonProperty("h") String high,
      @JsonProperty("l") String low,
      @JsonProperty("v") String volume,
      @JsonProperty("n") long tradeCount,
      @JsonProperty("x") boolean closed,
      @JsonProperty("q") String quoteVolume,
      @JsonProperty("V") String takerBuyVolume,
      @JsonProperty("Q") String takerBuyQuoteVolume) {

    private static final JsonCursor.Names FIELDS =
        new JsonCursor.Names(
            "t", "T", "s", "i", "f", "L", "o", "c", "h", "l", "v", "n", "x", "q", "V", "Q");

    static Candle read(JsonCursor c) {
      long openTime = ABSENT;
      long closeTime = ABSENT;
      String s = null;
      String interval = null;
      long first = ABSENT;
      long last = ABSENT;
      String open = null;
      String close = null;
      String high = null;
      String low = null;
      String volume = null;
      long count = ABSENT;
      Boolean closed = null;
      String quoteVolume = null;
      String takerBuy = null;
      String takerBuyQuote = null;
      if (Fields.object(c, "k")) {
        do {
          switch (c.field(FIELDS)) {
            case 0 -> openTime = Fields.integer(c, "t");
            case 1 -> closeTime = Fields.integer(c, "T");
            case 2 -> s = Fields.text(c, "s");
            case 3 -> interval = Fields.text(c, "i");
            case 4 -> first = Fields.integer(c, "f");
            case 5 -> last = Fields.integer(c, "L");
            case 6 -> open = Fields.text(c, "o");
            case 7 -> close = Fields.text(c, "c");
            case 8 -> high = Fields.text(c, "h");
            case 9 -> low = Fields.text(c, "l");
            case 10 -> volume = Fields.text(c, "v");
            case 11 -> count = Fields.integer(c, "n");
            case 12 -> closed = Fields.bool(c, "x");
            case 13 -> quoteVolume = Fields.text(c, "q");
            case 14 -> takerBuy = Fields.text(c, "V");
            case 15 -> takerBuyQuote = Fields.text(c, "Q");
            default -> c.skipValue();
          }
        } while (c.nextField());
      }
      return new Candle(
          require(openTime, TYPE, "k.t"),
          require(closeTime, TYPE, "k.T"),
          s,
          require(interval, TYPE, "k.i"),
          require(first, TYPE, "k.f"),
          require(last, TYPE, "k.L"),
          require(open, TYPE, "k.o"),
          require(close, TYPE, "k.c"),
          require(high, TYPE, "k.h"),
          require(low, TYPE, "k.l"),
          require(volume, TYPE, "k.v"),
          require(count, TYPE, "k.n"),
          require(closed, TYPE, "k.x"),
          quoteVolume,
          takerBuy,
          takerBuyQuote);
    }
  }

  public static KlineEvent read(JsonCursor c) {
    String e = null;
    String s = null;
    long eventTime = ABSENT;
    Candle candle = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> {
            candle = Candle.read(c);
          }
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new KlineEvent(
        e, require(eventTime, TYPE, "E"), require(s, TYPE, "s"), require(candle, TYPE, "k"));
  }
}
