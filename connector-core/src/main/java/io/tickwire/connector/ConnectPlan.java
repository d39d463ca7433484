package io.tickwire.connector;

import java.net.URI;
import java.util.Set;

/**
 * Where to connect for a set of streams, and which of them the URL itself subscribes (Binance
 * {@code /stream?streams=a/b}); the rest are subscribed with control messages once open.
 */
public record ConnectPlan(URI uri, Set<String> subscribedByUri) {

  public ConnectPlan {
    subscribedByUri = Set.copyOf(subscribedByUri);
  }
}
