package io.tickwire.connector;

/**
 * What a venue's frame is, as decided by {@link VenueProtocol#classify}: data of one stream, the
 * answer to one of our control messages, a notice that the server is going down, a keep-alive
 * answer, or something to ignore.
 */
public sealed interface Inbound {

  /**
   * Market data of {@code stream} (routed by the stream name of a combined wrapper, or by
   * type+code).
   */
  record Data(String stream) implements Inbound {}

  /** The venue accepted control message {@code id}. */
  record Ack(String id) implements Inbound {}

  /**
   * The venue refused a control message ({@code id} null when the venue does not say which) or
   * reported an error object.
   */
  record Rejected(String id, String error) implements Inbound {}

  /** The server will close this connection soon (Binance {@code serverShutdown}): rotate now. */
  record ShutdownNotice(String detail) implements Inbound {}

  /** A keep-alive answer such as Upbit's {@code {"status":"UP"}}. */
  record Heartbeat() implements Inbound {}

  /** Anything else that is understood and needs no action (e.g. a LIST_SUBSCRIPTIONS answer). */
  record Ignored(String what) implements Inbound {}

  static Data data(String stream) {
    return new Data(stream);
  }
}
