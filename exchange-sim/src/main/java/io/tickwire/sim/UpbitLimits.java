package io.tickwire.sim;

import java.time.Duration;

/**
 * Upbit WebSocket limits.
 *
 * @param idleTimeout a connection with no traffic for this long is closed (about 120 s)
 * @param idleCountsOutbound whether data the server sends keeps a connection alive too (the live
 *     venue's exact rule is unverified: false means only what the client sends counts)
 * @param requestsPerSecond data requests per second per connection
 * @param requestsPerMinute data requests per minute per connection
 * @param connectionsPerSecond connection requests per second per IP (HTTP 429 above, 418 when
 *     repeated)
 */
public record UpbitLimits(
    Duration idleTimeout,
    boolean idleCountsOutbound,
    int requestsPerSecond,
    int requestsPerMinute,
    int connectionsPerSecond) {

  public static final UpbitLimits DEFAULT =
      new UpbitLimits(Duration.ofSeconds(120), false, 5, 100, 5);

  public UpbitLimits {
    if (idleTimeout.isNegative() || idleTimeout.isZero()) {
      throw new IllegalArgumentException("idleTimeout must be positive");
    }
    if (requestsPerSecond < 1 || requestsPerMinute < 1 || connectionsPerSecond < 1) {
      throw new IllegalArgumentException("Upbit limits must be positive");
    }
  }
}
