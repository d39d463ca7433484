package io.tickwire.sim.upbit;

import io.tickwire.sim.server.StreamMessage;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One Upbit message built once with both key sets, so it can be sent in DEFAULT form ({@code
 * "trade_price"}) or SIMPLE form ({@code "tp"}) to whoever asked for which. Each rendering is made
 * on first use and shared.
 */
public final class UpbitMessage implements StreamMessage {

  private final String stream;
  private final String symbol;
  private final List<String[]> fields;
  private volatile byte[] full;
  private volatile byte[] simple;

  private UpbitMessage(String stream, String symbol, List<String[]> fields) {
    this.stream = stream;
    this.symbol = symbol;
    this.fields = fields;
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public String symbol() {
    return symbol;
  }

  public byte[] bytes(boolean simpleKeys) {
    if (simpleKeys) {
      byte[] s = simple;
      if (s == null) {
        s = render(true);
        simple = s;
      }
      return s;
    }
    byte[] f = full;
    if (f == null) {
      f = render(false);
      full = f;
    }
    return f;
  }

  private byte[] render(boolean simpleKeys) {
    return object(fields, simpleKeys).getBytes(StandardCharsets.UTF_8);
  }

  static String object(List<String[]> fields, boolean simpleKeys) {
    StringBuilder b = new StringBuilder(512).append('{');
    for (int i = 0; i < fields.size(); i++) {
      String[] f = fields.get(i);
      if (i > 0) {
        b.append(',');
      }
      b.append('"').append(simpleKeys ? f[1] : f[0]).append("\":").append(simpleKeys ? f[3] : f[2]);
    }
    return b.append('}').toString();
  }

  /** Collects fields: DEFAULT key, SIMPLE key, and the value for each form. */
  public static final class Builder {
    private final String stream;
    private final String symbol;
    private final List<String[]> fields = new ArrayList<>(32);

    public Builder(String stream, String symbol) {
      this.stream = stream;
      this.symbol = symbol;
    }

    /** A field whose value is the same JSON in both forms. */
    public Builder raw(String key, String shortKey, String json) {
      fields.add(new String[] {key, shortKey, json, json});
      return this;
    }

    /** A field whose value differs by form (nested objects with their own short keys). */
    public Builder raw(String key, String shortKey, String json, String simpleJson) {
      fields.add(new String[] {key, shortKey, json, simpleJson});
      return this;
    }

    public Builder str(String key, String shortKey, String value) {
      return raw(key, shortKey, value == null ? "null" : io.tickwire.sim.json.Json.quote(value));
    }

    public Builder num(String key, String shortKey, long value) {
      return raw(key, shortKey, Long.toString(value));
    }

    public List<String[]> fields() {
      return fields;
    }

    public UpbitMessage build() {
      return new UpbitMessage(stream, symbol, List.copyOf(fields));
    }
  }
}
