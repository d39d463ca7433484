package io.tickwire.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.model.Json;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The server side of {@link FakeVenue}, on a {@link ScriptedWsServer}: it keeps each connection's
 * subscriptions (from the URL and from SUBSCRIBE/UNSUBSCRIBE/REPLACE), acknowledges control
 * messages, answers the text {@code PING}, and publishes each trade with the next id of its stream
 * to EVERY connection subscribed to it, as a real exchange does (which is what rotation and dedup
 * are tested against). It keeps the history for the REST backfill endpoint {@code
 * /trades?stream=&fromId=&toId=} and logs, per stream, how long it had no subscriber at all.
 */
public final class FakeExchange implements AutoCloseable {

  private final ScriptedWsServer server = ScriptedWsServer.start();
  private final boolean routed;
  private final Map<ServerConnection, Set<String>> subscriptions = new ConcurrentHashMap<>();
  private final Map<String, List<String>> history = new ConcurrentHashMap<>();
  private final Set<String> silenced = ConcurrentHashMap.newKeySet();
  private final Map<String, Long> unservedSince = new HashMap<>();
  private final Set<String> everServed = new HashSet<>();
  private final List<Long> unservedIntervals = new CopyOnWriteArrayList<>();
  private final AtomicBoolean pingOnConnect = new AtomicBoolean();

  public FakeExchange(boolean routed) {
    this.routed = routed;
    server.onConnect(this::connected);
    server.onText(this::control);
    server.http(this::rest);
  }

  public ScriptedWsServer server() {
    return server;
  }

  /** The WebSocket base URL ({@code <PREFIX>_WS_URL}). */
  public URI wsUrl() {
    return server.url("");
  }

  /** The REST base URL ({@code <PREFIX>_REST_URL}). */
  public URI restUrl() {
    return server.httpUrl();
  }

  /** Send every new connection a ping (its pong counts against the client's message limit). */
  public void pingOnConnect() {
    pingOnConnect.set(true);
  }

  /** The stream is accepted but never gets data, as on the wrong USD-M route. */
  public void silence(String stream) {
    silenced.add(stream);
  }

  private synchronized void connected(ServerConnection connection) {
    Set<String> streams = ConcurrentHashMap.newKeySet();
    String query = connection.query().get("streams");
    if (query != null) {
      streams.addAll(List.of(query.split("/")));
    }
    subscriptions.put(connection, streams);
    connection.onClose(() -> closed(connection));
    if (pingOnConnect.get()) {
      connection.sendPing("hello".getBytes(StandardCharsets.UTF_8));
    }
    touched(streams);
  }

  private synchronized void closed(ServerConnection connection) {
    Set<String> streams = subscriptions.remove(connection);
    if (streams != null) {
      touched(streams);
    }
  }

  private synchronized void control(ServerConnection connection, String text) {
    if (text.equals("PING")) {
      connection.sendText("{\"status\":\"UP\"}");
      return;
    }
    Set<String> streams = subscriptions.get(connection);
    JsonNode message;
    try {
      message = Json.mapper().readTree(text);
    } catch (Exception e) {
      connection.sendText("{\"code\":3,\"msg\":\"Invalid JSON\"}");
      return;
    }
    List<String> params = new ArrayList<>();
    message.path("params").forEach(p -> params.add(p.asText()));
    Set<String> before = new HashSet<>(streams);
    switch (message.path("method").asText()) {
      case "SUBSCRIBE" -> streams.addAll(params);
      case "UNSUBSCRIBE" -> params.forEach(streams::remove);
      case "REPLACE" -> {
        streams.clear();
        streams.addAll(params);
      }
      default -> {
        connection.sendText(
            "{\"code\":2,\"msg\":\"Invalid request\",\"id\":" + message.path("id") + "}");
        return;
      }
    }
    if (message.has("id")) {
      connection.sendText("{\"result\":null,\"id\":" + message.get("id") + "}");
    }
    before.addAll(streams);
    touched(before);
  }

  /** Records when streams lose their last subscriber and get one again. */
  private void touched(Set<String> streams) {
    long now = System.nanoTime();
    for (String stream : streams) {
      int count = subscribers(stream);
      if (count == 0 && everServed.contains(stream)) {
        unservedSince.putIfAbsent(stream, now);
      } else if (count > 0) {
        everServed.add(stream);
        Long since = unservedSince.remove(stream);
        if (since != null) {
          unservedIntervals.add(now - since);
        }
      }
    }
  }

  /** Open connections currently subscribed to the stream. */
  public synchronized int subscribers(String stream) {
    int n = 0;
    for (Map.Entry<ServerConnection, Set<String>> e : subscriptions.entrySet()) {
      if (e.getKey().isOpen() && e.getValue().contains(stream)) {
        n++;
      }
    }
    return n;
  }

  /** Every stream some open connection is subscribed to. */
  public synchronized Set<String> servedStreams() {
    Set<String> all = new HashSet<>();
    subscriptions.forEach(
        (c, s) -> {
          if (c.isOpen()) {
            all.addAll(s);
          }
        });
    return all;
  }

  /** What one connection is subscribed to. */
  public synchronized Set<String> subscriptionsOf(ServerConnection connection) {
    return Set.copyOf(subscriptions.getOrDefault(connection, Set.of()));
  }

  /** The longest time any stream that had been served had no subscriber (so far or still). */
  public synchronized Duration longestUnserved() {
    long now = System.nanoTime();
    long max = unservedIntervals.stream().mapToLong(Long::longValue).max().orElse(0);
    for (long since : unservedSince.values()) {
      max = Math.max(max, now - since);
    }
    return Duration.ofNanos(max);
  }

  /** Publishes the stream's next trade to every subscribed connection; returns its id. */
  public synchronized long publishTrade(String stream) {
    List<String> trades = history.computeIfAbsent(stream, s -> new CopyOnWriteArrayList<>());
    long id = trades.size() + 1;
    long now = System.currentTimeMillis();
    String symbol = stream.substring(0, stream.indexOf('@')).toUpperCase(java.util.Locale.ROOT);
    String data =
        "{\"e\":\"trade\",\"E\":"
            + now
            + ",\"s\":\""
            + symbol
            + "\",\"t\":"
            + id
            + ",\"p\":\"100."
            + id % 100
            + "\",\"q\":\"0.5\",\"T\":"
            + now
            + ",\"m\":"
            + (id % 2 == 0)
            + ",\"M\":true}";
    trades.add(data);
    sendToSubscribers(stream, "{\"stream\":\"" + stream + "\",\"data\":" + data + "}");
    return id;
  }

  /** Sends a frame to every open connection subscribed to the stream (on its right route). */
  public synchronized void sendToSubscribers(String stream, String frame) {
    if (silenced.contains(stream)) {
      return;
    }
    subscriptions.forEach(
        (connection, streams) -> {
          if (connection.isOpen() && streams.contains(stream) && onRoute(connection, stream)) {
            connection.sendText(frame);
          }
        });
  }

  private boolean onRoute(ServerConnection connection, String stream) {
    return !routed || connection.path().startsWith("/" + FakeVenue.routeOf(stream) + "/");
  }

  /** Tells every open connection that the server is going down. */
  public void shutdownNotice() {
    long now = System.currentTimeMillis();
    server
        .openConnections()
        .forEach(
            c ->
                c.sendText(
                    "{\"stream\":\"!serverShutdown\",\"data\":{\"e\":\"serverShutdown\",\"E\":"
                        + now
                        + "}}"));
  }

  /** Drops every open connection without a close frame. */
  public void dropAll() {
    server.openConnections().forEach(ServerConnection::drop);
  }

  /** Trades published so far for the stream. */
  public int published(String stream) {
    return history.getOrDefault(stream, List.of()).size();
  }

  /** Publishes a trade on each stream every {@code every} until stopped. */
  public Feed feed(List<String> streams, Duration every) {
    return new Feed(streams, every);
  }

  /** A running trade feed. */
  public final class Feed implements AutoCloseable {
    private final Thread thread;
    private volatile boolean running = true;

    private Feed(List<String> streams, Duration every) {
      thread =
          new Thread(
              () -> {
                while (running) {
                  streams.forEach(FakeExchange.this::publishTrade);
                  java.util.concurrent.locks.LockSupport.parkNanos(every.toNanos());
                }
              },
              "fake-exchange-feed");
      thread.setDaemon(true);
      thread.start();
    }

    /** Stops publishing and waits for the feed thread to finish. */
    @Override
    public void close() throws InterruptedException {
      running = false;
      thread.join(30_000);
    }
  }

  private ScriptedWsServer.HttpAnswer rest(URI uri) {
    if (!uri.getPath().equals("/trades")) {
      return new ScriptedWsServer.HttpAnswer(404, Map.of(), "{\"code\":-1,\"msg\":\"not found\"}");
    }
    Map<String, String> q = new HashMap<>();
    for (String pair : uri.getQuery().split("&")) {
      String[] kv = pair.split("=", 2);
      q.put(kv[0], kv[1]);
    }
    List<String> trades = history.getOrDefault(q.get("stream"), List.of());
    long from = Long.parseLong(q.get("fromId"));
    long to = Math.min(Long.parseLong(q.get("toId")), trades.size());
    List<String> page = new ArrayList<>();
    for (long id = from; id <= to; id++) {
      page.add(trades.get((int) id - 1));
    }
    return ScriptedWsServer.HttpAnswer.json("[" + String.join(",", page) + "]");
  }

  @Override
  public void close() {
    server.close();
  }
}
