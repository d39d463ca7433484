package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/** USD-M {@code <symbol>@markPrice[@1s]} ({@code markPriceUpdate}): mark, index and funding. */
public record MarkPriceEvent(
    @JsonProperty("e") String eventType,
    @JsonProperty("E") long eventTime,
    @JsonProperty("s") String symbol,
    @JsonProperty("p") String markPrice,
    @JsonProperty("i") String indexPrice,
    @JsonProperty("P") String estimatedSettlePrice,
    @JsonProperty("r") String fundingRate,
    @JsonProperty("T") Long nextFundingTime) {

  private static final String TYPE = "markPriceUpdate";

  public static MarkPriceEvent read(JsonParser p) throws IOException {
    String e = null;
    long eventTime = ABSENT;
    String s = null;
    String mark = null;
    String index = null;
    String settle = null;
    String funding = null;
    long nextFunding = ABSENT;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "e" -> e = Fields.text(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "s" -> s = Fields.text(p, f);
        case "p" -> mark = Fields.text(p, f);
        case "i" -> index = Fields.text(p, f);
        case "P" -> settle = Fields.text(p, f);
        case "r" -> funding = Fields.text(p, f);
        case "T" -> nextFunding = Fields.integer(p, f);
        default -> Fields.skip(p);
      }
    }
    return new MarkPriceEvent(
        e,
        require(eventTime, TYPE, "E"),
        require(s, TYPE, "s"),
        require(mark, TYPE, "p"),
        index,
        settle,
        funding,
        Fields.optional(nextFunding));
  }
}
