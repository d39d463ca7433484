package io.tickwire.persist.redis;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.Json;
import java.io.IOException;

/**
 * The venue and native symbol of a market event, read from its JSON without building the event.
 * Tickers and best bid/offer updates are the hot path: their JSON is stored in Redis exactly as it
 * arrived, so only the two fields naming the key are needed. The whole document is still parsed, so
 * malformed JSON is refused rather than stored.
 */
record VenueSymbol(String venue, String nativeSymbol) {

  private static final JsonFactory JSON = Json.mapper().getFactory();

  /**
   * @throws IllegalArgumentException when the bytes are not one JSON object with string fields
   *     {@code venue} and {@code nativeSymbol}
   */
  static VenueSymbol of(byte[] event) {
    String venue = null;
    String nativeSymbol = null;
    try (JsonParser in = JSON.createParser(event)) {
      if (in.nextToken() != JsonToken.START_OBJECT) {
        throw new IllegalArgumentException("not a JSON object");
      }
      while (in.nextToken() == JsonToken.FIELD_NAME) {
        String field = in.currentName();
        JsonToken value = in.nextToken();
        if (value == JsonToken.VALUE_STRING && field.equals("venue")) {
          venue = in.getText();
        } else if (value == JsonToken.VALUE_STRING && field.equals("nativeSymbol")) {
          nativeSymbol = in.getText();
        } else {
          in.skipChildren();
        }
      }
      if (in.nextToken() != null) {
        throw new IllegalArgumentException("trailing content after the JSON object");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("not valid JSON: " + e.getMessage(), e);
    }
    if (venue == null || venue.isEmpty() || nativeSymbol == null || nativeSymbol.isEmpty()) {
      throw new IllegalArgumentException("missing venue or nativeSymbol");
    }
    return new VenueSymbol(venue, nativeSymbol);
  }
}
