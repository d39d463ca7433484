package io.tickwire.connector.testing;

import java.nio.charset.StandardCharsets;

/** One frame a client sent to the {@link ScriptedWsServer}, with when it arrived. */
public record ClientMessage(Kind kind, byte[] payload, long atNanos) {

  public enum Kind {
    TEXT,
    BINARY,
    PING,
    PONG,
    CLOSE
  }

  public String text() {
    return new String(payload, StandardCharsets.UTF_8);
  }

  /** Messages that count against a venue's per-connection limit (everything but close). */
  public boolean counted() {
    return kind != Kind.CLOSE;
  }
}
