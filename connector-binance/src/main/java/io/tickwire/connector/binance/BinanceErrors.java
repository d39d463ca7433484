package io.tickwire.connector.binance;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.rest.RestClient;
import io.tickwire.connector.rest.VenueErrors;
import io.tickwire.connector.rest.VenueException;
import io.tickwire.model.Json;
import java.time.Duration;

/**
 * The one place Binance's error answers become the connector's error family (XChange's {@code
 * BinanceErrorAdapter} idea), so retry decisions stay in {@link VenueErrors}:
 *
 * <ul>
 *   <li>REST: the HTTP status first (429 limited, 418 banned, 5xx unavailable), refined by the
 *       {@code {"code":-1003,"msg":".."}} body: {@code -1003}/{@code -1015} too many requests;
 *       {@code -1000}/{@code -1001}/{@code -1006}/{@code -1007}/{@code -1008} the venue's own
 *       trouble, worth retrying; {@code -1002}/{@code -1022}/{@code -2014}/{@code -2015} keys; and
 *       a 403, which Binance uses for its web application firewall limit, not for credentials.
 *   <li>WebSocket: the control error codes 0 (unknown property), 1 (invalid value type), 2 (invalid
 *       request) and 3 (invalid JSON); all are refusals of what we sent.
 * </ul>
 */
public final class BinanceErrors {

  /** Used when a firewall 403 says nothing about how long to wait. */
  static final Duration FIREWALL_PAUSE = Duration.ofMinutes(1);

  /** The REST error mapper for {@link RestClient#get(String, RestClient.ErrorMapper)}. */
  public static final RestClient.ErrorMapper REST = BinanceErrors::fromRest;

  private BinanceErrors() {}

  /** A non-2xx REST answer as the error family. */
  public static VenueException fromRest(String what, int status, String retryAfter, byte[] body) {
    VenueException byStatus = RestClient.BY_STATUS.map(what, status, retryAfter, body);
    Integer code = errorCode(body);
    String message = byStatus.getMessage();
    Duration wait = VenueErrors.parseRetryAfter(retryAfter).orElse(null);
    if (status == 403) {
      return new VenueException.RateLimited(
          message + " (web application firewall limit)",
          wait == null ? FIREWALL_PAUSE : wait,
          false);
    }
    if (code == null || status == 429 || status == 418) {
      return byStatus;
    }
    return switch (code) {
      case -1003, -1015 -> new VenueException.RateLimited(message, wait, false);
      case -1000, -1001, -1006, -1007, -1008 -> new VenueException.Unavailable(message);
      case -1002, -1022, -2014, -2015 -> new VenueException.Unauthorized(message);
      default -> byStatus;
    };
  }

  /**
   * The text of a WebSocket error frame for logs and dead letters: {@code code 2 (invalid request):
   * Invalid request: unknown method}.
   */
  public static String describeWebSocketError(Integer code, String message) {
    String kind =
        code == null
            ? "error"
            : switch (code) {
              case 0 -> "unknown property";
              case 1 -> "invalid value type";
              case 2 -> "invalid request";
              case 3 -> "invalid JSON";
              default -> "error";
            };
    return "code " + code + " (" + kind + "): " + (message == null ? "no message" : message);
  }

  /** A WebSocket error frame as the error family: always a refusal of what we sent. */
  public static VenueException fromWebSocket(Integer code, String message) {
    return new VenueException.Rejected(describeWebSocketError(code, message), 400);
  }

  private static Integer errorCode(byte[] body) {
    if (body == null || body.length == 0 || body[0] != '{') {
      return null;
    }
    try {
      JsonNode code = Json.mapper().readTree(body).get("code");
      return code != null && code.isIntegralNumber() ? code.asInt() : null;
    } catch (java.io.IOException | RuntimeException notJson) {
      return null;
    }
  }
}
