package io.tickwire.kit;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with full jitter (AWS architecture blog, "Exponential Backoff and Jitter"):
 * the n-th wait is uniform in [0, min(cap, base * 2^n)], so many clients that failed together do
 * not retry together. Not thread-safe: one per retrying loop.
 */
public final class Backoff {

  private final long baseMillis;
  private final long capMillis;
  private int attempt;

  public Backoff(Duration base, Duration cap) {
    if (base.isNegative() || base.isZero() || cap.compareTo(base) < 0) {
      throw new IllegalArgumentException("need 0 < base <= cap, got " + base + " and " + cap);
    }
    this.baseMillis = base.toMillis();
    this.capMillis = cap.toMillis();
  }

  /** The next wait; each call doubles the ceiling up to the cap. */
  public Duration next() {
    long ceiling = ceilingMillis(attempt);
    attempt = Math.min(attempt + 1, 62);
    return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling + 1));
  }

  /** The largest wait the next call can return. */
  public Duration ceiling() {
    return Duration.ofMillis(ceilingMillis(attempt));
  }

  public int attempts() {
    return attempt;
  }

  /** Call after a success so the next failure starts small again. */
  public void reset() {
    attempt = 0;
  }

  private long ceilingMillis(int n) {
    if (n >= 62 || baseMillis > (capMillis >> Math.min(n, 62))) {
      return capMillis;
    }
    return Math.min(capMillis, baseMillis << n);
  }
}
