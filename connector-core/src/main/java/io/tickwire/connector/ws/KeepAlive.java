package io.tickwire.connector.ws;

/**
 * What a client must send by itself to keep a venue connection alive: nothing (Binance pings us and
 * we answer), a text message (Upbit's {@code PING}, answered {@code {"status":"UP"}}), or WebSocket
 * ping frames. The interval comes from settings.
 */
public record KeepAlive(Kind kind, String text) {

  public enum Kind {
    NONE,
    TEXT,
    PING_FRAME
  }

  public static KeepAlive none() {
    return new KeepAlive(Kind.NONE, null);
  }

  public static KeepAlive text(String message) {
    return new KeepAlive(Kind.TEXT, message);
  }

  public static KeepAlive pingFrames() {
    return new KeepAlive(Kind.PING_FRAME, null);
  }
}
