package io.tickwire.connector;

import java.util.Set;

/**
 * One message to send to change a connection's subscriptions.
 *
 * @param text the message as sent
 * @param ackId the id the venue will echo when it accepted it; null when the venue sends no
 *     acknowledgement (Upbit), so the change counts as done once sent
 * @param adds streams this message subscribes
 * @param removes streams this message unsubscribes
 */
public record ControlMessage(String text, String ackId, Set<String> adds, Set<String> removes) {

  public ControlMessage {
    adds = Set.copyOf(adds);
    removes = Set.copyOf(removes);
  }
}
