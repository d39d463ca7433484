package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

/**
 * {@code <symbol>@ticker} ({@code 24hrTicker}): rolling 24 h statistics. USD-M leaves out the
 * previous close {@code x} and the best bid/ask ({@code b B a A}), so those are optional.
 */
public record TickerEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("p") String priceChange,
    @JsonProperty("P") String priceChangePercent,
    @JsonProperty("w") String weightedAveragePrice,
    @JsonProperty("x") String firstTradeBeforeWindowPrice,
    @JsonProperty("c") String lastPrice,
    @JsonProperty("Q") String lastQuantity,
    @JsonProperty("b") String bestBidPrice,
    @JsonProperty("B") String bestBidQuantity,
    @JsonProperty("a") String bestAskPrice,
    @JsonProperty("A") String bestAskQuantity,
    @JsonProperty("o") String openPrice,
    @JsonProperty("h") String highPrice,
    @JsonProperty("l") String lowPrice,
    @JsonProperty("v") String baseVolume,
    @JsonProperty("q") String quoteVolume,
    @JsonProperty("O") long openTime,
    @JsonProperty("C") long closeTime,
    @JsonProperty("F") long firstTradeId,
    @JsonProperty("L") long lastTradeId,
    @JsonProperty("n") long tradeCount) {

  private static final String TYPE = "24hrTicker";
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names(
          "e", "E", "s", "p", "P", "w", "x", "c", "Q", "b", "B", "a", "A", "o", "h", "l", "v", "q",
          "O", "C", "F", "L", "n");

  public static TickerEvent read(JsonCursor c) {
    String e = null;
    long eventTime = ABSENT;
    String s = null;
    String change = null;
    String changePercent = null;
    String weighted = null;
    String previous = null;
    String last = null;
    String lastQuantity = null;
    String bid = null;
    String bidQuantity = null;
    String ask = null;
    String askQuantity = null;
    String open = null;
    String high = null;
    String low = null;
    String volume = null;
    String quoteVolume = null;
    long openTime = ABSENT;
    long closeTime = ABSENT;
    long first = ABSENT;
    long lastId = ABSENT;
    long count = ABSENT;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> change = Fields.text(c, "p");
          case 4 -> changePercent = Fields.text(c, "P");
          case 5 -> weighted = Fields.text(c, "w");
          case 6 -> previous = Fields.text(c, "x");
          case 7 -> last = Fields.text(c, "c");
          case 8 -> lastQuantity = Fields.text(c, "Q");
          case 9 -> bid = Fields.text(c, "b");
          case 10 -> bidQuantity = Fields.text(c, "B");
          case 11 -> ask = Fields.text(c, "a");
          case 12 -> askQuantity = Fields.text(c, "A");
          case 13 -> open = Fields.text(c, "o");
          case 14 -> high = Fields.text(c, "h");
          case 15 -> low = Fields.text(c, "l");
          case 16 -> volume = Fields.text(c, "v");
          case 17 -> quoteVolume = Fields.text(c, "q");
          case 18 -> openTime = Fields.integer(c, "O");
          case 19 -> closeTime = Fields.integer(c, "C");
          case 20 -> first = Fields.integer(c, "F");
          case 21 -> lastId = Fields.integer(c, "L");
          case 22 -> count = Fields.integer(c, "n");
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new TickerEvent(
        e,
        require(eventTime, TYPE, "E"),
        require(s, TYPE, "s"),
        require(change, TYPE, "p"),
        require(changePercent, TYPE, "P"),
        require(weighted, TYPE, "w"),
        previous,
        require(last, TYPE, "c"),
        require(lastQuantity, TYPE, "Q"),
        bid,
        bidQuantity,
        ask,
        askQuantity,
        require(open, TYPE, "o"),
        require(high, TYPE, "h"),
        require(low, TYPE, "l"),
        require(volume, TYPE, "v"),
        require(quoteVolume, TYPE, "q"),
        require(openTime, TYPE, "O"),
        require(closeTime, TYPE, "C"),
        require(first, TYPE, "F"),
        require(lastId, TYPE, "L"),
        require(count, TYPE, "n"));
  }
}
