package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

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
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "E", "s", "c", "o", "h", "l", "v", "q");

  public static MiniTickerEvent read(JsonCursor c) {
    String e = null;
    long eventTime = ABSENT;
    String s = null;
    String close = null;
    String open = null;
    String high = null;
    String low = null;
    String volume = null;
    String quoteVolume = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> close = Fields.text(c, "c");
          case 4 -> open = Fields.text(c, "o");
          case 5 -> high = Fields.text(c, "h");
          case 6 -> low = Fields.text(c, "l");
          case 7 -> volume = Fields.text(c, "v");
          case 8 -> quoteVolume = Fields.text(c, "q");
          default -> c.skipValue();
        }
      } while (c.nextField());
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
