package io.tickwire.sim;

import java.time.Duration;

/**
 * The limits and timers of one kind of WebSocket endpoint.
 *
 * @param messagesPerSecond incoming messages (text, ping and pong frames) allowed per second per
 *     connection before it is disconnected; 0 for no limit
 * @param maxStreams streams one connection may subscribe to
 * @param pingInterval how often the server pings; {@link Duration#ZERO} for never
 * @param pongTimeout how long a ping may stay unanswered before the server disconnects
 * @param maxLifetime when the server closes a connection regardless
 * @param connectionAttempts connection attempts per IP allowed within {@code attemptWindow}
 * @param attemptWindow the sliding window for {@code connectionAttempts}
 */
public record WsLimits(
    int messagesPerSecond,
    int maxStreams,
    Duration pingInterval,
    Duration pongTimeout,
    Duration maxLifetime,
    int connectionAttempts,
    Duration attemptWindow) {

  /** Binance spot market streams and WebSocket API (2026 documentation). */
  public static final WsLimits BINANCE_SPOT =
      new WsLimits(
          5,
          1024,
          Duration.ofSeconds(20),
          Duration.ofMinutes(1),
          Duration.ofHours(24),
          300,
          Duration.ofMinutes(5));

  /** Binance USD-M futures streams (values of the pre-split page; unverified since the split). */
  public static final WsLimits BINANCE_USDM =
      new WsLimits(
          10,
          1024,
          Duration.ofMinutes(3),
          Duration.ofMinutes(10),
          Duration.ofHours(24),
          300,
          Duration.ofMinutes(5));

  public WsLimits {
    if (messagesPerSecond < 0 || maxStreams < 1 || connectionAttempts < 1) {
      throw new IllegalArgumentException("limits must be positive");
    }
    if (pingInterval.isNegative() || pongTimeout.isNegative() || maxLifetime.isNegative()) {
      throw new IllegalArgumentException("durations must not be negative");
    }
  }

  public WsLimits withMessagesPerSecond(int n) {
    return new WsLimits(
        n, maxStreams, pingInterval, pongTimeout, maxLifetime, connectionAttempts, attemptWindow);
  }

  public WsLimits withMaxStreams(int n) {
    return new WsLimits(
        messagesPerSecond,
        n,
        pingInterval,
        pongTimeout,
        maxLifetime,
        connectionAttempts,
        attemptWindow);
  }

  public WsLimits withPing(Duration interval, Duration timeout) {
    return new WsLimits(
        messagesPerSecond,
        maxStreams,
        interval,
        timeout,
        maxLifetime,
        connectionAttempts,
        attemptWindow);
  }

  public WsLimits withMaxLifetime(Duration lifetime) {
    return new WsLimits(
        messagesPerSecond,
        maxStreams,
        pingInterval,
        pongTimeout,
        lifetime,
        connectionAttempts,
        attemptWindow);
  }

  public WsLimits withConnectionAttempts(int attempts, Duration window) {
    return new WsLimits(
        messagesPerSecond, maxStreams, pingInterval, pongTimeout, maxLifetime, attempts, window);
  }
}
