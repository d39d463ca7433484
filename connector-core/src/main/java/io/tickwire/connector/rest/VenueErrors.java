package io.tickwire.connector.rest;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.TimeoutException;

/**
 * Maps HTTP answers to {@link VenueException}s and decides, by walking the cause chain, whether a
 * failure is worth retrying and how long the venue asked us to wait (Debezium's ErrorHandler idea:
 * one place, one test).
 */
public final class VenueErrors {

  /** Used when a 418 ban carries no Retry-After: the venue said "stop", so stop for a while. */
  public static final Duration BAN_WITHOUT_RETRY_AFTER = Duration.ofMinutes(2);

  private VenueErrors() {}

  /**
   * The exception for a non-2xx answer (never null for such a status).
   *
   * @param what what was requested, for the message (never contains credentials)
   * @param retryAfterHeader the Retry-After header value, or null
   */
  public static VenueException fromHttp(
      String what, int status, String retryAfterHeader, String bodyExcerpt) {
    String message =
        what + " answered HTTP " + status + (bodyExcerpt == null ? "" : ": " + bodyExcerpt);
    Duration retryAfter = parseRetryAfter(retryAfterHeader).orElse(null);
    return switch (status) {
      case 429 -> new VenueException.RateLimited(message, retryAfter, false);
      case 418 ->
          new VenueException.RateLimited(
              message, retryAfter == null ? BAN_WITHOUT_RETRY_AFTER : retryAfter, true);
      case 401, 403 -> new VenueException.Unauthorized(message);
      default ->
          status >= 500
              ? new VenueException.Unavailable(message)
              : new VenueException.Rejected(message, status);
    };
  }

  /** Retry-After as delta-seconds or an HTTP date; empty when absent or unreadable. */
  public static Optional<Duration> parseRetryAfter(String value) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String v = value.trim();
    try {
      long seconds = Long.parseLong(v);
      return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration wait = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }

  /**
   * True when trying again later can succeed: rate limits, unavailability, timeouts and I/O errors
   * anywhere in the cause chain, and no refusal or authorization failure before them.
   */
  public static boolean isRetriable(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VenueException.Rejected || t instanceof VenueException.Unauthorized) {
        return false;
      }
      if (t instanceof VenueException.RateLimited
          || t instanceof VenueException.Unavailable
          || t instanceof HttpTimeoutException
          || t instanceof TimeoutException
          || t instanceof IOException) {
        return true;
      }
    }
    return false;
  }

  /** The wait a rate-limit answer asked for, anywhere in the cause chain. */
  public static Optional<Duration> retryAfter(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VenueException.RateLimited limited) {
        return Optional.ofNullable(limited.retryAfter());
      }
    }
    return Optional.empty();
  }

  /** The first rate-limit answer in the cause chain. */
  public static Optional<VenueException.RateLimited> rateLimited(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (t instanceof VenueException.RateLimited limited) {
        return Optional.of(limited);
      }
    }
    return Optional.empty();
  }
}
