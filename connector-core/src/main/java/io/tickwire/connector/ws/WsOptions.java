package io.tickwire.connector.ws;

import io.tickwire.connector.pace.RateLimiter;
import java.time.Duration;
import java.util.Map;

/**
 * How to open and keep one WebSocket session.
 *
 * @param connectTimeout TCP connect, TLS and upgrade together
 * @param idleTimeout close the session when no bytes arrived for this long (zero: never)
 * @param permessageDeflate offer permessage-deflate; the venue decides whether to use it
 * @param maxMessageBytes largest message accepted, after joining fragments and inflating
 * @param keepAlive what to send every {@code keepAliveInterval} (zero: nothing)
 * @param headers extra upgrade request headers
 * @param outbound the venue's limit on messages we send per connection; pongs and keep-alives
 *     always go out but are counted against it (null: no limit)
 */
public record WsOptions(
    Duration connectTimeout,
    Duration idleTimeout,
    boolean permessageDeflate,
    int maxMessageBytes,
    KeepAlive keepAlive,
    Duration keepAliveInterval,
    Map<String, String> headers,
    RateLimiter outbound) {

  public WsOptions {
    headers = headers == null ? Map.of() : Map.copyOf(headers);
    keepAlive = keepAlive == null ? KeepAlive.none() : keepAlive;
    keepAliveInterval = keepAliveInterval == null ? Duration.ZERO : keepAliveInterval;
    idleTimeout = idleTimeout == null ? Duration.ZERO : idleTimeout;
  }

  /** Plain options for tests and tools: 10 s connect timeout, no idle timeout, 8 MiB messages. */
  public static WsOptions defaults() {
    return new WsOptions(
        Duration.ofSeconds(10),
        Duration.ZERO,
        false,
        8 * 1024 * 1024,
        KeepAlive.none(),
        Duration.ZERO,
        Map.of(),
        null);
  }

  public WsOptions withIdleTimeout(Duration idle) {
    return new WsOptions(
        connectTimeout,
        idle,
        permessageDeflate,
        maxMessageBytes,
        keepAlive,
        keepAliveInterval,
        headers,
        outbound);
  }

  public WsOptions withPermessageDeflate(boolean deflate) {
    return new WsOptions(
        connectTimeout,
        idleTimeout,
        deflate,
        maxMessageBytes,
        keepAlive,
        keepAliveInterval,
        headers,
        outbound);
  }

  public WsOptions withKeepAlive(KeepAlive alive, Duration interval) {
    return new WsOptions(
        connectTimeout,
        idleTimeout,
        permessageDeflate,
        maxMessageBytes,
        alive,
        interval,
        headers,
        outbound);
  }

  public WsOptions withConnectTimeout(Duration timeout) {
    return new WsOptions(
        timeout,
        idleTimeout,
        permessageDeflate,
        maxMessageBytes,
        keepAlive,
        keepAliveInterval,
        headers,
        outbound);
  }

  public WsOptions withOutbound(RateLimiter limiter) {
    return new WsOptions(
        connectTimeout,
        idleTimeout,
        permessageDeflate,
        maxMessageBytes,
        keepAlive,
        keepAliveInterval,
        headers,
        limiter);
  }
}
