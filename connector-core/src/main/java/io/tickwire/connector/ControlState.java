package io.tickwire.connector;

import java.util.HashSet;
import java.util.Set;

/**
 * A connection's subscriptions as the core knows them, handed to {@link VenueProtocol#nextControl}
 * to decide the next message.
 *
 * @param target what the connection should carry
 * @param subscribed what the venue confirmed (or, without acknowledgements, what we last sent)
 * @param pendingAdds sent, not yet acknowledged subscribes
 * @param pendingRemoves sent, not yet acknowledged unsubscribes
 */
public record ControlState(
    Set<String> target,
    Set<String> subscribed,
    Set<String> pendingAdds,
    Set<String> pendingRemoves) {

  public ControlState {
    target = Set.copyOf(target);
    subscribed = Set.copyOf(subscribed);
    pendingAdds = Set.copyOf(pendingAdds);
    pendingRemoves = Set.copyOf(pendingRemoves);
  }

  /** Streams to subscribe that no message covers yet. */
  public Set<String> toAdd() {
    Set<String> add = new HashSet<>(target);
    add.removeAll(subscribed);
    add.removeAll(pendingAdds);
    return add;
  }

  /** Streams to unsubscribe that no message covers yet. */
  public Set<String> toRemove() {
    Set<String> remove = new HashSet<>(subscribed);
    remove.removeAll(target);
    remove.removeAll(pendingRemoves);
    return remove;
  }

  /** True while a message is waiting for its acknowledgement. */
  public boolean awaitingAck() {
    return !pendingAdds.isEmpty() || !pendingRemoves.isEmpty();
  }
}
