package io.tickwire.sim.binance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.model.SimClock;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.WsSession;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A spot WebSocket API connection ({@code /ws-api/v3}) for user data: {@code
 * userDataStream.subscribe.signature} (HMAC, sorted-parameter rule), {@code
 * userDataStream.unsubscribe}, {@code session.subscriptions}, {@code ping} and {@code time}.
 * Account events arrive wrapped as {@code {"subscriptionId":n,"event":{...}}}; responses carry
 * {@code rateLimits} unless {@code returnRateLimits=false}.
 */
final class WsApiSession extends WsSession {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final BinanceAuth auth;
  private final SpotUserStreams streams;
  private final SimClock clock;
  private final SimConfig config;
  private final boolean returnRateLimits;
  private final Map<Integer, AccountSpec> subscriptions = new LinkedHashMap<>();
  private int nextSubscriptionId;
  private long weight;

  WsApiSession(
      String id,
      String path,
      String remoteIp,
      SimConfig config,
      FaultState faults,
      BinanceAuth auth,
      SpotUserStreams streams,
      SimClock clock,
      boolean returnRateLimits) {
    super(id, Venue.BINANCE_SPOT, path, remoteIp, config.wsApiLimits(), faults);
    this.config = config;
    this.auth = auth;
    this.streams = streams;
    this.clock = clock;
    this.returnRateLimits = returnRateLimits;
  }

  @Override
  public synchronized List<String> streams() {
    List<String> out = new ArrayList<>();
    subscriptions.forEach((sid, a) -> out.add("userData:" + sid + ":" + a.accountId()));
    return out;
  }

  @Override
  protected void onText(String text) {
    JsonNode req;
    try {
      req = MAPPER.readTree(text);
    } catch (Exception e) {
      reply("null", 400, null, new BinanceError(400, -1135, "Invalid JSON request."), true);
      return;
    }
    String id = req.has("id") ? req.get("id").toString() : "null";
    String method = req.path("method").asText("");
    if (method.startsWith("v3/")) {
      method = method.substring(3);
    }
    JsonNode params = req.get("params");
    boolean rateLimits =
        params != null && params.has("returnRateLimits")
            ? params.get("returnRateLimits").asBoolean()
            : returnRateLimits;
    try {
      String result =
          switch (method) {
            case "ping" -> charge(1, "{}");
            case "time" -> charge(1, "{\"serverTime\":" + clock.now() + "}");
            case "userDataStream.subscribe.signature" -> charge(2, subscribe(params));
            case "userDataStream.unsubscribe" -> charge(2, unsubscribe(params));
            case "session.subscriptions" -> charge(2, list());
            case "userDataStream.subscribe" ->
                throw new BinanceError(
                    401, -1002, "You are not authorized to execute this request.");
            case "session.logon" ->
                throw new BinanceError(
                    400,
                    -1020,
                    "This operation is not supported: session.logon needs an Ed25519 key.");
            default ->
                throw new BinanceError(400, -1020, "Unsupported operation '" + method + "'.");
          };
      reply(id, 200, result, null, rateLimits);
    } catch (BinanceError e) {
      reply(id, e.status, null, e, rateLimits);
    }
  }

  private String charge(int w, String result) {
    weight += w;
    return result;
  }

  private String subscribe(JsonNode params) {
    AccountSpec account = auth.verifyWsApi(params);
    int sid;
    synchronized (this) {
      if (subscriptions.containsValue(account)) {
        throw new BinanceError(
            400,
            -2036,
            "This account already has a User Data Stream subscription on this connection.");
      }
      sid = nextSubscriptionId++;
      subscriptions.put(sid, account);
    }
    streams.add(account.apiKey(), this, sid);
    return "{\"subscriptionId\":" + sid + "}";
  }

  private String unsubscribe(JsonNode params) {
    List<Integer> closing = new ArrayList<>();
    synchronized (this) {
      if (params != null && params.has("subscriptionId")) {
        int sid = params.get("subscriptionId").asInt();
        if (subscriptions.containsKey(sid)) {
          closing.add(sid);
        }
      } else {
        closing.addAll(subscriptions.keySet());
      }
    }
    long now = clock.now();
    for (int sid : closing) {
      AccountSpec a;
      synchronized (this) {
        a = subscriptions.remove(sid);
      }
      streams.remove(a.apiKey(), this, sid);
      deliver(sid, "{\"e\":\"eventStreamTerminated\",\"E\":" + now + "}");
    }
    return "{}";
  }

  private synchronized String list() {
    Json arr = Json.array();
    subscriptions.keySet().forEach(sid -> arr.beginObject().num("subscriptionId", sid).end());
    return arr.end().toString();
  }

  /** An account event for one of this connection's subscriptions. */
  void deliver(int subscriptionId, String eventJson) {
    sendText("{\"subscriptionId\":" + subscriptionId + ",\"event\":" + eventJson + "}");
  }

  private void reply(String id, int status, String result, BinanceError error, boolean rateLimits) {
    Json j = Json.object().raw("id", id).num("status", status);
    if (error != null) {
      j.beginObject("error").num("code", error.code).str("msg", error.getMessage()).end();
    } else {
      j.raw("result", result);
    }
    if (rateLimits) {
      j.beginArray("rateLimits")
          .beginObject()
          .str("rateLimitType", "REQUEST_WEIGHT")
          .str("interval", "MINUTE")
          .num("intervalNum", 1)
          .num("limit", config.restLimits().spotWeight())
          .num("count", weight)
          .end()
          .end();
    }
    sendText(j.end().toString());
  }

  @Override
  protected WebSocketFrame render(Object message) {
    return null;
  }

  @Override
  public void serverShutdown(long eventTime, Duration grace) {
    sendText("{\"event\":{\"e\":\"serverShutdown\",\"E\":" + eventTime + "}}");
    closeAfter(grace);
  }

  @Override
  protected synchronized void closedHook() {
    subscriptions.forEach((sid, a) -> streams.remove(a.apiKey(), this, sid));
    subscriptions.clear();
  }
}
