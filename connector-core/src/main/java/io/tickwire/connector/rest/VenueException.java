package io.tickwire.connector.rest;

/**
 * The small family every venue error maps to (REST status codes, WebSocket upgrade refusals, error
 * frames), so retry decisions live in one place: {@link VenueErrors}.
 */
public class VenueException extends RuntimeException {

  public VenueException(String message) {
    super(message);
  }

  public VenueException(String message, Throwable cause) {
    super(message, cause);
  }

  /** The venue limits us (HTTP 429) or has banned this IP for a while (HTTP 418). */
  public static final class RateLimited extends VenueException {
    private final java.time.Duration retryAfter;
    private final boolean banned;

    public RateLimited(String message, java.time.Duration retryAfter, boolean banned) {
      super(message);
      this.retryAfter = retryAfter;
      this.banned = banned;
    }

    /** How long the venue asked us to wait; null when it did not say. */
    public java.time.Duration retryAfter() {
      return retryAfter;
    }

    public boolean banned() {
      return banned;
    }
  }

  /** The venue is down, overloaded or restarting (5xx, 503 maintenance): try again later. */
  public static final class Unavailable extends VenueException {
    public Unavailable(String message) {
      super(message);
    }
  }

  /** The venue refused the request itself (4xx other than 429/418): retrying will not help. */
  public static final class Rejected extends VenueException {
    private final int status;

    public Rejected(String message, int status) {
      super(message);
      this.status = status;
    }

    public int status() {
      return status;
    }
  }

  /** Credentials missing, wrong or lacking permission (401/403): fatal until reconfigured. */
  public static final class Unauthorized extends VenueException {
    public Unauthorized(String message) {
      super(message);
    }
  }
}
