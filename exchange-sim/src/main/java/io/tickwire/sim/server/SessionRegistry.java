package io.tickwire.sim.server;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Every open WebSocket connection, by id ({@code c1}, {@code c2}, ...). */
public final class SessionRegistry {

  private final ConcurrentHashMap<String, WsSession> sessions = new ConcurrentHashMap<>();
  private final AtomicLong ids = new AtomicLong();

  public String nextId() {
    return "c" + ids.incrementAndGet();
  }

  void add(WsSession session) {
    sessions.put(session.id(), session);
  }

  void remove(WsSession session) {
    sessions.remove(session.id(), session);
  }

  public WsSession get(String id) {
    return sessions.get(id);
  }

  /** Open sessions in the order they connected. */
  public List<WsSession> all() {
    List<WsSession> list = new ArrayList<>(sessions.values());
    list.sort(Comparator.comparingLong((WsSession s) -> Long.parseLong(s.id().substring(1))));
    return list;
  }
}
