package io.tickwire.connector.upbit.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.util.List;

/**
 * Reads Upbit's JSON into the wire records: a short streaming scan finds what the message is (its
 * {@code type}/{@code ty}, or an {@code error}, {@code status} or {@code method} object), then
 * databind reads the record. Both formats (DEFAULT and SIMPLE) are understood whatever was asked
 * for; the list formats are not used by the connector and are refused.
 */
public final class UpbitWire {

  private static final ObjectMapper MAPPER =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final JsonFactory FACTORY = MAPPER.getFactory();
  private static final ObjectReader TICKER = MAPPER.readerFor(UpbitTicker.class);
  private static final ObjectReader TRADE = MAPPER.readerFor(UpbitTrade.class);
  private static final ObjectReader ORDERBOOK = MAPPER.readerFor(UpbitOrderbook.class);
  private static final ObjectReader CANDLE = MAPPER.readerFor(UpbitCandle.class);
  private static final ObjectReader ERROR = MAPPER.readerFor(UpbitErrorFrame.class);
  private static final ObjectReader STATUS = MAPPER.readerFor(UpbitStatus.class);
  private static final ObjectReader LISTING = MAPPER.readerFor(UpbitListing.class);
  private static final ObjectReader TICKS =
      MAPPER.readerFor(new TypeReference<List<UpbitTick>>() {});

  private UpbitWire() {}

  /**
   * The message in {@code payload}.
   *
   * @throws IOException when it is not JSON
   * @throws IllegalArgumentException when it is JSON but not an Upbit message this connector reads
   */
  public static UpbitMessage read(byte[] payload) throws IOException {
    ObjectReader reader = readerOf(payload);
    return reader.readValue(payload);
  }

  /** The body of {@code GET /v1/trades/ticks}, newest first as the venue sends it. */
  public static List<UpbitTick> ticks(byte[] body) throws IOException {
    return TICKS.readValue(body);
  }

  /** The error object of a REST error body, or null when the body is not one. */
  public static UpbitErrorFrame.Error restError(byte[] body) {
    try {
      UpbitErrorFrame frame = ERROR.readValue(body);
      return frame.error();
    } catch (IOException | RuntimeException notAnErrorObject) {
      return null;
    }
  }

  private static ObjectReader readerOf(byte[] payload) throws IOException {
    try (JsonParser p = FACTORY.createParser(payload)) {
      JsonToken first = p.nextToken();
      if (first == JsonToken.START_ARRAY) {
        throw new IllegalArgumentException(
            "a JSON array (the JSON_LIST and SIMPLE_LIST formats are not used)");
      }
      if (first != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (p.nextToken() == JsonToken.FIELD_NAME) {
        String name = p.currentName();
        JsonToken value = p.nextToken();
        switch (name) {
          case "type", "ty" -> {
            if (value != JsonToken.VALUE_STRING) {
              throw new IllegalArgumentException("'" + name + "' is not a string");
            }
            return readerOfType(p.getText());
          }
          case "error" -> {
            return ERROR;
          }
          case "status" -> {
            return STATUS;
          }
          case "method", "mthd" -> {
            return LISTING;
          }
          default -> p.skipChildren();
        }
      }
    }
    throw new IllegalArgumentException("no 'type' field");
  }

  private static ObjectReader readerOfType(String type) {
    return switch (type) {
      case "ticker" -> TICKER;
      case "trade" -> TRADE;
      case "orderbook" -> ORDERBOOK;
      default -> {
        if (type.startsWith("candle.")) {
          yield CANDLE;
        }
        throw new IllegalArgumentException("unknown type '" + type + "'");
      }
    };
  }
}
