package io.tickwire.sim.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.model.Venue;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.Http;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upbit's private WebSocket (JWT at upgrade; myOrder, myAsset) and the order REST API. */
class UpbitPrivateIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AccountSpec ACCOUNT = new AccountSpec("upbit-access", "upbit-secret", balances());

  static Map<String, String> balances() {
    Map<String, String> m = new java.util.LinkedHashMap<>();
    m.put("KRW", "500000000");
    m.put("BTC", "1");
    return m;
  }

  static ExchangeSim sim;
  static Http http;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder().autoAdvance(false).accounts(List.of(ACCOUNT)).build());
    http = new Http(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static String bearer(String query) {
    return "Bearer "
        + UpbitJwt.sign(
            ACCOUNT.apiKey(),
            ACCOUNT.secretKey(),
            UUID.randomUUID().toString(),
            query == null ? null : UpbitJwt.queryHash(query));
  }

  static WsClient privateConnection(String authorization) {
    WsClient.Options o = new WsClient.Options();
    if (authorization != null) {
      o.header("Authorization", authorization);
    }
    return WsClient.connect(URI.create(sim.wsBaseUrl() + "/websocket/v1/private"), o);
  }

  static JsonNode next(WsClient ws, String type) throws Exception {
    while (true) {
      JsonNode n = JSON.readTree(ws.next(FramesAccess.WAIT).bytes());
      if (n.path("type").asText().equals(type)) {
        return n;
      }
    }
  }

  static HttpResponse<String> order(String body, String query) {
    return http.send(
        "POST",
        "/v1/orders",
        body,
        "Authorization",
        bearer(query),
        "Content-Type",
        "application/json");
  }

  @Test
  void anOrderProducesMyOrderAndMyAsset() throws Exception {
    try (WsClient ws = privateConnection(bearer(null))) {
      ws.sendText(
          "[{\"ticket\":\"p\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"myAsset\"}]");
      ws.sendText("[{\"ticket\":\"p\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
      assertThat(JSON.readTree(ws.next(FramesAccess.WAIT).bytes()).get("result")).hasSize(2);

      String query = "market=KRW-BTC&side=bid&ord_type=price&price=10000000";
      HttpResponse<String> r =
          order(
              "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"price\",\"price\":\"10000000\"}",
              query);
      assertThat(r.statusCode()).isEqualTo(201);
      JsonNode placed = JSON.readTree(r.body());
      assertThat(placed.get("state").asText()).isEqualTo("wait");
      assertThat(placed.get("ord_type").asText()).isEqualTo("price");

      JsonNode trade = next(ws, "myOrder");
      assertThat(trade.get("uuid").asText()).isEqualTo(placed.get("uuid").asText());
      assertThat(trade.get("state").asText()).isEqualTo("trade");
      assertThat(trade.get("trade_uuid").asText()).isNotEmpty();
      assertThat(trade.get("ask_bid").asText()).isEqualTo("BID");
      JsonNode done;
      do {
        done = next(ws, "myOrder");
      } while (done.get("state").asText().equals("trade"));
      assertThat(done.get("state").asText()).isEqualTo("done");
      JsonNode asset = next(ws, "myAsset");
      assertThat(asset.get("assets").toString())
          .contains("\"currency\":\"KRW\"")
          .contains("\"currency\":\"BTC\"");
      assertThat(asset.fieldNames())
          .toIterable()
          .containsExactly(
              "type", "asset_uuid", "assets", "asset_timestamp", "timestamp", "stream_type");
    }
    HttpResponse<String> accounts =
        http.send("GET", "/v1/accounts", null, "Authorization", bearer(null));
    JsonNode krw = JSON.readTree(accounts.body()).get(0);
    assertThat(krw.get("currency").asText()).isEqualTo("KRW"); // in the configured order
    assertThat(new BigDecimal(krw.get("balance").asText())).isLessThan(new BigDecimal("500000000"));
  }

  @Test
  void aRestingLimitOrderWaitsAndCanBeCancelled() throws Exception {
    BigDecimal bid = sim.market().book(Venue.UPBIT, "KRW-BTC", 1).bids().get(0).price();
    String price = bid.subtract(new BigDecimal("1000000")).toPlainString();
    try (WsClient ws = privateConnection(bearer(null))) {
      ws.sendText("[{\"ticket\":\"p\"},{\"type\":\"myOrder\"},{\"format\":\"SIMPLE\"}]");
      // a listing request sets the connection's format too, so it repeats SIMPLE
      ws.sendText(
          "[{\"ticket\":\"p\"},{\"method\":\"LIST_SUBSCRIPTIONS\"},{\"format\":\"SIMPLE\"}]");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"mthd\":\"LIST_SUBSCRIPTIONS\",\"rslt\":[{\"ty\":\"myOrder\"}],\"tckt\":\"p\"}");
      String query = "market=KRW-BTC&side=bid&ord_type=limit&price=" + price + "&volume=0.01";
      HttpResponse<String> r =
          order(
              "{\"market\":\"KRW-BTC\",\"side\":\"bid\",\"ord_type\":\"limit\",\"price\":\""
                  + price
                  + "\",\"volume\":\"0.01\"}",
              query);
      assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
      String uuid = JSON.readTree(r.body()).get("uuid").asText();
      JsonNode wait = JSON.readTree(ws.next(FramesAccess.WAIT).bytes());
      assertThat(wait.get("ty").asText()).isEqualTo("myOrder");
      assertThat(wait.get("uid").asText()).isEqualTo(uuid);
      assertThat(wait.get("s").asText()).isEqualTo("wait");

      HttpResponse<String> cancel =
          http.send(
              "DELETE", "/v1/order?uuid=" + uuid, null, "Authorization", bearer("uuid=" + uuid));
      assertThat(cancel.statusCode()).isEqualTo(200);
      assertThat(JSON.readTree(ws.next(FramesAccess.WAIT).bytes()).get("s").asText())
          .isEqualTo("cancel");
    }
  }

  @Test
  void privateTypesNeedAValidToken() {
    try (WsClient forged =
            privateConnection("Bearer " + UpbitJwt.sign(ACCOUNT.apiKey(), "wrong", "n", null));
        WsClient none = privateConnection(null)) {
      forged.sendText("[{\"ticket\":\"p\"},{\"type\":\"myAsset\"}]");
      assertThat(forged.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"error\":{\"name\":\"INVALID_AUTH\",\"message\":\"Invalid authentication.\"}}");
      none.sendText("[{\"ticket\":\"p\"},{\"type\":\"myOrder\",\"codes\":[\"KRW-BTC\"]}]");
      assertThat(none.next(FramesAccess.WAIT).text()).contains("INVALID_AUTH");
    }
  }

  @Test
  void restOrdersCheckTheTokenAndTheQueryHash() {
    String body =
        "{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"market\",\"volume\":\"0.001\"}";
    HttpResponse<String> wrongHash =
        order(body, "market=KRW-BTC&side=ask&ord_type=market&volume=0.002");
    assertThat(wrongHash.statusCode()).isEqualTo(401);
    assertThat(wrongHash.body()).contains("\"name\":\"invalid_query_payload\"");
    HttpResponse<String> noToken =
        http.send("POST", "/v1/orders", body, "Content-Type", "application/json");
    assertThat(noToken.statusCode()).isEqualTo(401);
    assertThat(noToken.body()).contains("\"name\":\"jwt_verification\"");
    HttpResponse<String> ok = order(body, "market=KRW-BTC&side=ask&ord_type=market&volume=0.001");
    assertThat(ok.statusCode()).isEqualTo(201);
    HttpResponse<String> poor =
        order(
            "{\"market\":\"KRW-BTC\",\"side\":\"ask\",\"ord_type\":\"market\",\"volume\":\"50\"}",
            "market=KRW-BTC&side=ask&ord_type=market&volume=50");
    assertThat(poor.statusCode()).isEqualTo(400);
    assertThat(poor.body()).contains("\"name\":\"insufficient_funds_ask\"");
  }
}
