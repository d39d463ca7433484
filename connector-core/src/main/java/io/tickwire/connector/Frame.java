package io.tickwire.connector;

import java.nio.charset.StandardCharsets;

/**
 * One message as it arrived from a venue: the exact bytes (published unchanged to {@code
 * raw.<venue>.v1}), whether it came as a binary frame (Upbit sends UTF-8 JSON in binary frames),
 * when it arrived and on which connection.
 *
 * @param receivedAt epoch microseconds
 */
public record Frame(byte[] payload, boolean binary, long receivedAt, String connectionId) {

  /** The payload as UTF-8 text. */
  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Epoch milliseconds of {@link #receivedAt}. */
  public long receivedAtMillis() {
    return receivedAt / 1_000;
  }
}
