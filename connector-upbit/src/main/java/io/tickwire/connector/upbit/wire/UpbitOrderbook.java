package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.ArrayList;
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
    @JsonProperty("orderbook_units") @JsonAlias("obu") @JsonDeserialize(using = UnitsReader.class)
        List<Unit> units,
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

  /**
   * Reads the units with the streaming parser: they are most of an orderbook's bytes (four numbers
   * per unit, up to 30 units), and the general record binding costs about as much again as the
   * parsing. Same names as {@link Unit}'s annotations; numbers keep their text.
   */
  static final class UnitsReader extends JsonDeserializer<List<Unit>> {
    @Override
    public List<Unit> deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.isExpectedStartArrayToken()) {
        return ctxt.reportInputMismatch(List.class, "orderbook_units is not an array");
      }
      List<Unit> units = new ArrayList<>(30);
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.START_OBJECT) {
        String askPrice = null;
        String bidPrice = null;
        String askSize = null;
        String bidSize = null;
        while (p.nextToken() == JsonToken.FIELD_NAME) {
          String name = p.currentName();
          JsonToken value = p.nextToken();
          if (value == JsonToken.START_OBJECT || value == JsonToken.START_ARRAY) {
            p.skipChildren();
            continue;
          }
          String text = value == JsonToken.VALUE_NULL ? null : p.getText();
          switch (name) {
            case "ask_price", "ap" -> askPrice = text;
            case "bid_price", "bp" -> bidPrice = text;
            case "ask_size", "as" -> askSize = text;
            case "bid_size", "bs" -> bidSize = text;
            default -> {}
          }
        }
        units.add(new Unit(askPrice, bidPrice, askSize, bidSize));
      }
      if (t != JsonToken.END_ARRAY) {
        return ctxt.reportInputMismatch(List.class, "an orderbook unit is not an object");
      }
      return units;
    }
  }
}
