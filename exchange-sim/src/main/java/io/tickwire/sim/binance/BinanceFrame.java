package io.tickwire.sim.binance;

import io.tickwire.sim.server.StreamMessage;
import java.nio.charset.StandardCharsets;

/**
 * One stream event encoded once: the raw payload, and (built on first use, shared by every
 * combined-stream subscriber) the {@code {"stream":..,"data":..}} wrapper.
 */
public final class BinanceFrame implements StreamMessage {

  private final String stream;
  private final String symbol;
  private final byte[] raw;
  private final boolean depthDiff;
  private volatile byte[] combined;

  public BinanceFrame(String stream, String symbol, byte[] raw, boolean depthDiff) {
    this.stream = stream;
    this.symbol = symbol;
    this.raw = raw;
    this.depthDiff = depthDiff;
  }

  @Override
  public String stream() {
    return stream;
  }

  @Override
  public String symbol() {
    return symbol;
  }

  @Override
  public boolean depthDiff() {
    return depthDiff;
  }

  public byte[] raw() {
    return raw;
  }

  public byte[] combined() {
    byte[] c = combined;
    if (c == null) {
      c = wrap(stream, raw);
      combined = c;
    }
    return c;
  }

  /** {@code {"stream":"<name>","data":<payload>}}. */
  public static byte[] wrap(String stream, byte[] payload) {
    byte[] head = ("{\"stream\":\"" + stream + "\",\"data\":").getBytes(StandardCharsets.UTF_8);
    byte[] out = new byte[head.length + payload.length + 1];
    System.arraycopy(head, 0, out, 0, head.length);
    System.arraycopy(payload, 0, out, head.length, payload.length);
    out[out.length - 1] = '}';
    return out;
  }
}
