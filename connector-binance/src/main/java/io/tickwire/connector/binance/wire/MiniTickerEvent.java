package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** {@code <symbol>@miniTicker} ({@code 24hrMiniTicker}): close, open, high, low and volumes. */
public record MiniTickerEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("c") String closePrice,
    @JsonProperty("o") String openPrice,
    @JsonProperty("h") String highPrice,
    @JsonProperty("l") String lowPrice,
    @JsonProperty("v") String baseVolume,
    @JsonProperty("q") String quoteVolume) {

  private static final String TYPE = "24hrMiniTicker";

  public static MiniTickerEvent read(JsonParser p) throws IOException {
    String e = null;
    long eventTime = ABSENT;
    String s = null;
    String close = null;
    String open = null;
    String high = null;
    String low = null;
    String volume = null;
    String quoteVolume = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "c" -> close = Fields.text(p, f);
        case "o" -> open = Fields.text(p, f);
        case "h" -> high = Fields.text(p, f);
        case "l" -> low = Fields.text(p, f);
        case "v" -> volume = Fields.text(p, f);
        case "q" -> quoteVolume = Fields.text(p, f);
        default -> Fields.skip(p);
      }
    }
    return new MiniTickerEvent(
        e,
        require(eventTime, TYPE, "E"),
        require(s, TYPE, "s"),
        require(close, TYPE, "c"),
        require(open, TYPE, "o"),
        require(high, TYPE, "h"),
        require(low, TYPE, "l"),
        require(volume, TYPE, "v"),
        require(quoteVolume, TYPE, "q"));
  }
}
