package io.tickwire.connector.pace;

import java.util.function.LongSupplier;

/**
 * A thread-safe token bucket: {@code capacity} tokens at most, refilled continuously at {@code
 * refillPerSecond}. {@link #forceAcquire} may drive it below zero for messages that cannot wait (a
 * pong owed to the venue), so what follows waits longer and the total stays within the limit. Time
 * comes from a {@code nanoTime} supplier so tests drive it without sleeping.
 */
public final class TokenBucket {

  private final String name;
  private final double capacity;
  private final double refillPerNano;
  private final LongSupplier nanoTime;
  private double tokens;
  private long refilledAt;

  public TokenBucket(String name, double capacity, double refillPerSecond, LongSupplier nanoTime) {
    if (capacity < 1 || refillPerSecond < 0) {
      throw new IllegalArgumentException(
          "bucket " + name + " needs capacity >= 1 and a non-negative refill rate");
    }
    this.name = name;
    this.capacity = capacity;
    this.refillPerNano = refillPerSecond / 1e9;
    this.nanoTime = nanoTime;
    this.tokens = capacity;
    this.refilledAt = nanoTime.getAsLong();
  }

  public String name() {
    return name;
  }

  public double capacity() {
    return capacity;
  }

  /** Takes the permits when they are all there; otherwise takes nothing. */
  public synchronized boolean tryAcquire(double permits) {
    refill();
    if (tokens < permits) {
      return false;
    }
    tokens -= permits;
    return true;
  }

  /** Takes the permits even if that leaves the bucket in debt. */
  public synchronized void forceAcquire(double permits) {
    refill();
    tokens -= permits;
  }

  /** Nanoseconds until {@link #tryAcquire} of these permits can succeed; 0 when it can now. */
  public synchronized long nanosUntil(double permits) {
    refill();
    double missing = Math.min(permits, capacity) - tokens;
    if (missing <= 0) {
      return 0;
    }
    return refillPerNano == 0 ? Long.MAX_VALUE / 4 : (long) Math.ceil(missing / refillPerNano);
  }

  public synchronized double available() {
    refill();
    return tokens;
  }

  private long refill() {
    long now = nanoTime.getAsLong();
    long elapsed = now - refilledAt;
    if (elapsed > 0) {
      tokens = Math.min(capacity, tokens + elapsed * refillPerNano);
      refilledAt = now;
    }
    return now;
  }

  @Override
  public String toString() {
    return name;
  }
}
