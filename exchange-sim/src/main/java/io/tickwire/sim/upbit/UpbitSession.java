package io.tickwire.sim.upbit;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.CandleSeries;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.RateWindow;
import io.tickwire.sim.server.RawFrame;
import io.tickwire.sim.server.StreamHub;
import io.tickwire.sim.server.WsSession;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * An Upbit WebSocket connection, public ({@code /websocket/v1}) or private ({@code
 * /websocket/v1/private}, authenticated by a JWT at upgrade). Data goes out in binary frames of
 * UTF-8 JSON; a request replaces the connection's subscriptions (a setting) and sets its format;
 * the text {@code PING} is answered {@code {"status":"UP"}}; a connection idle for the configured
 * time is closed.
 */
final class UpbitSession extends WsSession {

  private final SimConfig config;
  private final MarketModel model;
  private final StreamHub hub;
  private final UpbitPayloads payloads;
  private final boolean privateEndpoint;
  private final AccountSpec account;
  private final RateWindow perSecond;
  private final RateWindow perMinute;
  private final Set<String> keys = new LinkedHashSet<>();
  private final List<UpbitRequest.Subscription> active = new ArrayList<>();
  private final Set<String> myOrderCodes = new HashSet<>();
  private volatile String format = "DEFAULT";
  private volatile String ticket;

  UpbitSession(
      String id,
      String path,
      String remoteIp,
      SimConfig config,
      FaultState faults,
      MarketModel model,
      StreamHub hub,
      UpbitPayloads payloads,
      boolean privateEndpoint,
      AccountSpec account) {
    super(id, Venue.UPBIT, path, remoteIp, null, faults);
    this.config = config;
    this.model = model;
    this.hub = hub;
    this.payloads = payloads;
    this.privateEndpoint = privateEndpoint;
    this.account = account;
    this.perSecond =
        new RateWindow(config.upbitLimits().requestsPerSecond(), TimeUnit.SECONDS.toNanos(1));
    this.perMinute =
        new RateWindow(config.upbitLimits().requestsPerMinute(), TimeUnit.MINUTES.toNanos(1));
  }

  @Override
  public Duration idleTimeout() {
    return config.upbitLimits().idleTimeout();
  }

  @Override
  public boolean idleCountsOutbound() {
    return config.upbitLimits().idleCountsOutbound();
  }

  @Override
  public synchronized List<String> streams() {
    return new ArrayList<>(keys);
  }

  private void sendJson(String json) {
    send(new BinaryWebSocketFrame(Unpooled.copiedBuffer(json, StandardCharsets.UTF_8)));
  }

  @Override
  protected void onText(String text) {
    if (text.equals("PING")) {
      sendJson("{\"status\":\"UP\"}");
      return;
    }
    long now = System.nanoTime();
    synchronized (this) {
      if (!perSecond.tryAcquire(now) || !perMinute.tryAcquire(now)) {
        sendJson(UpbitRequest.error("TOO_MANY_REQUEST", "Too many requests."));
        return;
      }
    }
    UpbitRequest request;
    try {
      request = UpbitRequest.parse(text);
    } catch (UpbitRequest.Invalid e) {
      sendJson(UpbitRequest.error(e.name, e.getMessage()));
      return;
    }
    for (UpbitRequest.Subscription s : request.subscriptions) {
      boolean privateType = UpbitRequest.PRIVATE_TYPES.contains(s.type());
      if (privateType && (!privateEndpoint || account == null)) {
        sendJson(UpbitRequest.error("INVALID_AUTH", "Invalid authentication."));
        return;
      }
      if (!privateType && privateEndpoint) {
        sendJson(UpbitRequest.error("INVALID_PARAM", "type " + s.type() + " is not supported."));
        return;
      }
    }
    format = request.format == null ? "DEFAULT" : request.format;
    ticket = request.ticket;
    // requests are handled in order on the market thread, after the snapshots of earlier ones
    model.execute(
        () -> {
          if (request.listSubscriptions) {
            sendJson(listing());
          } else {
            apply(request);
          }
        });
  }

  /** Applies a request on the market thread: snapshots first, then the realtime subscription. */
  private void apply(UpbitRequest request) {
    synchronized (this) {
      if (config.upbitRequestReplaces()) {
        for (String key : keys) {
          hub.unsubscribe(venue, key, this);
        }
        keys.clear();
        active.clear();
        myOrderCodes.clear();
      }
      active.addAll(request.subscriptions);
    }
    long now = model.clock().now();
    for (UpbitRequest.Subscription s : request.subscriptions) {
      switch (s.type()) {
        case "myOrder" -> {
          synchronized (this) {
            myOrderCodes.addAll(s.codes());
          }
          subscribe("myOrder:" + account.apiKey());
        }
        case "myAsset" -> subscribe("myAsset:" + account.apiKey());
        default -> {
          for (String code : s.codes()) {
            publicType(s, code, now);
          }
        }
      }
    }
  }

  private void publicType(UpbitRequest.Subscription s, String code, long now) {
    String market = code;
    int size = config.upbitOrderbookSize();
    if (s.type().equals("orderbook") && code.lastIndexOf('.') > 0) {
      market = code.substring(0, code.lastIndexOf('.'));
      try {
        size = Integer.parseInt(code.substring(code.lastIndexOf('.') + 1));
      } catch (NumberFormatException e) {
        return;
      }
      if (size != 1 && size != 5 && size != 15 && size != 30) {
        return;
      }
    }
    SimInstrument i = model.instrument(Venue.UPBIT, market);
    if (i == null) {
      return; // unknown or lower-case codes give no data
    }
    String key;
    UpbitMessage snapshot;
    switch (s.type()) {
      case "ticker" -> {
        key = "ticker:" + market;
        snapshot = payloads.ticker(i, now, "SNAPSHOT");
      }
      case "trade" -> {
        key = "trade:" + market;
        snapshot =
            i.tape().isEmpty()
                ? null
                : payloads.trade(i, i.tape().get(i.tape().lastId()), "SNAPSHOT");
      }
      case "orderbook" -> {
        long level;
        try {
          level = Units.parse(s.level(), i.priceDecimals());
        } catch (IllegalArgumentException e) {
          return;
        }
        if (!supportedLevel(i, level)) {
          return; // an unsupported level gives no data, no error
        }
        key = "orderbook:" + market + ":" + size + ":" + level;
        snapshot = payloads.orderbook(i, key, size, level, now, "SNAPSHOT");
      }
      default -> {
        CandleSeries series = i.candles(s.type().substring("candle.".length()));
        key = s.type() + ":" + market;
        snapshot = payloads.candle(i, s.type(), series.current(), "SNAPSHOT");
      }
    }
    if (!s.onlyRealtime() && snapshot != null) {
      send(snapshot);
    }
    if (!s.onlySnapshot()) {
      subscribe(key);
    }
  }

  /** Level 0 (no grouping) or a multiple of ten ticks. */
  private static boolean supportedLevel(SimInstrument i, long level) {
    long tick = i.spec().tickUnits();
    return level == 0 || (level > 0 && level % (tick * 10) == 0);
  }

  private synchronized void subscribe(String key) {
    if (keys.add(key)) {
      hub.subscribe(venue, key, this);
    }
  }

  private synchronized String listing() {
    boolean simple = format.startsWith("SIMPLE");
    Json j = Json.object().str(simple ? "mthd" : "method", "LIST_SUBSCRIPTIONS");
    j.beginArray(simple ? "rslt" : "result");
    for (UpbitRequest.Subscription s : active) {
      j.beginObject().str(simple ? "ty" : "type", s.type());
      if (!s.codes().isEmpty()) {
        j.beginArray(simple ? "cds" : "codes");
        s.codes().forEach(j::str);
        j.end();
      }
      if (s.type().equals("orderbook")) {
        j.numRaw(simple ? "lv" : "level", s.level().stripTrailingZeros().toPlainString());
      }
      j.end();
    }
    j.end().str(simple ? "tckt" : "ticket", ticket);
    return j.end().toString();
  }

  @Override
  protected WebSocketFrame render(Object message) {
    boolean simple = format.startsWith("SIMPLE");
    boolean list = format.endsWith("_LIST");
    byte[] body;
    if (message instanceof UpbitMessage m) {
      if (m.stream().startsWith("myOrder:")
          && !myOrderCodes.isEmpty()
          && !myOrderCodes.contains(m.symbol())) {
        return null;
      }
      body = m.bytes(simple);
    } else if (message instanceof RawFrame raw) {
      return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(raw.payload()));
    } else if (message instanceof UpbitFeed.Malformed bad) {
      byte[] whole = bad.message().bytes(simple);
      body = java.util.Arrays.copyOf(whole, whole.length / 2);
      return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(body));
    } else {
      return null;
    }
    if (list) {
      byte[] wrapped = new byte[body.length + 2];
      wrapped[0] = '[';
      System.arraycopy(body, 0, wrapped, 1, body.length);
      wrapped[wrapped.length - 1] = ']';
      body = wrapped;
    }
    return new BinaryWebSocketFrame(Unpooled.wrappedBuffer(body));
  }

  @Override
  public void serverShutdown(long eventTime, Duration grace) {
    // Upbit announces nothing: the connection just closes
    closeAfter(Duration.ZERO);
  }

  @Override
  protected synchronized void closedHook() {
    for (String key : keys) {
      hub.unsubscribe(venue, key, this);
    }
  }
}
