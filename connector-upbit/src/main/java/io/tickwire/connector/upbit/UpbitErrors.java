package io.tickwire.connector.upbit;

import io.tickwire.connector.rest.VenueException;

/**
 * The one place that maps Upbit's error objects ({@code {"error":{"name":..,"message":..}}}) to the
 * connector-core error family, so {@link io.tickwire.connector.rest.VenueErrors#isRetriable}
 * decides for Upbit as for every venue: a refused request is not retried as is, an authorization
 * failure is fatal until reconfigured, a rate limit waits.
 */
public final class UpbitErrors {

  /** HTTP status Upbit gives a malformed request; carried by {@link VenueException.Rejected}. */
  static final int BAD_REQUEST = 400;

  private UpbitErrors() {}

  public static VenueException of(String name, String message) {
    String text = "Upbit " + name + (message == null || message.isBlank() ? "" : ": " + message);
    if (name == null) {
      return new VenueException(
          "Upbit error without a name" + (message == null ? "" : ": " + message));
    }
    return switch (name) {
      case "INVALID_AUTH", "jwt_verification", "expired_access_key", "no_authorization_ip" ->
          new VenueException.Unauthorized(text);
      case "WRONG_FORMAT",
          "NO_TICKET",
          "NO_TYPE",
          "NO_CODES",
          "INVALID_PARAM",
          "invalid_parameter" ->
          new VenueException.Rejected(text, BAD_REQUEST);
      case "TOO_MANY_REQUEST", "TOO_MANY_REQUESTS", "too_many_requests" ->
          new VenueException.RateLimited(text, null, false);
      default -> new VenueException(text);
    };
  }

  /**
   * How a refused request reads in logs and dead letters: the family member and the venue's text.
   */
  static String describe(VenueException e) {
    return e.getClass().getSimpleName() + ": " + e.getMessage();
  }
}
