package io.tickwire.sim.binance;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/** Which WebSocket API connections subscribed to which spot account's events. */
final class SpotUserStreams {

  private record Subscription(WsApiSession session, int id) {}

  private final Map<String, List<Subscription>> byAccount = new ConcurrentHashMap<>();

  void add(String apiKey, WsApiSession session, int id) {
    byAccount
        .computeIfAbsent(apiKey, k -> new CopyOnWriteArrayList<>())
        .add(new Subscription(session, id));
  }

  void remove(String apiKey, WsApiSession session, int id) {
    List<Subscription> list = byAccount.get(apiKey);
    if (list != null) {
      list.remove(new Subscription(session, id));
    }
  }

  void deliver(String apiKey, String eventJson) {
    List<Subscription> list = byAccount.get(apiKey);
    if (list != null) {
      for (Subscription s : list) {
        s.session().deliver(s.id(), eventJson);
      }
    }
  }
}
