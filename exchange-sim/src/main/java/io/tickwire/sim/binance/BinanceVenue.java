package io.tickwire.sim.binance;

import io.netty.handler.codec.http.QueryStringDecoder;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.load.LoadGenerator;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.server.AttemptLimiter;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.HttpResponses;
import io.tickwire.sim.server.Rejection;
import io.tickwire.sim.server.RestHandler;
import io.tickwire.sim.server.RestRequest;
import io.tickwire.sim.server.StreamHub;
import io.tickwire.sim.server.WsEndpoint;
import io.tickwire.sim.server.WsSession;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Binance spot and USD-M as one unit: the WebSocket endpoints ({@code /ws}, {@code /stream}, {@code
 * /ws-api/v3}, and the USD-M routes {@code /public}, {@code /market}, {@code /private}), REST
 * ({@code /api/v3}, {@code /fapi}) and the simulated accounts behind the private APIs. The market
 * feed ({@link BinanceFeed}) is created before the model, since the model reports to it.
 */
public final class BinanceVenue implements WsEndpoint {

  private final SimConfig config;
  private final MarketModel model;
  private final FaultState faults;
  private final StreamHub hub;
  private final BinanceAuth auth;
  private final SpotUserStreams spotStreams = new SpotUserStreams();
  private final ListenKeys listenKeys;
  private final SpotTrading spot;
  private final FuturesTrading futures;
  private final BinanceRest rest;
  private final AttemptLimiter spotAttempts;
  private final AttemptLimiter usdmAttempts;
  private final AttemptLimiter wsApiAttempts;
  private final LoadGenerator load;

  public BinanceVenue(
      SimConfig config, StreamHub hub, FaultState faults, MarketModel model, LoadGenerator load) {
    this.config = config;
    this.load = load;
    this.hub = hub;
    this.faults = faults;
    this.model = model;
    this.auth = new BinanceAuth(config, model.clock());
    this.listenKeys = new ListenKeys(hub, config.listenKeyValidity(), config.seed());
    UserEvents events =
        new UserEvents() {
          @Override
          public void spot(String apiKey, String eventJson) {
            spotStreams.deliver(apiKey, eventJson);
          }

          @Override
          public void futures(String apiKey, String eventJson) {
            listenKeys.publishFor(apiKey, eventJson);
          }
        };
    this.spot = new SpotTrading(model, events, config.accounts(), config.seed());
    this.futures = new FuturesTrading(model, events, config.seed());
    this.rest =
        new BinanceRest(config, model, faults, auth, spot, futures, listenKeys, load::instruments);
    var s = config.spotLimits();
    var u = config.usdmLimits();
    var a = config.wsApiLimits();
    this.spotAttempts = new AttemptLimiter(s.connectionAttempts(), s.attemptWindow());
    this.usdmAttempts = new AttemptLimiter(u.connectionAttempts(), u.attemptWindow());
    this.wsApiAttempts = new AttemptLimiter(a.connectionAttempts(), a.attemptWindow());
    model.every(1000, () -> listenKeys.expire(model.clock().now()));
  }

  public RestHandler rest() {
    return rest;
  }

  // ---- WebSocket endpoints ---------------------------------------------------------------------

  @Override
  public boolean serves(String path) {
    return path.equals("/ws")
        || path.startsWith("/ws/")
        || path.equals("/stream")
        || path.equals("/ws-api/v3")
        || route(path) != null;
  }

  /** The USD-M route of a path, or null. */
  private static BinanceStream.UsdmRoute route(String path) {
    for (BinanceStream.UsdmRoute r :
        new BinanceStream.UsdmRoute[] {
          BinanceStream.UsdmRoute.PUBLIC,
          BinanceStream.UsdmRoute.MARKET,
          BinanceStream.UsdmRoute.PRIVATE
        }) {
      String prefix = "/" + r.name().toLowerCase(java.util.Locale.ROOT);
      if (path.equals(prefix + "/ws")
          || path.startsWith(prefix + "/ws/")
          || path.equals(prefix + "/stream")) {
        return r;
      }
    }
    return null;
  }

  @Override
  public WsSession open(RestRequest r, String id) throws Rejection {
    String path = r.path();
    if (path.equals("/ws-api/v3")) {
      admit(wsApiAttempts, config.wsApiLimits(), r);
      boolean rateLimits = !"false".equalsIgnoreCase(r.param("returnRateLimits"));
      return new WsApiSession(
          id, path, r.remoteIp(), config, faults, auth, spotStreams, model.clock(), rateLimits);
    }
    BinanceStream.UsdmRoute route = route(path);
    Venue venue = route == null ? Venue.BINANCE_SPOT : Venue.BINANCE_USDM;
    var limits = route == null ? config.spotLimits() : config.usdmLimits();
    admit(route == null ? spotAttempts : usdmAttempts, limits, r);
    String base = route == null ? "" : "/" + route.name().toLowerCase(java.util.Locale.ROOT);
    boolean combined = path.equals(base + "/stream");
    List<String> streams = new ArrayList<>();
    if (combined) {
      String list = r.param("streams");
      if (list != null && !list.isEmpty()) {
        streams.addAll(Arrays.asList(list.split("/")));
      }
    } else if (path.startsWith(base + "/ws/")) {
      for (String s : path.substring((base + "/ws/").length()).split("/")) {
        if (!s.isEmpty()) {
          streams.add(QueryStringDecoder.decodeComponent(s));
        }
      }
    }
    if (streams.stream().distinct().count() > limits.maxStreams()) {
      throw new Rejection(
          HttpResponses.json(
              400,
              new BinanceError(
                      400,
                      -1,
                      "Too many streams; the limit is " + limits.maxStreams() + " per connection.")
                  .json()));
    }
    return new BinanceStreamSession(
        id,
        venue,
        path,
        r.remoteIp(),
        limits,
        faults,
        hub,
        route == null ? BinanceStream.UsdmRoute.NONE : route,
        config.usdmTradeRoute(),
        listenKeys::known,
        load,
        streams,
        combined);
  }

  private static void admit(AttemptLimiter attempts, io.tickwire.sim.WsLimits limits, RestRequest r)
      throws Rejection {
    if (!attempts.tryAttempt(r.remoteIp())) {
      throw new Rejection(
          HttpResponses.json(
              429,
              Json.object()
                  .num("code", -1034)
                  .str(
                      "msg",
                      "Too many connection attempts from IP; current limit is "
                          + limits.connectionAttempts()
                          + " per "
                          + limits.attemptWindow().toSeconds()
                          + " seconds.")
                  .end()
                  .toString()));
    }
  }

  // ---- accounts (Java and admin API) -----------------------------------------------------------

  /**
   * Credits (or debits) a spot balance: {@code balanceUpdate} and {@code outboundAccountPosition}.
   */
  public void depositSpot(AccountSpec account, String asset, BigDecimal amount) {
    model.call(
        () -> {
          spot.deposit(account, asset, amount);
          return null;
        });
  }

  /** Credits (or debits) the USD-M USDT wallet: {@code ACCOUNT_UPDATE} with reason DEPOSIT. */
  public void depositFutures(AccountSpec account, BigDecimal amount) {
    model.call(
        () -> {
          futures.deposit(account, amount);
          return null;
        });
  }
}
