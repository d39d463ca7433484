package io.tickwire.connector.upbit;

import io.tickwire.connector.Frame;
import io.tickwire.model.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Golden files under {@code src/test/resources/io/tickwire/connector/upbit/}. */
final class Golden {

  /** The receive time every golden event carries. */
  static final long RECEIVED_AT = 1_700_000_000_000_000L;

  private Golden() {}

  static byte[] bytes(String path) {
    try (InputStream in = Golden.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalArgumentException("no golden file " + path);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A venue payload in {@code format} ({@code default} or {@code simple}) as a binary frame. */
  static Frame frame(String format, String name) {
    return new Frame(bytes("wire/" + format + "/" + name + ".json"), true, RECEIVED_AT, "test/1.1");
  }

  static Frame text(String json) {
    return new Frame(json.getBytes(StandardCharsets.UTF_8), false, RECEIVED_AT, "test/1.1");
  }

  /** The normalized event a payload must map to, as a JSON tree. */
  static com.fasterxml.jackson.databind.JsonNode event(String name) {
    try {
      return Json.mapper().readTree(bytes("events/" + name + ".json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
