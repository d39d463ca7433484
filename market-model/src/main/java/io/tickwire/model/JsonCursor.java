package io.tickwire.model;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A forward-only JSON reader over a byte array, for the hot-path codecs: on this project's 2-core
 * machines Jackson's tokenizer alone topped out near 1.3 M trade objects per second, below the
 * contract's 1 M/s-with-object-building target. It reads standard JSON (escapes, unicode, nesting
 * for skipped values); anything malformed throws {@link IllegalArgumentException} with the offset.
 * Public for the connectors' own hot paths (reading exchange frames), which have the same need.
 */
public final class JsonCursor {

  private final byte[] in;
  private int pos;

  public JsonCursor(byte[] in) {
    this.in = in;
  }

  /** Consumes {@code {}} and reports whether the object has (another) field. */
  public boolean beginObject() {
    expect('{');
    return !consumeIf('}');
  }

  /** After a value: true when another field follows, false at the object's end. */
  public boolean nextField() {
    skipWhitespace();
    if (consumeIf(',')) {
      return true;
    }
    expect('}');
    return false;
  }

  /** Consumes {@code [} and reports whether the array has (another) item. */
  public boolean beginArray() {
    expect('[');
    return !consumeIf(']');
  }

  /** After an item: true when another item follows, false at the array's end. */
  public boolean nextItem() {
    skipWhitespace();
    if (consumeIf(',')) {
      return true;
    }
    expect(']');
    return false;
  }

  /** Reads a field name and its colon. */
  public String fieldName() {
    String name = string();
    expect(':');
    return name;
  }

  /**
   * Reads a field name and its colon and returns its index in {@code names}, or -1 for a name not
   * in it (or one with escapes), without allocating: field names repeat in every record.
   */
  public int field(Names names) {
    skipWhitespace();
    expect('"');
    int start = pos;
    while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
      pos++;
    }
    if (pos >= in.length) {
      throw error("unterminated string");
    }
    int index = -1;
    if (in[pos] == '\\') {
      pos = start - 1;
      string();
    } else {
      index = names.find(in, start, pos - start);
      pos++;
    }
    expect(':');
    return index;
  }

  /**
   * Reads a string value and returns its index in {@code values} (an enum spelling), without
   * allocating.
   *
   * @throws IllegalArgumentException naming the value when it is not one of them
   */
  public int oneOf(Names values) {
    skipWhitespace();
    int start = pos;
    expect('"');
    int from = pos;
    while (pos < in.length && in[pos] != '"' && in[pos] != '\\') {
      pos++;
    }
    int index = pos < in.length && in[pos] == '"' ? values.find(in, from, pos - from) : -1;
    if (index < 0) {
      pos = start;
      throw error("unexpected value '" + string() + "'");
    }
    pos++;
    return index;
  }

  /**
   * Reads a string value, reusing {@code cache[slot]} when it holds the same text: venue and
   * symbols repeat record after record, so this saves most of their allocations.
   */
  public String string(String[] cache, int slot) {
    skipWhitespace();
    String cached = cache[slot];
    if (cached != null && pos + cached.length() + 1 < in.length && in[pos] == '"') {
      int n = cached.length();
      int from = pos + 1;
      if (in[from + n] == '"') {
        boolean same = true;
        for (int i = 0; i < n; i++) {
          if (in[from + i] != cached.charAt(i)) {
            same = false;
            break;
          }
        }
        if (same) {
          pos = from + n + 1;
          return cached;
        }
      }
    }
    String value = string();
    cache[slot] = value;
    return value;
  }

  /** A fixed set of field names, matched against raw bytes. */
  public static final class Names {
    private final byte[][] names;

    public Names(String... names) {
      this.names = new byte[names.length][];
      for (int i = 0; i < names.length; i++) {
        this.names[i] = names[i].getBytes(StandardCharsets.US_ASCII);
      }
    }

    int find(byte[] buffer, int offset, int length) {
      outer:
      for (int i = 0; i < names.length; i++) {
        byte[] name = names[i];
        if (name.length != length || name[0] != buffer[offset]) {
          continue;
        }
        for (int j = 1; j < length; j++) {
          if (name[j] != buffer[offset + j]) {
            continue outer;
          }
        }
        return i;
      }
      return -1;
    }
  }

  public boolean isNull() {
    skipWhitespace();
    if (pos + 4 <= in.length
        && in[pos] == 'n'
        && in[pos + 1] == 'u'
        && in[pos + 2] == 'l'
        && in[pos + 3] == 'l') {
      pos += 4;
      return true;
    }
    return false;
  }

  public String string() {
    skipWhitespace();
    expect('"');
    int start = pos;
    boolean ascii = true;
    while (pos < in.length) {
      byte b = in[pos];
      if (b == '"') {
        String s =
            new String(
                in,
                start,
                pos - start,
                ascii ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8);
        pos++;
        return s;
      }
      if (b == '\\') {
        return escapedString(start);
      }
      if (b < 0) {
        ascii = false;
      }
      pos++;
    }
    throw error("unterminated string");
  }

  private String escapedString(int start) {
    StringBuilder out =
        new StringBuilder(new String(in, start, pos - start, StandardCharsets.UTF_8));
    int chunk = pos;
    while (pos < in.length) {
      byte b = in[pos];
      if (b == '"') {
        out.append(new String(in, chunk, pos - chunk, StandardCharsets.UTF_8));
        pos++;
        return out.toString();
      }
      if (b != '\\') {
        pos++;
        continue;
      }
      out.append(new String(in, chunk, pos - chunk, StandardCharsets.UTF_8));
      if (pos + 1 >= in.length) {
        break;
      }
      byte e = in[pos + 1];
      pos += 2;
      switch (e) {
        case '"', '\\', '/' -> out.append((char) e);
        case 'b' -> out.append('\b');
        case 'f' -> out.append('\f');
        case 'n' -> out.append('\n');
        case 'r' -> out.append('\r');
        case 't' -> out.append('\t');
        case 'u' -> {
          if (pos + 4 > in.length) {
            throw error("truncated \\u escape");
          }
          try {
            out.append(
                (char) Integer.parseInt(new String(in, pos, 4, StandardCharsets.US_ASCII), 16));
          } catch (NumberFormatException ex) {
            throw error("bad \\u escape");
          }
          pos += 4;
        }
        default -> throw error("bad escape \\" + (char) e);
      }
      chunk = pos;
    }
    throw error("unterminated string");
  }

  public long longValue() {
    skipWhitespace();
    int start = pos;
    boolean negative = consumeIf('-');
    long value = 0;
    int digits = 0;
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      if (digits == 18) {
        return Long.parseLong(number(start));
      }
      value = value * 10 + (in[pos++] - '0');
      digits++;
    }
    if (digits == 0) {
      throw error("expected a number");
    }
    if (pos < in.length && (in[pos] == '.' || in[pos] == 'e' || in[pos] == 'E')) {
      throw error("expected an integer");
    }
    return negative ? -value : value;
  }

  private String number(int start) {
    pos = start;
    consumeIf('-');
    while (pos < in.length && in[pos] >= '0' && in[pos] <= '9') {
      pos++;
    }
    return new String(in, start, pos - start, StandardCharsets.US_ASCII);
  }

  public boolean booleanValue() {
    skipWhitespace();
    if (matches("true")) {
      pos += 4;
      return true;
    }
    if (matches("false")) {
      pos += 5;
      return false;
    }
    throw error("expected true or false");
  }

  /** Reads {@code [["price","quantity"], ...]}; extra entries in a level are skipped. */
  public List<Level> levels() {
    expect('[');
    List<Level> levels = new ArrayList<>();
    if (consumeIf(']')) {
      return levels;
    }
    do {
      expect('[');
      String price = string();
      expect(',');
      String quantity = string();
      while (consumeIf(',')) {
        skipValue();
      }
      expect(']');
      levels.add(new Level(price, quantity));
    } while (consumeIf(','));
    expect(']');
    return levels;
  }

  /** Skips any value: a field a later contract version added. */
  public void skipValue() {
    skipWhitespace();
    if (pos >= in.length) {
      throw error("expected a value");
    }
    switch (in[pos]) {
      case '"' -> string();
      case '{' -> {
        pos++;
        if (!consumeIf('}')) {
          do {
            fieldName();
            skipValue();
          } while (consumeIf(','));
          expect('}');
        }
      }
      case '[' -> {
        pos++;
        if (!consumeIf(']')) {
          do {
            skipValue();
          } while (consumeIf(','));
          expect(']');
        }
      }
      case 't', 'f' -> booleanValue();
      case 'n' -> {
        if (!isNull()) {
          throw error("expected null");
        }
      }
      default -> skipNumber();
    }
  }

  private void skipNumber() {
    int start = pos;
    while (pos < in.length && "+-0123456789.eE".indexOf(in[pos]) >= 0) {
      pos++;
    }
    if (pos == start) {
      throw error("unexpected character '" + (char) in[pos] + "'");
    }
  }

  /** The document must end here (whitespace aside). */
  public void end() {
    skipWhitespace();
    if (pos != in.length) {
      throw error("unexpected content after the object");
    }
  }

  private boolean matches(String literal) {
    if (pos + literal.length() > in.length) {
      return false;
    }
    for (int i = 0; i < literal.length(); i++) {
      if (in[pos + i] != literal.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private void expect(char c) {
    skipWhitespace();
    if (pos >= in.length || in[pos] != c) {
      throw error("expected '" + c + "'");
    }
    pos++;
  }

  private boolean consumeIf(char c) {
    skipWhitespace();
    if (pos < in.length && in[pos] == c) {
      pos++;
      return true;
    }
    return false;
  }

  private void skipWhitespace() {
    while (pos < in.length) {
      byte b = in[pos];
      if (b != ' ' && b != '\n' && b != '\r' && b != '\t') {
        return;
      }
      pos++;
    }
  }

  private IllegalArgumentException error(String what) {
    return new IllegalArgumentException(what + " at offset " + pos);
  }
}
