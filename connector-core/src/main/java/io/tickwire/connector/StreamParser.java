package io.tickwire.connector;

import io.tickwire.model.SubscriptionRequest;

/**
 * Parses a venue stream name into a subscription request (for {@code <PREFIX>_STREAMS} settings),
 * usually with {@link io.tickwire.model.StreamNames}.
 */
@FunctionalInterface
public interface StreamParser {

  /**
   * @throws IllegalArgumentException whose message names the stream and what is wrong with it
   */
  SubscriptionRequest parse(String venueId, String stream, String requestedBy, long now);
}
