package io.tickwire.sim.server;

/**
 * A sliding-window counter: at most {@code limit} events within {@code windowNanos}. Not
 * thread-safe; each owner uses it from one thread (a connection's event loop) or synchronizes.
 */
public final class RateWindow {

  private final long[] times;
  private final long windowNanos;
  private int next;
  private int count;

  public RateWindow(int limit, long windowNanos) {
    this.times = new long[Math.max(1, limit)];
    this.windowNanos = windowNanos;
  }

  /** Records an event at {@code now}; false when it exceeds the limit (it is not recorded). */
  public boolean tryAcquire(long now) {
    if (count == times.length) {
      long oldest = times[next];
      if (now - oldest < windowNanos) {
        return false;
      }
      count--;
    }
    times[next] = now;
    next = (next + 1) % times.length;
    count++;
    return true;
  }
}
