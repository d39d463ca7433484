package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** {@code <symbol>@kline_<interval>}: the current candle; {@code k.x} marks its final update. */
public record KlineEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("k") Candle candle) {

  private static final String TYPE = "kline";

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

    static Candle read(JsonParser p) throws IOException {
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
      for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
        switch (f) {
          case "t" -> openTime = Fields.integer(p, f);
          case "T" -> closeTime = Fields.integer(p, f);
          case "s" -> s = Fields.text(p, f);
          case "i" -> interval = Fields.text(p, f);
          case "f" -> first = Fields.integer(p, f);
          case "L" -> last = Fields.integer(p, f);
          case "o" -> open = Fields.text(p, f);
          case "c" -> close = Fields.text(p, f);
          case "h" -> high = Fields.text(p, f);
          case "l" -> low = Fields.text(p, f);
          case "v" -> volume = Fields.text(p, f);
          case "n" -> count = Fields.integer(p, f);
          case "x" -> closed = Fields.bool(p, f);
          case "q" -> quoteVolume = Fields.text(p, f);
          case "V" -> takerBuy = Fields.text(p, f);
          case "Q" -> takerBuyQuote = Fields.text(p, f);
          default -> Fields.skip(p);
        }
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

  public static KlineEvent read(JsonParser p) throws IOException {
    String e = null;
    String s = null;
    long eventTime = ABSENT;
    Candle candle = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "k" -> {
          Fields.startObject(p, f);
          candle = Candle.read(p);
        }
        default -> Fields.skip(p);
      }
    }
    return new KlineEvent(
        e, require(eventTime, TYPE, "E"), require(s, TYPE, "s"), require(candle, TYPE, "k"));
  }
}
