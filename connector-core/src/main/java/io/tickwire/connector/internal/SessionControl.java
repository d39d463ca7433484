package io.tickwire.connector.internal;

import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.pace.RateLimiter;
import io.tickwire.connector.ws.WsSession;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledFuture;

/**
 * The engine's view of one WebSocket session of a {@link ConnectionSlot}: what the venue confirmed
 * it carries, which control messages await acknowledgement, and its own outbound message limiter.
 * Fields are touched on the engine thread only, except the volatile ones.
 */
final class SessionControl {

  final String id;
  final ConnectionSlot slot;
  final RateLimiter outbound;
  final Set<String> subscribed = new HashSet<>();
  final Set<String> pendingAdds = new HashSet<>();
  final Set<String> pendingRemoves = new HashSet<>();
  final Map<String, ControlMessage> inFlight = new HashMap<>();
  final Map<String, ScheduledFuture<?>> ackTimers = new HashMap<>();
  WsSession ws;
  long nextId = 1;
  boolean open;
  boolean retired;
  long fullySubscribedAtNanos;
  ScheduledFuture<?> pumpTimer;
  ScheduledFuture<?> lifetimeTimer;
  volatile boolean deliveredData;

  SessionControl(
      String id, ConnectionSlot slot, RateLimiter outbound, Set<String> subscribedByUri) {
    this.id = id;
    this.slot = slot;
    this.outbound = outbound;
    this.subscribed.addAll(subscribedByUri);
  }

  ControlState controlState() {
    return new ControlState(slot.target, subscribed, pendingAdds, pendingRemoves);
  }

  /** True when the venue carries exactly the slot's streams and nothing awaits acknowledgement. */
  boolean settled() {
    return open && inFlight.isEmpty() && subscribed.equals(slot.target);
  }

  void cancelTimers() {
    if (pumpTimer != null) {
      pumpTimer.cancel(false);
      pumpTimer = null;
    }
    if (lifetimeTimer != null) {
      lifetimeTimer.cancel(false);
      lifetimeTimer = null;
    }
    ackTimers
        .values()
        .forEach(
            t -> {
              if (t != null) {
                t.cancel(false);
              }
            });
    ackTimers.clear();
  }

  @Override
  public String toString() {
    return id;
  }
}
