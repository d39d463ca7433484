package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;

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
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("e", "E", "s", "p", "i", "P", "r", "T");

  public static MarkPriceEvent read(JsonCursor c) {
    String e = null;
    long eventTime = ABSENT;
    String s = null;
    String mark = null;
    String index = null;
    String settle = null;
    String funding = null;
    long nextFunding = ABSENT;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> e = Fields.text(c, "e");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> s = Fields.text(c, "s");
          case 3 -> mark = Fields.text(c, "p");
          case 4 -> index = Fields.text(c, "i");
          case 5 -> settle = Fields.text(c, "P");
          case 6 -> funding = Fields.text(c, "r");
          case 7 -> nextFunding = Fields.integer(c, "T");
          default -> c.skipValue();
        }
      } while (c.nextField());
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
