package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

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

  public static TickerEvent read(JsonParser p) throws IOException {
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
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "p" -> change = Fields.text(p, f);
        case "P" -> changePercent = Fields.text(p, f);
        case "w" -> weighted = Fields.text(p, f);
        case "x" -> previous = Fields.text(p, f);
        case "c" -> last = Fields.text(p, f);
        case "Q" -> lastQuantity = Fields.text(p, f);
        case "b" -> bid = Fields.text(p, f);
        case "B" -> bidQuantity = Fields.text(p, f);
        case "a" -> ask = Fields.text(p, f);
        case "A" -> askQuantity = Fields.text(p, f);
        case "o" -> open = Fields.text(p, f);
        case "h" -> high = Fields.text(p, f);
        case "l" -> low = Fields.text(p, f);
        case "v" -> volume = Fields.text(p, f);
        case "q" -> quoteVolume = Fields.text(p, f);
        case "O" -> openTime = Fields.integer(p, f);
        case "C" -> closeTime = Fields.integer(p, f);
        case "F" -> first = Fields.integer(p, f);
        case "L" -> lastId = Fields.integer(p, f);
        case "n" -> count = Fields.integer(p, f);
        default -> Fields.skip(p);
      }
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
