package io.tickwire.connector.pace;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One venue limit category (messages per connection, connection attempts per IP, REST weight) as
 * one or more token buckets that must all agree, e.g. Upbit's 5 per second AND 100 per minute.
 * Every time a caller has to wait, {@code connector.rate.limit.waits} counts it under the limit's
 * name, so an operator sees pacing at work before the venue ever answers 429.
 */
public final class RateLimiter {

  private final String name;
  private final List<TokenBucket> buckets;
  private final LongSupplier nanoTime;
  private final Counter waits;
  private long pausedUntil;

  public RateLimiter(
      String name,
      List<RateWindow> windows,
      LongSupplier nanoTime,
      MeterRegistry meters,
      Tags tags) {
    this.name = name;
    List<TokenBucket> list = new ArrayList<>();
    for (RateWindow window : windows) {
      list.add(window.toBucket(name + " " + window, nanoTime));
    }
    this.buckets = List.copyOf(list);
    this.nanoTime = nanoTime;
    this.pausedUntil = nanoTime.getAsLong();
    this.waits =
        Counter.builder("connector.rate.limit.waits")
            .description("Times a request waited for a venue rate limit")
            .tags(tags.and("limit", name))
            .register(meters);
  }

  /** A limiter that never waits. */
  public static RateLimiter unlimited(String name, MeterRegistry meters, Tags tags) {
    return new RateLimiter(name, List.of(), System::nanoTime, meters, tags);
  }

  public String name() {
    return name;
  }

  /**
   * Takes the permits from every bucket, or from none.
   *
   * @return 0 when acquired, otherwise the nanoseconds to wait before trying again (the wait is
   *     counted)
   */
  public synchronized long tryAcquire(double requested) {
    // a request larger than a bucket can ever hold takes the whole bucket instead of starving
    double permits = Math.min(requested, maxPermits());
    long wait = Math.max(0, pausedUntil - nanoTime.getAsLong());
    for (TokenBucket bucket : buckets) {
      wait = Math.max(wait, bucket.nanosUntil(permits));
    }
    if (wait > 0) {
      waits.increment();
      return wait;
    }
    for (TokenBucket bucket : buckets) {
      if (!bucket.tryAcquire(permits)) {
        // cannot happen while we hold the lock, but never hand out permits we do not have
        waits.increment();
        return Math.max(1, bucket.nanosUntil(permits));
      }
    }
    return 0;
  }

  /** Takes the permits now, going into debt if needed (pongs, keep-alives). */
  public synchronized void forceAcquire(double permits) {
    buckets.forEach(b -> b.forceAcquire(permits));
  }

  /** Refuses everything for this long: the venue answered 429/418 with Retry-After. */
  public synchronized void pause(Duration duration) {
    long until = nanoTime.getAsLong() + duration.toNanos();
    if (until - pausedUntil > 0) {
      pausedUntil = until;
    }
  }

  /** The largest single request the limiter can ever grant. */
  public double maxPermits() {
    return buckets.stream().mapToDouble(TokenBucket::capacity).min().orElse(Double.MAX_VALUE);
  }

  public double waitsCounted() {
    return waits.count();
  }

  @Override
  public String toString() {
    return name + buckets;
  }
}
