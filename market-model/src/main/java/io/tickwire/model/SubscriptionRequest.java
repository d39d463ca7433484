package io.tickwire.model;

import java.util.Map;
import java.util.TreeMap;

/**
 * A desired stream on the compacted {@code control.subscriptions.v1} topic. {@code channel} names
 * the stream type ({@code trade}, {@code aggTrade}, {@code depth}, {@code kline}, {@code
 * orderbook}, ...), {@code params} its options ({@code interval=1m}, {@code speed=100ms}, {@code
 * levels=15}). {@code expiresAt} makes the request a lease: once past, connectors drop the stream
 * unless the requester renewed it; absent means it stays until a tombstone removes it.
 */
public record SubscriptionRequest(
    String venue,
    String channel,
    String symbol,
    Map<String, String> params,
    String requestedBy,
    Long expiresAt,
    long requestedAt) {

  public SubscriptionRequest {
    Instrument.requireCanonical(symbol);
    params = params == null ? Map.of() : Map.copyOf(params);
  }

  /**
   * The compaction key: {@code <venue>|<channel>|<SYMBOL>} followed by {@code |value} for each
   * parameter in name order, so one stream has exactly one key whoever requested it.
   */
  public String key() {
    StringBuilder key =
        new StringBuilder(venue).append('|').append(channel).append('|').append(symbol);
    new TreeMap<>(params).values().forEach(value -> key.append('|').append(value));
    return key.toString();
  }

  public boolean expired(long nowMillis) {
    return expiresAt != null && expiresAt <= nowMillis;
  }
}
