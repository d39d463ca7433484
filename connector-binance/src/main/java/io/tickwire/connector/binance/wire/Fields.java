package io.tickwire.connector.binance.wire;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.tickwire.model.Level;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads Binance's field values off a streaming parser, strictly: decimals must be JSON strings (the
 * venue never sends them as numbers, and a number would already have lost its exact text), ids and
 * times integers, flags booleans. Anything else is a malformed frame and throws, naming the field.
 */
final class Fields {

  /** A {@code long} field not (yet) seen. */
  static final long ABSENT = Long.MIN_VALUE;

  private Fields() {}

  static String text(JsonParser p, String field) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_STRING) {
      return p.getText();
    }
    if (t == JsonToken.VALUE_NULL) {
      return null;
    }
    throw wrongType(field, "a string", t);
  }

  static long integer(JsonParser p, String field) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_NUMBER_INT) {
      return p.getLongValue();
    }
    throw wrongType(field, "an integer", t);
  }

  static Boolean bool(JsonParser p, String field) throws IOException {
    JsonToken t = p.nextToken();
    if (t == JsonToken.VALUE_TRUE) {
      return Boolean.TRUE;
    }
    if (t == JsonToken.VALUE_FALSE) {
      return Boolean.FALSE;
    }
    throw wrongType(field, "true or false", t);
  }

  /** {@code [["price","quantity"], ...]}; entries beyond the two strings are skipped. */
  static List<Level> levels(JsonParser p, String field) throws IOException {
    if (p.nextToken() != JsonToken.START_ARRAY) {
      throw wrongType(field, "an array of [price, quantity]", p.currentToken());
    }
    List<Level> levels = new ArrayList<>(24);
    for (JsonToken t = p.nextToken(); t != JsonToken.END_ARRAY; t = p.nextToken()) {
      if (t != JsonToken.START_ARRAY) {
        throw wrongType(field, "[price, quantity] pairs", t);
      }
      String price = text(p, field);
      String quantity = text(p, field);
      if (price == null || quantity == null) {
        throw new IllegalArgumentException("field '" + field + "' has a level without a value");
      }
      while (p.nextToken() != JsonToken.END_ARRAY) {
        p.skipChildren();
      }
      levels.add(new Level(price, quantity));
    }
    return levels;
  }

  /** Skips the value of a field this connector does not use (the venue adds fields at times). */
  static void skip(JsonParser p) throws IOException {
    p.nextToken();
    p.skipChildren();
  }

  /** Moves into the object a field holds. */
  static void startObject(JsonParser p, String field) throws IOException {
    JsonToken t = p.nextToken();
    if (t != JsonToken.START_OBJECT) {
      throw wrongType(field, "an object", t);
    }
  }

  static String require(String value, String type, String field) {
    if (value == null) {
      throw missing(type, field);
    }
    return value;
  }

  static long require(long value, String type, String field) {
    if (value == ABSENT) {
      throw missing(type, field);
    }
    return value;
  }

  static boolean require(Boolean value, String type, String field) {
    if (value == null) {
      throw missing(type, field);
    }
    return value;
  }

  static <T> T require(T value, String type, String field) {
    if (value == null) {
      throw missing(type, field);
    }
    return value;
  }

  /** An optional {@code long}: null when absent. */
  static Long optional(long value) {
    return value == ABSENT ? null : value;
  }

  static IllegalArgumentException missing(String type, String field) {
    return new IllegalArgumentException(type + ": field '" + field + "' is missing");
  }

  private static IllegalArgumentException wrongType(String field, String expected, JsonToken t) {
    return new IllegalArgumentException(
        "field '" + field + "' should be " + expected + ", not " + describe(t));
  }

  private static String describe(JsonToken t) {
    if (t == null) {
      return "the end of the input";
    }
    return switch (t) {
      case VALUE_STRING -> "a string";
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
      case VALUE_TRUE, VALUE_FALSE -> "a boolean";
      case VALUE_NULL -> "null";
      case START_ARRAY -> "an array";
      case START_OBJECT -> "an object";
      default -> t.asString() == null ? t.name() : t.asString();
    };
  }
}
