package io.tickwire.sim.server;

import io.tickwire.model.Venue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;

/**
 * Who listens to what: venue and stream name to subscribed sessions. The market thread asks it
 * whether a stream has listeners before encoding anything, so unsubscribed streams cost nothing.
 */
public final class StreamHub {

  private final ConcurrentHashMap<String, Set<WsSession>> subscribers = new ConcurrentHashMap<>();
  private volatile boolean modelMuted;

  private static String key(Venue venue, String stream) {
    return venue.id() + "|" + stream;
  }

  public void subscribe(Venue venue, String stream, WsSession session) {
    subscribers.computeIfAbsent(key(venue, stream), k -> new CopyOnWriteArraySet<>()).add(session);
  }

  public void unsubscribe(Venue venue, String stream, WsSession session) {
    Set<WsSession> set = subscribers.get(key(venue, stream));
    if (set != null) {
      set.remove(session);
    }
  }

  public boolean has(Venue venue, String stream) {
    Set<WsSession> set = subscribers.get(key(venue, stream));
    return set != null && !set.isEmpty();
  }

  /** Delivers a message to every subscriber of its stream. */
  public void publish(Venue venue, String stream, Object message) {
    Set<WsSession> set = subscribers.get(key(venue, stream));
    if (set != null) {
      for (WsSession s : set) {
        s.send(message);
      }
    }
  }

  /** Streams of a venue with at least one subscriber whose name starts with a prefix. */
  public void forEachStream(Venue venue, String prefix, Consumer<String> action) {
    String full = key(venue, prefix);
    int cut = venue.id().length() + 1;
    subscribers.forEach(
        (k, set) -> {
          if (k.startsWith(full) && !set.isEmpty()) {
            action.accept(k.substring(cut));
          }
        });
  }

  /** While muted (a replay runs) the market model publishes nothing. */
  public boolean modelMuted() {
    return modelMuted;
  }

  public void muteModel(boolean muted) {
    this.modelMuted = muted;
  }
}
