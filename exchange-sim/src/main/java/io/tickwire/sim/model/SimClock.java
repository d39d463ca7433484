package io.tickwire.sim.model;

/**
 * The simulated market's clock: epoch milliseconds that run {@code timeScale} times faster than the
 * wall clock from a start instant, or stand still until the model is advanced by hand.
 * Connection-level timers (pings, lifetimes, limits) use the wall clock, not this one.
 */
public final class SimClock {

  private final long start;
  private final double scale;
  private final boolean automatic;
  private final long startNanos = System.nanoTime();
  private volatile long manualNow;

  public SimClock(long start, double scale, boolean automatic) {
    this.start = start;
    this.scale = scale;
    this.automatic = automatic;
    this.manualNow = start;
  }

  /** Current simulated time, epoch ms. */
  public long now() {
    if (!automatic) {
      return manualNow;
    }
    return start + (long) ((System.nanoTime() - startNanos) / 1_000_000.0 * scale);
  }

  public double scale() {
    return scale;
  }

  public boolean automatic() {
    return automatic;
  }

  void set(long now) {
    manualNow = now;
  }
}
