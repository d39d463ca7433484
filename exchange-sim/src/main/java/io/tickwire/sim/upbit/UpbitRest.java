package io.tickwire.sim.upbit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.TradeTape;
import io.tickwire.sim.model.Units;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.HttpResponses;
import io.tickwire.sim.server.RestHandler;
import io.tickwire.sim.server.RestRequest;
import io.tickwire.sim.server.WindowLimiter;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Upbit REST: the quotation API ({@code /v1/market/all}, {@code /v1/trades/ticks} for backfill by
 * {@code sequential_id} cursor, {@code /v1/orderbook}, {@code /v1/ticker}) and the exchange API
 * ({@code POST /v1/orders}, {@code DELETE /v1/order}, {@code GET /v1/order}, {@code GET
 * /v1/accounts}) with JWT authentication and the {@code Remaining-Req} header.
 */
final class UpbitRest implements RestHandler {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Map<String, String[]> NAMES =
      Map.of(
          "BTC", new String[] {"비트코인", "Bitcoin"},
          "ETH", new String[] {"이더리움", "Ethereum"},
          "XRP", new String[] {"엑스알피(리플)", "XRP"},
          "SOL", new String[] {"솔라나", "Solana"},
          "USDT", new String[] {"테더", "Tether"});

  private final MarketModel model;
  private final FaultState faults;
  private final UpbitPayloads payloads;
  private final UpbitJwt jwt;
  private final UpbitTrading trading;
  private final WindowLimiter quotation;

  UpbitRest(
      SimConfig config,
      MarketModel model,
      FaultState faults,
      UpbitPayloads payloads,
      UpbitJwt jwt,
      UpbitTrading trading) {
    this.model = model;
    this.faults = faults;
    this.payloads = payloads;
    this.jwt = jwt;
    this.trading = trading;
    var r = config.restLimits();
    this.quotation =
        new WindowLimiter(r.upbitPerSecond(), Duration.ofSeconds(1), r.banAfter(), r.banDuration());
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith("/v1/");
  }

  @Override
  public CompletableFuture<FullHttpResponse> handle(RestRequest r) {
    FaultState.RestError injected = faults.takeRestError(Venue.UPBIT);
    if (injected != null) {
      return done(limited(injected.status(), injected.retryAfter().toSeconds()));
    }
    String endpoint = r.method().name() + " " + r.path();
    boolean exchange =
        endpoint.startsWith("POST /v1/orders")
            || r.path().equals("/v1/order")
            || r.path().equals("/v1/accounts");
    WindowLimiter.Verdict v = quotation.charge(r.remoteIp() + (exchange ? "/exchange" : ""), 1);
    if (!v.allowed()) {
      return done(limited(v.status(), v.retryAfterSeconds()));
    }
    Map<String, String> p;
    try {
      p = params(r);
    } catch (UpbitError e) {
      return done(error(e));
    }
    CompletableFuture<FullHttpResponse> response;
    try {
      response =
          switch (endpoint) {
            case "GET /v1/market/all" ->
                market(() -> marketAll("true".equals(p.get("is_details"))));
            case "GET /v1/trades/ticks" -> market(() -> ticks(p));
            case "GET /v1/orderbook" -> market(() -> orderbook(p));
            case "GET /v1/ticker" -> market(() -> ticker(p));
            case "POST /v1/orders" -> {
              AccountSpec a = auth(r, query(r, p));
              yield market(() -> trading.place(a, p), 201);
            }
            case "DELETE /v1/order" -> {
              AccountSpec a = auth(r, query(r, p));
              yield market(() -> trading.cancel(a, p));
            }
            case "GET /v1/order" -> {
              AccountSpec a = auth(r, query(r, p));
              yield market(() -> trading.order(a, p));
            }
            case "GET /v1/accounts" -> {
              AccountSpec a = auth(r, null);
              yield market(() -> trading.accounts(a));
            }
            default -> done(error(new UpbitError(404, "not_found", "No such API: " + endpoint)));
          };
    } catch (UpbitError e) {
      response = done(error(e));
    }
    long remaining = Math.max(0, quotation.limit() - v.used());
    return response.thenApply(
        resp -> {
          resp.headers().set("Remaining-Req", "group=default; min=1800; sec=" + remaining);
          return resp;
        });
  }

  private AccountSpec auth(RestRequest r, String query) {
    try {
      return jwt.verify(r.header(HttpHeaderNames.AUTHORIZATION.toString()), query);
    } catch (UpbitJwt.Refused e) {
      throw new UpbitError(401, e.name, e.getMessage());
    }
  }

  /** Parameters from the query string, a JSON body or a form body, in the order they came. */
  private static Map<String, String> params(RestRequest r) {
    Map<String, String> p = new LinkedHashMap<>();
    r.query().forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
    String body = r.body().trim();
    if (body.startsWith("{")) {
      try {
        JsonNode node = MAPPER.readTree(body);
        for (Map.Entry<String, JsonNode> e : node.properties()) {
          p.put(e.getKey(), e.getValue().asText());
        }
      } catch (Exception e) {
        throw new UpbitError(400, "invalid_parameter", "The body is not valid JSON.");
      }
    } else if (!body.isEmpty()) {
      new QueryStringDecoder(body, false)
          .parameters()
          .forEach((k, v) -> p.put(k, v.isEmpty() ? "" : v.get(0)));
    }
    return p;
  }

  /** The query string a client hashes: the raw query, else {@code k=v&...} of the body. */
  private static String query(RestRequest r, Map<String, String> p) {
    if (!r.rawQuery().isEmpty()) {
      return QueryStringDecoder.decodeComponent(r.rawQuery());
    }
    List<String> pairs = new ArrayList<>();
    p.forEach((k, v) -> pairs.add(k + "=" + v));
    return String.join("&", pairs);
  }

  private static CompletableFuture<FullHttpResponse> done(FullHttpResponse r) {
    return CompletableFuture.completedFuture(r);
  }

  private CompletableFuture<FullHttpResponse> market(Callable<String> body) {
    return market(body, 200);
  }

  private CompletableFuture<FullHttpResponse> market(Callable<String> body, int status) {
    return model
        .submit(body)
        .handle(
            (json, e) -> {
              if (e == null) {
                return HttpResponses.json(status, json);
              }
              Throwable cause = e instanceof CompletionException ? e.getCause() : e;
              if (cause instanceof UpbitError ue) {
                return error(ue);
              }
              throw new IllegalStateException(cause);
            });
  }

  private static FullHttpResponse error(UpbitError e) {
    return HttpResponses.json(e.status, e.json());
  }

  static FullHttpResponse limited(int status, long retryAfter) {
    FullHttpResponse r =
        HttpResponses.json(
            status,
            status == 418
                ? UpbitRequest.error(
                    "too_many_requests", "Too many requests: this IP is blocked for a while.")
                : UpbitRequest.error("too_many_requests", "Too many API requests."));
    r.headers().set("Retry-After", Long.toString(retryAfter));
    return r;
  }

  private SimInstrument instrument(String market) {
    SimInstrument i = model.instrument(Venue.UPBIT, market);
    if (i == null) {
      throw new UpbitError(404, "404", "Code not found");
    }
    return i;
  }

  private String marketAll(boolean details) {
    Json arr = Json.array();
    for (SimInstrument i : model.instruments(Venue.UPBIT)) {
      String[] names =
          NAMES.getOrDefault(i.spec().base(), new String[] {i.spec().base(), i.spec().base()});
      arr.beginObject()
          .str("market", i.symbol())
          .str("korean_name", names[0])
          .str("english_name", names[1]);
      if (details) {
        arr.beginObject("market_event").bool("warning", false);
        arr.beginObject("caution")
            .bool("PRICE_FLUCTUATIONS", false)
            .bool("TRADING_VOLUME_SOARING", false)
            .bool("DEPOSIT_AMOUNT_SOARING", false)
            .bool("GLOBAL_PRICE_DIFFERENCES", false)
            .bool("CONCENTRATION_OF_SMALL_ACCOUNTS", false)
            .end()
            .end();
      }
      arr.end();
    }
    return arr.end().toString();
  }

  private String ticks(Map<String, String> p) {
    SimInstrument i = instrument(UpbitTrading.required(p, "market"));
    int count = intParam(p, "count", 1, 1, 500);
    TradeTape tape = i.tape();
    long cursor = p.containsKey("cursor") ? longParam(p, "cursor") : Long.MAX_VALUE;
    List<TradeTape.Entry> rows = tape.beforeKey(cursor, count);
    int pd = i.priceDecimals();
    int qd = i.qtyDecimals();
    Json arr = Json.array();
    for (TradeTape.Entry e : rows) {
      arr.beginObject()
          .str("market", i.symbol())
          .str(
              "trade_date_utc",
              UpbitPayloads.format(DateTimeFormatter.ISO_LOCAL_DATE, e.time(), ZoneOffset.UTC))
          .str(
              "trade_time_utc",
              UpbitPayloads.format(
                  DateTimeFormatter.ofPattern("HH:mm:ss"), e.time(), ZoneOffset.UTC))
          .num("timestamp", e.time())
          .numRaw("trade_price", payloads.num(e.price(), pd))
          .numRaw("trade_volume", payloads.num(e.qty(), qd))
          .numRaw("prev_closing_price", payloads.num(e.reference(), pd))
          .numRaw("change_price", payloads.num(e.price() - e.reference(), pd))
          .str("ask_bid", e.buyerMaker() ? "ASK" : "BID")
          .num("sequential_id", e.firstTradeId())
          .end();
    }
    return arr.end().toString();
  }

  private String orderbook(Map<String, String> p) {
    String markets = UpbitTrading.required(p, "markets");
    Json arr = Json.array();
    for (String market : markets.split(",")) {
      SimInstrument i = instrument(market.trim());
      long level = 0;
      if (p.containsKey("level")) {
        try {
          level = Units.parse(p.get("level"), i.priceDecimals());
        } catch (IllegalArgumentException e) {
          throw new UpbitError(400, "invalid_parameter", "Invalid level.");
        }
      }
      int count = intParam(p, "count", 30, 1, 30);
      UpbitMessage m = payloads.orderbook(i, "orderbook", count, level, model.time(), "SNAPSHOT");
      // REST: market instead of type/code, no stream_type
      arr.raw(restShape(m, i.symbol()));
    }
    return arr.end().toString();
  }

  private String ticker(Map<String, String> p) {
    Json arr = Json.array();
    for (String market : UpbitTrading.required(p, "markets").split(",")) {
      SimInstrument i = instrument(market.trim());
      arr.raw(restShape(payloads.ticker(i, model.clock().now(), "SNAPSHOT"), i.symbol()));
    }
    return arr.end().toString();
  }

  /** The REST form of a WebSocket message: {@code market} in place of type and code. */
  private static String restShape(UpbitMessage m, String market) {
    String json = new String(m.bytes(false), java.nio.charset.StandardCharsets.UTF_8);
    int codeEnd = json.indexOf(",", json.indexOf("\"code\":"));
    String rest = json.substring(codeEnd + 1);
    rest = rest.replaceAll(",\"stream_type\":\"[A-Z]+\"", "");
    return "{\"market\":" + Json.quote(market) + "," + rest;
  }

  private static int intParam(Map<String, String> p, String name, int dflt, int min, int max) {
    if (!p.containsKey(name)) {
      return dflt;
    }
    try {
      int v = Integer.parseInt(p.get(name));
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new UpbitError(
          400, "invalid_parameter", name + " must be within " + min + ".." + max + ".");
    }
  }

  private static long longParam(Map<String, String> p, String name) {
    try {
      return Long.parseLong(p.get(name));
    } catch (NumberFormatException e) {
      throw new UpbitError(400, "invalid_parameter", "Invalid " + name + ".");
    }
  }
}
