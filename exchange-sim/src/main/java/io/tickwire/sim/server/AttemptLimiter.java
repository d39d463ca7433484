package io.tickwire.sim.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Connection attempts per client IP in a sliding window (Binance: 300 per 5 minutes). */
public final class AttemptLimiter {

  private final int limit;
  private final long windowNanos;
  private final Map<String, RateWindow> byIp = new ConcurrentHashMap<>();

  public AttemptLimiter(int limit, Duration window) {
    this.limit = limit;
    this.windowNanos = window.toNanos();
  }

  /** Records an attempt; false when the IP is over its limit. */
  public boolean tryAttempt(String ip) {
    RateWindow w = byIp.computeIfAbsent(ip, k -> new RateWindow(limit, windowNanos));
    synchronized (w) {
      return w.tryAcquire(System.nanoTime());
    }
  }
}
