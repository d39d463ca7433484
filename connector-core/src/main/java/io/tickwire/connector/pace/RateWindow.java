package io.tickwire.connector.pace;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A venue limit of the form "at most {@code count} per {@code window}", written {@code 300/5m},
 * {@code 5/1s} or {@code 6000/1m} in settings.
 */
public record RateWindow(int count, Duration window) {

  private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*/\\s*(\\d+)(ms|s|m|h)\\s*");

  public RateWindow {
    if (count < 1) {
      throw new IllegalArgumentException("a rate limit needs a count of at least 1, got " + count);
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("a rate limit needs a positive window, got " + window);
    }
  }

  /**
   * Parses {@code <count>/<n><unit>}, unit one of ms, s, m, h.
   *
   * @throws IllegalArgumentException naming the text and the expected form
   */
  public static RateWindow parse(String text) {
    Matcher m = FORM.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a rate limit such as 5/1s, 300/5m or 6000/1m");
    }
    long amount = Long.parseLong(m.group(2));
    Duration window =
        switch (m.group(3)) {
          case "ms" -> Duration.ofMillis(amount);
          case "s" -> Duration.ofSeconds(amount);
          case "m" -> Duration.ofMinutes(amount);
          default -> Duration.ofHours(amount);
        };
    return new RateWindow(Integer.parseInt(m.group(1)), window);
  }

  /** Parses a list such as {@code 5/1s,100/1m}; an empty list means no limit. */
  public static List<RateWindow> parseAll(List<String> texts) {
    List<RateWindow> windows = new ArrayList<>();
    texts.forEach(t -> windows.add(parse(t)));
    return List.copyOf(windows);
  }

  /**
   * A token bucket that can never let more than {@code count} through in ANY interval of length
   * {@code window}: its burst plus what it refills over one window equals the count. A plain bucket
   * of capacity {@code count} refilling {@code count} per window would allow twice the count across
   * a window boundary, which is exactly what gets a client banned.
   */
  public TokenBucket toBucket(String name, java.util.function.LongSupplier nanoTime) {
    int burst = Math.max(1, count / 5);
    double perSecond = (count - burst) / (window.toNanos() / 1e9);
    return new TokenBucket(name, burst, perSecond, nanoTime);
  }

  @Override
  public String toString() {
    return count + "/" + window;
  }
}
