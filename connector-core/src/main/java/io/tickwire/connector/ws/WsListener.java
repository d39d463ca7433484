package io.tickwire.connector.ws;

/**
 * Receives a session's events on its event-loop thread, in order. {@link #onClosed} is called
 * exactly once, whether the session ever opened or not.
 */
public interface WsListener {

  void onOpen(WsSession session);

  /**
   * A text or binary message (fragments already joined, permessage-deflate already undone).
   *
   * @param payload the exact bytes, owned by the callee from here on
   * @param receivedAtMicros when the frame was decoded, epoch microseconds
   */
  void onMessage(WsSession session, byte[] payload, boolean binary, long receivedAtMicros);

  void onClosed(WsSession session, CloseReason reason);
}
