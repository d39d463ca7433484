package io.tickwire.sim;

import java.time.Duration;

/**
 * REST request limits per client IP.
 *
 * @param spotWeight Binance spot request weight per {@code weightWindow} (6000 per minute)
 * @param usdmWeight Binance USD-M request weight per {@code weightWindow} (2400 per minute)
 * @param weightWindow the fixed window weights are counted in (1 minute)
 * @param upbitPerSecond Upbit quotation requests per second (10)
 * @param banAfter requests a client may still send after a 429 in the same window before it is
 *     banned with 418
 * @param banDuration how long a 418 ban lasts (Binance starts at 2 minutes)
 */
public record RestLimits(
    int spotWeight,
    int usdmWeight,
    Duration weightWindow,
    int upbitPerSecond,
    int banAfter,
    Duration banDuration) {

  public static final RestLimits DEFAULT =
      new RestLimits(6000, 2400, Duration.ofMinutes(1), 10, 3, Duration.ofMinutes(2));

  public RestLimits {
    if (spotWeight < 1 || usdmWeight < 1 || upbitPerSecond < 1 || banAfter < 0) {
      throw new IllegalArgumentException("REST limits must be positive");
    }
    if (weightWindow.toMillis() < 1 || banDuration.isNegative()) {
      throw new IllegalArgumentException("REST windows must be positive");
    }
  }
}
