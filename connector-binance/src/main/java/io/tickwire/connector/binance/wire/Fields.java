package io.tickwire.connector.binance.wire;

import io.tickwire.model.JsonCursor;
import io.tickwire.model.Level;
import java.util.List;

/**
 * Reads Binance's field values off a {@link JsonCursor}, strictly: decimals must be JSON strings
 * (the venue never sends them as numbers, and a number would already have lost its exact text), ids
 * and times integers, flags booleans. Anything else is a malformed frame and throws, naming the
 * field.
 */
final class Fields {

  /** A {@code long} field not (yet) seen. */
  static final long ABSENT = Long.MIN_VALUE;

  private Fields() {}

  static String text(JsonCursor c, String field) {
    try {
      return c.string();
    } catch (IllegalArgumentException e) {
      throw wrongType(field, "a string", e);
    }
  }

  static long integer(JsonCursor c, String field) {
    try {
      return c.longValue();
    } catch (IllegalArgumentException e) {
      throw wrongType(field, "an integer", e);
    }
  }

  static boolean bool(JsonCursor c, String field) {
    try {
      return c.booleanValue();
    } catch (IllegalArgumentException e) {
      throw wrongType(field, "true or false", e);
    }
  }

  /** {@code [["price","quantity"], ...]}; entries beyond the two strings are skipped. */
  static List<Level> levels(JsonCursor c, String field) {
    try {
      return c.levels();
    } catch (IllegalArgumentException e) {
      throw wrongType(field, "an array of [price, quantity] string pairs", e);
    }
  }

  /** Enters the object a field holds; false when it is empty. */
  static boolean object(JsonCursor c, String field) {
    try {
      return c.beginObject();
    } catch (IllegalArgumentException e) {
      throw wrongType(field, "an object", e);
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

  private static IllegalArgumentException wrongType(
      String field, String expected, IllegalArgumentException cause) {
    return new IllegalArgumentException(
        "field '" + field + "' should be " + expected + " (" + cause.getMessage() + ")", cause);
  }
}
