package io.tickwire.connector.ws;

import java.time.Duration;
import java.util.Locale;

/**
 * Why a session ended, reported exactly once per session: it never opened (connect failure,
 * timeout, upgrade refused with an HTTP status), or it opened and then closed (the venue closed it,
 * the TCP connection dropped, nothing arrived for the idle timeout, or we closed it).
 *
 * @param code the HTTP status of a refused upgrade, or the WebSocket close code, or 0
 * @param retryAfter the wait a 429/418 upgrade answer asked for, or null
 */
public record CloseReason(
    Kind kind, int code, String detail, Throwable error, Duration retryAfter) {

  public enum Kind {
    CONNECT_FAILED,
    CONNECT_TIMEOUT,
    REJECTED,
    REMOTE_CLOSED,
    CONNECTION_LOST,
    IDLE,
    LOCAL
  }

  public static CloseReason of(Kind kind, String detail) {
    return new CloseReason(kind, 0, detail, null, null);
  }

  public static CloseReason failed(Kind kind, Throwable error) {
    return new CloseReason(kind, 0, String.valueOf(error.getMessage()), error, null);
  }

  /** True when the session had opened before it ended. */
  public boolean afterOpen() {
    return kind == Kind.REMOTE_CLOSED
        || kind == Kind.CONNECTION_LOST
        || kind == Kind.IDLE
        || kind == Kind.LOCAL;
  }

  /** A metric tag: {@code connection_lost}, {@code idle}, {@code rejected_429}, ... */
  public String cause() {
    String base = kind.name().toLowerCase(Locale.ROOT);
    return kind == Kind.REJECTED ? base + "_" + code : base;
  }

  @Override
  public String toString() {
    return cause() + (detail == null || detail.isEmpty() ? "" : " (" + detail + ")");
  }
}
