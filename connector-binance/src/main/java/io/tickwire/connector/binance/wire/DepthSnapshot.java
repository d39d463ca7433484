package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.JsonCursor;
import io.tickwire.model.Level;
import java.util.List;

/**
 * An order book as of {@code lastUpdateId}: the REST answer of {@code GET /api/v3/depth} and {@code
 * GET /fapi/v1/depth} (USD-M adds {@code E} and {@code T}), and the payload of spot partial-depth
 * streams ({@code <symbol>@depth<N>[@100ms]}), which has the same shape and neither event type nor
 * symbol. Levels are {@code [price, quantity]} string pairs, the shape of the contract's {@link
 * Level}, so they are read into it directly.
 */
public record DepthSnapshot(
    @JsonProperty("lastUpdateId") long lastUpdateId,
    @JsonProperty("E") Long eventTime,
    @JsonProperty("T") Long transactionTime,
    @JsonProperty("bids") List<Level> bids,
    @JsonProperty("asks") List<Level> asks) {

  private static final String TYPE = "depth snapshot";
  private static final JsonCursor.Names FIELDS =
      new JsonCursor.Names("lastUpdateId", "E", "T", "bids", "asks");

  public static DepthSnapshot read(JsonCursor c) {
    long lastUpdateId = ABSENT;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    List<Level> bids = null;
    List<Level> asks = null;
    if (c.beginObject()) {
      do {
        switch (c.field(FIELDS)) {
          case 0 -> lastUpdateId = Fields.integer(c, "lastUpdateId");
          case 1 -> eventTime = Fields.integer(c, "E");
          case 2 -> transactionTime = Fields.integer(c, "T");
          case 3 -> bids = Fields.levels(c, "bids");
          case 4 -> asks = Fields.levels(c, "asks");
          default -> c.skipValue();
        }
      } while (c.nextField());
    }
    return new DepthSnapshot(
        require(lastUpdateId, TYPE, "lastUpdateId"),
        Fields.optional(eventTime),
        Fields.optional(transactionTime),
        require(bids, TYPE, "bids"),
        require(asks, TYPE, "asks"));
  }
}
