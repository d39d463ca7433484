package io.tickwire.sim.binance;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.WsLimits;
import io.tickwire.sim.load.LoadGenerator;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.RawFrame;
import io.tickwire.sim.server.StreamHub;
import io.tickwire.sim.server.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;

/**
 * A Binance market-stream connection: spot {@code /ws} and {@code /stream}, or a USD-M route
 * ({@code /public}, {@code /market}, {@code /private}). Streams may come from the URL and from live
 * SUBSCRIBE / UNSUBSCRIBE; a stream the route does not serve is accepted, listed, and silent, as on
 * the venue.
 */
final class BinanceStreamSession extends WsSession {

  private final StreamHub hub;
  private final BinanceStream.UsdmRoute route;
  private final SimConfig.Route tradeRoute;

  /** On {@code /private}: which names are listen keys (the only streams served there). */
  private final Predicate<String> listenKey;

  private final LoadGenerator load;
  private final LinkedHashSet<String> streams = new LinkedHashSet<>();
  private final List<String> pendingLoad = new ArrayList<>();
  private volatile boolean combined;

  BinanceStreamSession(
      String id,
      Venue venue,
      String path,
      String remoteIp,
      WsLimits limits,
      FaultState faults,
      StreamHub hub,
      BinanceStream.UsdmRoute route,
      SimConfig.Route tradeRoute,
      Predicate<String> listenKey,
      LoadGenerator load,
      List<String> initial,
      boolean combined) {
    super(id, venue, path, remoteIp, limits, faults);
    this.load = load;
    this.hub = hub;
    this.route = route;
    this.tradeRoute = tradeRoute;
    this.listenKey = listenKey;
    this.combined = combined;
    subscribe(initial);
  }

  @Override
  public synchronized List<String> streams() {
    return new ArrayList<>(streams);
  }

  boolean combined() {
    return combined;
  }

  /** Whether this connection's route serves a stream (else it stays silent). */
  private boolean served(String name) {
    if (venue == Venue.BINANCE_SPOT) {
      return BinanceStream.parse(name, venue).channel() != BinanceStream.Channel.UNKNOWN;
    }
    if (route == BinanceStream.UsdmRoute.PRIVATE) {
      return listenKey.test(name);
    }
    return BinanceStream.parse(name, venue).usdmRoute(tradeRoute) == route;
  }

  private synchronized void subscribe(List<String> names) {
    for (String name : names) {
      if (!streams.add(name)) {
        continue;
      }
      if (load.isLoadStream(name)) {
        if (channel == null) {
          pendingLoad.add(name);
        } else {
          load.attach(this, channel, name, venue, this::combined);
        }
      } else if (served(name)) {
        hub.subscribe(venue, name, this);
      }
    }
  }

  @Override
  protected synchronized void opened() {
    for (String name : pendingLoad) {
      load.attach(this, channel, name, venue, this::combined);
    }
    pendingLoad.clear();
  }

  private synchronized void unsubscribe(List<String> names) {
    for (String name : names) {
      if (streams.remove(name)) {
        hub.unsubscribe(venue, name, this);
        load.detach(this, name);
      }
    }
  }

  @Override
  protected void onText(String text) {
    BinanceControl.Request r = BinanceControl.parse(text);
    if (r.error() != null) {
      sendText(r.error());
      return;
    }
    switch (r.method()) {
      case SUBSCRIBE -> {
        synchronized (this) {
          long added = r.params().stream().distinct().filter(s -> !streams.contains(s)).count();
          if (streams.size() + added > limits.maxStreams()) {
            sendText(BinanceControl.error(2, "Invalid request: too many streams", r.id()));
            return;
          }
          // the reply goes out before the first event of the new streams
          sendText(BinanceControl.ok(r.id()));
          subscribe(r.params());
        }
      }
      case UNSUBSCRIBE -> {
        unsubscribe(r.params());
        sendText(BinanceControl.ok(r.id()));
      }
      case LIST_SUBSCRIPTIONS -> sendText(BinanceControl.list(streams(), r.id()));
      case SET_PROPERTY -> {
        combined = r.value();
        sendText(BinanceControl.ok(r.id()));
      }
      case GET_PROPERTY -> sendText(BinanceControl.result(Boolean.toString(combined), r.id()));
    }
  }

  @Override
  protected WebSocketFrame render(Object message) {
    if (message instanceof BinanceFrame f) {
      return new TextWebSocketFrame(Unpooled.wrappedBuffer(combined ? f.combined() : f.raw()));
    }
    if (message instanceof RawFrame r) {
      byte[] payload = combined ? BinanceFrame.wrap(r.stream(), r.payload()) : r.payload();
      return new TextWebSocketFrame(Unpooled.wrappedBuffer(payload));
    }
    return null;
  }

  @Override
  public void serverShutdown(long eventTime, Duration grace) {
    String event = "{\"e\":\"serverShutdown\",\"E\":" + eventTime + "}";
    sendText(combined ? "{\"stream\":\"!serverShutdown\",\"data\":" + event + "}" : event);
    closeAfter(grace);
  }

  @Override
  protected synchronized void closedHook() {
    for (String name : streams) {
      hub.unsubscribe(venue, name, this);
    }
    load.detachAll(this);
  }
}
