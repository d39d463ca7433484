package io.tickwire.sim.server;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * REST request weight per client IP in fixed windows (a 1-minute window starts every minute, as
 * Binance counts; Upbit counts per second). Over the limit a request gets 429 with {@code
 * Retry-After}; a client that keeps sending after that is banned with 418 for a while.
 */
public final class WindowLimiter {

  /** The verdict on one request. */
  public record Verdict(int status, long used, long retryAfterSeconds, long bannedUntil) {
    public boolean allowed() {
      return status == 200;
    }
  }

  private static final class State {
    long windowStart;
    long used;
    int violations;
    long bannedUntil;
  }

  private final int limit;
  private final long window;
  private final int banAfter;
  private final long banMillis;
  private final Map<String, State> byIp = new ConcurrentHashMap<>();

  public WindowLimiter(int limit, Duration window, int banAfter, Duration ban) {
    this.limit = limit;
    this.window = window.toMillis();
    this.banAfter = banAfter;
    this.banMillis = ban.toMillis();
  }

  public Verdict charge(String ip, int weight) {
    State s = byIp.computeIfAbsent(ip, k -> new State());
    synchronized (s) {
      long now = System.currentTimeMillis();
      long start = Math.floorDiv(now, window) * window;
      if (start != s.windowStart) {
        s.windowStart = start;
        s.used = 0;
        s.violations = 0;
      }
      if (now < s.bannedUntil) {
        return new Verdict(418, s.used, seconds(s.bannedUntil - now), s.bannedUntil);
      }
      if (s.used + weight > limit) {
        if (++s.violations > banAfter) {
          s.bannedUntil = now + banMillis;
          return new Verdict(418, s.used, seconds(banMillis), s.bannedUntil);
        }
        return new Verdict(429, s.used, seconds(start + window - now), 0);
      }
      s.used += weight;
      return new Verdict(200, s.used, 0, 0);
    }
  }

  private static long seconds(long millis) {
    return Math.max(1, (millis + 999) / 1000);
  }

  /** Binance's {@code X-MBX-USED-WEIGHT-1M} header name for this window. */
  public String header() {
    return "X-MBX-USED-WEIGHT-" + intervalNum() + intervalLetter();
  }

  public int limit() {
    return limit;
  }

  public long intervalNum() {
    if (window % 86_400_000 == 0) {
      return window / 86_400_000;
    }
    if (window % 3_600_000 == 0) {
      return window / 3_600_000;
    }
    if (window % 60_000 == 0) {
      return window / 60_000;
    }
    return Math.max(1, window / 1000);
  }

  public String intervalLetter() {
    if (window % 86_400_000 == 0) {
      return "D";
    }
    if (window % 3_600_000 == 0) {
      return "H";
    }
    return window % 60_000 == 0 ? "M" : "S";
  }

  public String intervalName() {
    return switch (intervalLetter()) {
      case "D" -> "DAY";
      case "H" -> "HOUR";
      case "M" -> "MINUTE";
      default -> "SECOND";
    };
  }
}
