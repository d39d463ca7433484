package io.tickwire.connector.binance.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Entry points for reading Binance frames and REST answers with Jackson's streaming parser (the hot
 * path: every frame of every stream passes here). The connector always uses combined streams, so
 * every market-data frame is {@code {"stream":"<name>","data":{...}}}.
 */
public final class BinanceWire {

  /** Reads one payload object; the parser has just entered it. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(JsonParser parser) throws IOException;
  }

  private static final JsonFactory FACTORY = new JsonFactory();
  private static final byte[] STREAM_PREFIX = "{\"stream\":\"".getBytes(StandardCharsets.US_ASCII);

  private BinanceWire() {}

  /**
   * The stream name of a combined-stream frame, read straight off the bytes when the frame starts
   * the way Binance writes it ({@code {"stream":"}), otherwise by parsing; null when the frame is
   * not a combined-stream frame (a control answer, an error, a raw event).
   */
  public static String combinedStream(byte[] payload) throws IOException {
    if (startsWith(payload, STREAM_PREFIX)) {
      int from = STREAM_PREFIX.length;
      for (int i = from; i < payload.length; i++) {
        byte b = payload[i];
        if (b == '"') {
          return new String(payload, from, i - from, StandardCharsets.US_ASCII);
        }
        if (b == '\\' || b < 0x20) {
          break;
        }
      }
    }
    try (JsonParser p = FACTORY.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      boolean hasData = false;
      String stream = null;
      for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
        if (f.equals("stream") && p.nextToken() == JsonToken.VALUE_STRING) {
          stream = p.getText();
        } else {
          hasData |= f.equals("data");
          p.nextToken();
          p.skipChildren();
        }
      }
      return hasData ? stream : null;
    }
  }

  /**
   * Reads the {@code data} object of a combined-stream frame, checking that the whole frame is
   * well-formed JSON.
   */
  public static <T> T readData(byte[] payload, Reader<T> reader) throws IOException {
    try (JsonParser p = FACTORY.createParser(payload)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      T value = null;
      boolean seen = false;
      for (String f = p.nextFieldName(); f != null; f = p.nextFieldName()) {
        if (f.equals("data") && !seen) {
          Fields.startObject(p, "data");
          value = reader.read(p);
          seen = true;
        } else {
          Fields.skip(p);
        }
      }
      if (!seen) {
        throw new IllegalArgumentException("combined-stream frame without a 'data' object");
      }
      end(p);
      return value;
    }
  }

  /** Reads a JSON object document (a REST answer). */
  public static <T> T readObject(byte[] body, Reader<T> reader) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("expected a JSON object");
      }
      T value = reader.read(p);
      end(p);
      return value;
    }
  }

  /** Reads a JSON array of objects (a REST list such as {@code aggTrades}). */
  public static <T> List<T> readArray(byte[] body, Reader<T> reader) throws IOException {
    try (JsonParser p = FACTORY.createParser(body)) {
      if (p.nextToken() != JsonToken.START_ARRAY) {
        throw new IllegalArgumentException("expected a JSON array");
      }
      List<T> items = new ArrayList<>();
      for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
        if (t != JsonToken.START_OBJECT) {
          throw new IllegalArgumentException("expected an array of objects");
        }
        items.add(reader.read(p));
      }
      end(p);
      return items;
    }
  }

  private static void end(JsonParser p) throws IOException {
    if (p.nextToken() != null) {
      throw new IllegalArgumentException("unexpected content after the JSON document");
    }
  }

  private static boolean startsWith(byte[] payload, byte[] prefix) {
    if (payload.length < prefix.length) {
      return false;
    }
    for (int i = 0; i < prefix.length; i++) {
      if (payload[i] != prefix[i]) {
        return false;
      }
    }
    return true;
  }
}
