package io.tickwire.connector.binance;

import io.tickwire.connector.Frame;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** Golden files of Binance payloads under {@code golden/} next to this class. */
public final class Golden {

  /** The receive time given to every golden frame (epoch µs). */
  public static final long RECEIVED_AT = 1672515782137000L;

  private Golden() {}

  public static byte[] bytes(String name) {
    try (InputStream in = Golden.class.getResourceAsStream("golden/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + name);
      }
      byte[] all = in.readAllBytes();
      int end = all.length;
      while (end > 0 && (all[end - 1] == '\n' || all[end - 1] == '\r')) {
        end--;
      }
      return java.util.Arrays.copyOf(all, end);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A golden frame as received on connection {@code test/1}. */
  public static Frame frame(String name) {
    return new Frame(bytes(name + ".json"), false, RECEIVED_AT, "test/1");
  }
}
