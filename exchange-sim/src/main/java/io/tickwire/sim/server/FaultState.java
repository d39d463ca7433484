package io.tickwire.sim.server;

import io.tickwire.model.Venue;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Server-wide faults that are not tied to one connection: refusing connections, extra latency for
 * everything, REST error responses, and per-stream or per-symbol damage to the next messages.
 * Thread-safe; read on every hot path, so reads are cheap volatile loads.
 */
public final class FaultState {

  /** Answers the next {@code remaining} REST requests of a venue with an error status. */
  public record RestError(int status, Duration retryAfter, AtomicInteger remaining) {}

  private volatile long refuseUntilNanos;
  private volatile long latencyNanos;
  private final Map<Venue, RestError> restErrors = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> droppedDepth = new ConcurrentHashMap<>();
  private final Map<String, AtomicInteger> malformedStreams = new ConcurrentHashMap<>();

  public boolean refusing() {
    long until = refuseUntilNanos;
    return until != 0 && System.nanoTime() < until;
  }

  public void refuseFor(Duration duration) {
    refuseUntilNanos = System.nanoTime() + duration.toNanos();
  }

  public long latencyNanos() {
    return latencyNanos;
  }

  public void latency(Duration extra) {
    latencyNanos = extra.toNanos();
  }

  public void restErrors(Venue venue, int status, int count, Duration retryAfter) {
    restErrors.put(venue, new RestError(status, retryAfter, new AtomicInteger(count)));
  }

  /** The error to answer this REST request with, if one is pending for the venue. */
  public RestError takeRestError(Venue venue) {
    RestError e = restErrors.get(venue);
    if (e == null || e.remaining().getAndDecrement() <= 0) {
      restErrors.remove(venue, e);
      return null;
    }
    return e;
  }

  /** The next {@code count} diff-depth events of an instrument are not sent to anyone. */
  public void dropDepth(Venue venue, String symbol, int count) {
    droppedDepth
        .computeIfAbsent(venue.id() + ":" + symbol, k -> new AtomicInteger())
        .addAndGet(count);
  }

  public boolean takeDroppedDepth(Venue venue, String symbol) {
    return take(droppedDepth, venue.id() + ":" + symbol);
  }

  /** The next {@code count} messages of a stream go out malformed to every subscriber. */
  public void malformed(Venue venue, String stream, int count) {
    malformedStreams
        .computeIfAbsent(venue.id() + "|" + stream, k -> new AtomicInteger())
        .addAndGet(count);
  }

  public boolean takeMalformed(Venue venue, String stream) {
    return !malformedStreams.isEmpty() && take(malformedStreams, venue.id() + "|" + stream);
  }

  private static boolean take(Map<String, AtomicInteger> counters, String key) {
    AtomicInteger c = counters.get(key);
    return c != null && c.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
  }

  public void clear() {
    refuseUntilNanos = 0;
    latencyNanos = 0;
    restErrors.clear();
    droppedDepth.clear();
    malformedStreams.clear();
  }
}
