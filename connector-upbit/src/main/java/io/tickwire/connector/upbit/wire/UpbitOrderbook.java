package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * An Upbit {@code orderbook} message: always a full snapshot of the top units (1, 5, 15 or 30 as
 * asked with {@code CODE.N}), each unit one ask and one bid level; {@code level} is the price unit
 * the book was grouped by (0 for none).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UpbitOrderbook(
    @JsonProperty("type") @JsonAlias("ty") String type,
    @JsonProperty("code") @JsonAlias("cd") String code,
    @JsonProperty("timestamp") @JsonAlias("tms") Long timestamp,
    @JsonProperty("total_ask_size") @JsonAlias("tas") String totalAskSize,
    @JsonProperty("total_bid_size") @JsonAlias("tbs") String totalBidSize,
    @JsonProperty("orderbook_units") @JsonAlias("obu") List<Unit> units,
    @JsonProperty("level") @JsonAlias("lv") String level,
    @JsonProperty("stream_type") @JsonAlias("st") String streamType)
    implements UpbitMessage.Data {

  public UpbitOrderbook {
    units = units == null ? List.of() : units;
  }

  /** One row of the book: the n-th best ask and the n-th best bid. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Unit(
      @JsonProperty("ask_price") @JsonAlias("ap") String askPrice,
      @JsonProperty("bid_price") @JsonAlias("bp") String bidPrice,
      @JsonProperty("ask_size") @JsonAlias("as") String askSize,
      @JsonProperty("bid_size") @JsonAlias("bs") String bidSize) {}
}
