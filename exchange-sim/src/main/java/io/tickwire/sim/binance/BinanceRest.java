package io.tickwire.sim.binance;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.InstrumentSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.Candle;
import io.tickwire.sim.model.CandleSeries;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.TradeTape;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.HttpResponses;
import io.tickwire.sim.server.RestHandler;
import io.tickwire.sim.server.RestRequest;
import io.tickwire.sim.server.WindowLimiter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Binance REST for spot ({@code /api/v3/...}) and USD-M ({@code /fapi/v1/...}): server time,
 * exchange info, depth snapshots, aggregate trades, klines, signed orders, account and listen keys.
 * Every request is charged its documented weight; over the limit it gets 429 with {@code
 * Retry-After}, and 418 when the client keeps going.
 */
final class BinanceRest implements RestHandler {

  private final SimConfig config;
  private final MarketModel model;
  private final FaultState faults;
  private final BinanceAuth auth;
  private final SpotTrading spot;
  private final FuturesTrading futures;
  private final ListenKeys listenKeys;
  private final Supplier<List<InstrumentSpec>> loadInstruments;
  private final WindowLimiter spotWeight;
  private final WindowLimiter usdmWeight;

  BinanceRest(
      SimConfig config,
      MarketModel model,
      FaultState faults,
      BinanceAuth auth,
      SpotTrading spot,
      FuturesTrading futures,
      ListenKeys listenKeys,
      Supplier<List<InstrumentSpec>> loadInstruments) {
    this.config = config;
    this.model = model;
    this.faults = faults;
    this.auth = auth;
    this.spot = spot;
    this.futures = futures;
    this.listenKeys = listenKeys;
    this.loadInstruments = loadInstruments;
    var l = config.restLimits();
    this.spotWeight =
        new WindowLimiter(l.spotWeight(), l.weightWindow(), l.banAfter(), l.banDuration());
    this.usdmWeight =
        new WindowLimiter(l.usdmWeight(), l.weightWindow(), l.banAfter(), l.banDuration());
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith("/api/v3/") || path.startsWith("/fapi/");
  }

  @Override
  public CompletableFuture<FullHttpResponse> handle(RestRequest r) {
    boolean usdm = r.path().startsWith("/fapi/");
    Venue venue = usdm ? Venue.BINANCE_USDM : Venue.BINANCE_SPOT;
    FaultState.RestError injected = faults.takeRestError(venue);
    if (injected != null) {
      return CompletableFuture.completedFuture(
          limited(
              injected.status(),
              injected.retryAfter().toSeconds(),
              0,
              usdm ? usdmWeight : spotWeight));
    }
    String endpoint = r.method().name() + " " + r.path();
    Map<String, String> p = params(r);
    WindowLimiter limiter = usdm ? usdmWeight : spotWeight;
    int weight;
    try {
      weight = weight(endpoint, p);
    } catch (BinanceError e) {
      return done(error(e));
    }
    if (weight < 0) {
      return done(error(new BinanceError(404, -1000, "Unknown endpoint " + endpoint + ".")));
    }
    WindowLimiter.Verdict v = limiter.charge(r.remoteIp(), weight);
    if (!v.allowed()) {
      return done(limited(v.status(), v.retryAfterSeconds(), v.bannedUntil(), limiter));
    }
    CompletableFuture<FullHttpResponse> response;
    try {
      response = route(endpoint, r, p, venue);
    } catch (BinanceError e) {
      response = done(error(e));
    }
    return response.thenApply(
        resp -> {
          resp.headers().set(limiter.header(), v.used());
          return resp;
        });
  }

  private static CompletableFuture<FullHttpResponse> done(FullHttpResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  /** Query parameters and form body parameters; the query wins. */
  static Map<String, String> params(RestRequest r) {
    Map<String, String> p = new LinkedHashMap<>();
    if (!r.body().isEmpty()) {
      new QueryStringDecoder(r.body(), false)
          .parameters()
          .forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    r.query().forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
    return p;
  }

  /** The documented weight of an endpoint, or -1 when there is no such endpoint. */
  private static int weight(String endpoint, Map<String, String> p) {
    return switch (endpoint) {
      case "GET /api/v3/ping", "GET /api/v3/time", "GET /fapi/v1/ping", "GET /fapi/v1/time" -> 1;
      case "GET /api/v3/exchangeInfo" -> 20;
      case "GET /fapi/v1/exchangeInfo" -> 1;
      case "GET /api/v3/depth" -> {
        int limit = limit(p, 100, 5000);
        yield limit <= 100 ? 5 : limit <= 500 ? 25 : limit <= 1000 ? 50 : 250;
      }
      case "GET /fapi/v1/depth" -> {
        int limit = limit(p, 500, 1000);
        yield limit <= 50 ? 2 : limit <= 100 ? 5 : limit <= 500 ? 10 : 20;
      }
      case "GET /api/v3/aggTrades" -> 4;
      case "GET /fapi/v1/aggTrades" -> 20;
      case "GET /api/v3/klines" -> 2;
      case "GET /fapi/v1/klines" -> 5;
      case "POST /api/v3/order",
          "DELETE /api/v3/order",
          "POST /fapi/v1/order",
          "DELETE /fapi/v1/order" ->
          1;
      case "GET /api/v3/openOrders" -> 6;
      case "GET /api/v3/account" -> 20;
      case "GET /fapi/v2/balance" -> 5;
      case "POST /fapi/v1/listenKey", "PUT /fapi/v1/listenKey", "DELETE /fapi/v1/listenKey" -> 1;
      default -> -1;
    };
  }

  private static int limit(Map<String, String> p, int defaultLimit, int max) {
    String v = p.get("limit");
    if (v == null) {
      return defaultLimit;
    }
    try {
      return Math.max(1, Math.min(max, Integer.parseInt(v)));
    } catch (NumberFormatException e) {
      throw BinanceError.illegal("limit");
    }
  }

  private CompletableFuture<FullHttpResponse> route(
      String endpoint, RestRequest r, Map<String, String> p, Venue venue) {
    boolean usdm = venue == Venue.BINANCE_USDM;
    return switch (endpoint) {
      case "GET /api/v3/ping", "GET /fapi/v1/ping" -> done(HttpResponses.json(200, "{}"));
      case "GET /api/v3/time", "GET /fapi/v1/time" ->
          done(HttpResponses.json(200, "{\"serverTime\":" + model.clock().now() + "}"));
      case "GET /api/v3/exchangeInfo", "GET /fapi/v1/exchangeInfo" ->
          market(
              () -> {
                List<InstrumentSpec> all = new ArrayList<>(config.instruments(venue));
                loadInstruments.get().stream().filter(s -> s.venue() == venue).forEach(all::add);
                return BinanceExchangeInfo.exchangeInfo(
                    venue, all, p, usdm ? usdmWeight : spotWeight, model.clock().now());
              });
      case "GET /api/v3/depth", "GET /fapi/v1/depth" -> {
        int limit = usdm ? limit(p, 500, 1000) : limit(p, 100, 5000);
        yield market(
            () -> {
              SimInstrument i = instrument(venue, p);
              return BinancePayloads.depthSnapshot(i, new BinanceFormat(i), limit, model.time())
                  .toString();
            });
      }
      case "GET /api/v3/aggTrades", "GET /fapi/v1/aggTrades" -> market(() -> aggTrades(venue, p));
      case "GET /api/v3/klines", "GET /fapi/v1/klines" -> market(() -> klines(venue, p));
      case "POST /api/v3/order" -> signed(r, p, (a, i) -> spot.place(a, i, p), Venue.BINANCE_SPOT);
      case "DELETE /api/v3/order" ->
          signed(r, p, (a, i) -> spot.cancel(a, i, p), Venue.BINANCE_SPOT);
      case "POST /fapi/v1/order" ->
          signed(r, p, (a, i) -> futures.place(a, i, p), Venue.BINANCE_USDM);
      case "DELETE /fapi/v1/order" ->
          signed(r, p, (a, i) -> futures.cancel(a, i, p), Venue.BINANCE_USDM);
      case "GET /api/v3/openOrders" -> {
        AccountSpec a = auth.verifyRest(r.header("X-MBX-APIKEY"), r.rawQuery(), r.body(), p);
        yield market(
            () -> spot.openOrders(a, p.containsKey("symbol") ? instrument(venue, p) : null));
      }
      case "GET /api/v3/account" -> {
        AccountSpec a = auth.verifyRest(r.header("X-MBX-APIKEY"), r.rawQuery(), r.body(), p);
        yield market(() -> spot.account(a));
      }
      case "GET /fapi/v2/balance" -> {
        AccountSpec a = auth.verifyRest(r.header("X-MBX-APIKEY"), r.rawQuery(), r.body(), p);
        yield market(() -> futures.balance(a));
      }
      case "POST /fapi/v1/listenKey" -> {
        AccountSpec a = auth.account(r.header("X-MBX-APIKEY"));
        yield done(HttpResponses.json(200, "{\"listenKey\":\"" + listenKeys.create(a) + "\"}"));
      }
      case "PUT /fapi/v1/listenKey" -> {
        AccountSpec a = auth.account(r.header("X-MBX-APIKEY"));
        listenKeys.keepAlive(a, p.get("listenKey"));
        yield done(HttpResponses.json(200, "{}"));
      }
      case "DELETE /fapi/v1/listenKey" -> {
        AccountSpec a = auth.account(r.header("X-MBX-APIKEY"));
        listenKeys.delete(a);
        yield done(HttpResponses.json(200, "{}"));
      }
      default -> done(error(new BinanceError(404, -1000, "Unknown endpoint " + endpoint + ".")));
    };
  }

  private interface Trade {
    String apply(AccountSpec account, SimInstrument instrument);
  }

  private CompletableFuture<FullHttpResponse> signed(
      RestRequest r, Map<String, String> p, Trade trade, Venue venue) {
    AccountSpec a = auth.verifyRest(r.header("X-MBX-APIKEY"), r.rawQuery(), r.body(), p);
    return market(() -> trade.apply(a, instrument(venue, p)));
  }

  /** Runs on the market thread; a {@link BinanceError} becomes its error response. */
  private CompletableFuture<FullHttpResponse> market(java.util.concurrent.Callable<String> body) {
    return model
        .submit(body)
        .handle(
            (json, e) -> {
              if (e == null) {
                return HttpResponses.json(200, json);
              }
              Throwable cause =
                  e instanceof java.util.concurrent.CompletionException ? e.getCause() : e;
              if (cause instanceof BinanceError be) {
                return error(be);
              }
              throw new IllegalStateException(cause);
            });
  }

  private SimInstrument instrument(Venue venue, Map<String, String> p) {
    String symbol = OrderParams.required(p, "symbol").toUpperCase(Locale.ROOT);
    SimInstrument i = model.instrument(venue, symbol);
    if (i == null) {
      throw BinanceError.badSymbol();
    }
    return i;
  }

  static FullHttpResponse error(BinanceError e) {
    return HttpResponses.json(e.status, e.json());
  }

  private static FullHttpResponse limited(
      int status, long retryAfter, long bannedUntil, WindowLimiter w) {
    String msg =
        status == 418
            ? "Way too much request weight used; IP banned until "
                + (bannedUntil == 0 ? System.currentTimeMillis() + retryAfter * 1000 : bannedUntil)
                + ". Please use WebSocket Streams for live updates to avoid bans."
            : "Too much request weight used; current limit is "
                + w.limit()
                + " request weight per "
                + w.intervalNum()
                + " "
                + w.intervalName()
                + ". Please use WebSocket Streams for live updates to avoid polling the API.";
    FullHttpResponse r = error(new BinanceError(status, -1003, msg));
    r.headers().set("Retry-After", Long.toString(retryAfter));
    return r;
  }

  // ---- bodies ----------------------------------------------------------------------------------

  private String aggTrades(Venue venue, Map<String, String> p) {
    SimInstrument i = instrument(venue, p);
    int limit = limit(p, 500, 1000);
    TradeTape tape = i.tape();
    List<TradeTape.Entry> rows;
    if (p.containsKey("fromId")) {
      rows = tape.from(parseLong(p, "fromId"), limit);
    } else if (p.containsKey("startTime") || p.containsKey("endTime")) {
      long start = p.containsKey("startTime") ? parseLong(p, "startTime") : 0;
      long end = p.containsKey("endTime") ? parseLong(p, "endTime") : Long.MAX_VALUE;
      if (p.containsKey("startTime") && p.containsKey("endTime") && end - start > 3_600_000) {
        throw new BinanceError(400, -1127, "More than 1 hours between startTime and endTime.");
      }
      rows = tape.between(start, end, limit);
    } else {
      rows = tape.recent(limit);
    }
    BinanceFormat f = new BinanceFormat(i);
    Json arr = Json.array();
    for (TradeTape.Entry e : rows) {
      BinancePayloads.aggTradeRow(arr, f, e, venue == Venue.BINANCE_USDM);
    }
    return arr.end().toString();
  }

  private String klines(Venue venue, Map<String, String> p) {
    SimInstrument i = instrument(venue, p);
    String interval = OrderParams.required(p, "interval");
    CandleSeries series = i.candles(interval);
    if (series == null) {
      throw new BinanceError(400, -1120, "Invalid interval.");
    }
    int limit = limit(p, 500, venue == Venue.BINANCE_USDM ? 1500 : 1000);
    long start = p.containsKey("startTime") ? parseLong(p, "startTime") : Long.MIN_VALUE;
    long end = p.containsKey("endTime") ? parseLong(p, "endTime") : Long.MAX_VALUE;
    List<Candle> candles = new ArrayList<>(series.history());
    candles.add(series.current());
    candles.removeIf(c -> c.openTime < start || c.openTime > end);
    if (candles.size() > limit) {
      candles =
          start != Long.MIN_VALUE
              ? candles.subList(0, limit)
              : candles.subList(candles.size() - limit, candles.size());
    }
    BinanceFormat f = new BinanceFormat(i);
    Json arr = Json.array();
    for (Candle c : candles) {
      arr.raw(BinancePayloads.klineRow(i, f, c).toString());
    }
    return arr.end().toString();
  }

  private static long parseLong(Map<String, String> p, String name) {
    try {
      return Long.parseLong(p.get(name));
    } catch (NumberFormatException e) {
      throw BinanceError.illegal(name);
    }
  }
}
