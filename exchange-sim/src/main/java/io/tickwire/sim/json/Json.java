package io.tickwire.sim.json;

import java.nio.charset.StandardCharsets;

/**
 * Writes JSON exactly in the key order and number style the venues use. Venue payloads are written
 * by hand (not by a databind mapper) because byte-exact output is the point of the simulator: key
 * order, decimal strings with venue-specific scale, and absent keys all matter to connectors.
 *
 * <p>Usage: {@code Json.object().num("E", 1).str("s", "BTCUSDT").end().bytes()}. Commas are
 * inserted automatically.
 */
public final class Json {

  private final StringBuilder out;

  /** One bit per nesting level: does the container at this level already hold a value? */
  private long hasValue;

  private int depth;

  /** The closing bracket of each open container, innermost last. */
  private final char[] closers = new char[64];

  private Json(int capacity) {
    this.out = new StringBuilder(capacity);
  }

  public static Json object() {
    return new Json(256).beginObject();
  }

  public static Json array() {
    return new Json(256).beginArray();
  }

  // ---- containers ----------------------------------------------------------------------------

  public Json beginObject() {
    comma();
    out.append('{');
    push();
    return this;
  }

  public Json beginArray() {
    comma();
    out.append('[');
    push();
    return this;
  }

  public Json beginObject(String key) {
    key(key);
    out.append('{');
    push();
    return this;
  }

  public Json beginArray(String key) {
    key(key);
    out.append('[');
    push();
    return this;
  }

  /** Closes the innermost open object or array. */
  public Json end() {
    depth--;
    out.append(closers[depth]);
    return this;
  }

  private void push() {
    closers[depth] = out.charAt(out.length() - 1) == '{' ? '}' : ']';
    depth++;
    hasValue &= ~(1L << depth);
  }

  private void comma() {
    if (depth > 0 && (hasValue & (1L << depth)) != 0) {
      out.append(',');
    }
    hasValue |= 1L << depth;
  }

  private void key(String key) {
    comma();
    out.append('"').append(key).append("\":");
  }

  // ---- object members ------------------------------------------------------------------------

  public Json str(String key, String value) {
    key(key);
    string(value);
    return this;
  }

  public Json num(String key, long value) {
    key(key);
    out.append(value);
    return this;
  }

  /** A number written exactly as given (a decimal rendered elsewhere, for example). */
  public Json numRaw(String key, String number) {
    key(key);
    out.append(number);
    return this;
  }

  public Json bool(String key, boolean value) {
    key(key);
    out.append(value);
    return this;
  }

  public Json nul(String key) {
    key(key);
    out.append("null");
    return this;
  }

  /** A value that is already JSON text. */
  public Json raw(String key, String json) {
    key(key);
    out.append(json);
    return this;
  }

  // ---- array elements ------------------------------------------------------------------------

  public Json str(String value) {
    comma();
    string(value);
    return this;
  }

  public Json num(long value) {
    comma();
    out.append(value);
    return this;
  }

  public Json raw(String json) {
    comma();
    out.append(json);
    return this;
  }

  // ---- output --------------------------------------------------------------------------------

  public byte[] bytes() {
    return toString().getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void string(String value) {
    if (value == null) {
      out.append("null");
      return;
    }
    out.append('"');
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    out.append('"');
  }

  /** The JSON string literal of a value, quotes included. */
  public static String quote(String value) {
    Json j = new Json(value.length() + 2);
    j.string(value);
    return j.toString();
  }
}
