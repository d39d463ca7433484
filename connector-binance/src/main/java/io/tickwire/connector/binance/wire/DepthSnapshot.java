package io.tickwire.connector.binance.wire;

import static io.tickwire.connector.binance.wire.Fields.ABSENT;
import static io.tickwire.connector.binance.wire.Fields.require;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import io.tickwire.model.Level;
import java.io.IOException;
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

  public static DepthSnapshot read(JsonParser p) throws IOException {
    long lastUpdateId = ABSENT;
    long eventTime = ABSENT;
    long transactionTime = ABSENT;
    List<Level> bids = null;
    List<Level> asks = null;
    for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
      switch (f) {
        case "lastUpdateId" -> lastUpdateId = Fields.integer(p, f);
        case "E" -> eventTime = Fields.integer(p, f);
        case "T" -> transactionTime = Fields.integer(p, f);
        case "bids" -> bids = Fields.levels(p, f);
        case "asks" -> asks = Fields.levels(p, f);
        default -> Fields.skip(p);
      }
    }
    return new DepthSnapshot(
        require(lastUpdateId, TYPE, "lastUpdateId"),
        Fields.optional(eventTime),
        Fields.optional(transactionTime),
        require(bids, TYPE, "bids"),
        require(asks, TYPE, "asks"));
  }
}
