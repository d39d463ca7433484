package io.tickwire.connector;

/**
 * Takes over what is published for one stream instead of the core's default (publish every
 * normalized event as is): a maintained local order book, for instance. The core has already
 * published the raw frame, dropped duplicates and checked the sequence. Calls are serialized per
 * stream.
 */
public interface StreamHandler extends AutoCloseable {

  /** A frame of the stream, normalized. */
  void onData(Normalized normalized, Frame frame);

  /** The stream is subscribed on a connection (first time, or again after a disconnect). */
  default void onSubscribed(String connectionId) {}

  /** The connection carrying the stream dropped; frames may be missing until the next ones. */
  default void onDisconnected(String cause) {}

  /** The stream was unsubscribed or the connector stops: cancel timers, drop state. */
  @Override
  void close();
}
