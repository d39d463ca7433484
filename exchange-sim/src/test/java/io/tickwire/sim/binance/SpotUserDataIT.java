package io.tickwire.sim.binance;

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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Spot user data through the WebSocket API ({@code userDataStream.subscribe.signature}) and signed
 * REST orders that fill against the simulated book.
 */
class SpotUserDataIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AccountSpec ACCOUNT =
      new AccountSpec(
          BinanceAuthTest.API_KEY, BinanceAuthTest.SECRET, Map.of("USDT", "100000", "BTC", "1"));
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

  static String subscribeRequest(String id, String apiKey, String secret) {
    long ts = System.currentTimeMillis();
    String payload = "apiKey=" + apiKey + "&recvWindow=60000&timestamp=" + ts;
    String signature = BinanceAuth.hmacSha256(secret, payload);
    return "{\"id\":\""
        + id
        + "\",\"method\":\"userDataStream.subscribe.signature\",\"params\":{\"apiKey\":\""
        + apiKey
        + "\",\"timestamp\":"
        + ts
        + ",\"recvWindow\":60000,\"signature\":\""
        + signature
        + "\"}}";
  }

  static WsClient subscribed() {
    WsClient ws =
        WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws-api/v3?returnRateLimits=false"));
    ws.sendText(subscribeRequest("s1", ACCOUNT.apiKey(), ACCOUNT.secretKey()));
    assertThat(ws.next(FramesAccess.WAIT).text())
        .matches("\\{\"id\":\"s1\",\"status\":200,\"result\":\\{\"subscriptionId\":\\d+\\}\\}");
    return ws;
  }

  static JsonNode event(WsClient ws, String type) throws Exception {
    while (true) {
      JsonNode n = JSON.readTree(ws.next(FramesAccess.WAIT).text());
      assertThat(n.has("subscriptionId")).isTrue();
      if (n.get("event").get("e").asText().equals(type)) {
        return n.get("event");
      }
    }
  }

  @Test
  void subscriptionRepliesCarryRateLimitsByDefault() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws-api/v3"))) {
      ws.sendText(subscribeRequest("a", ACCOUNT.apiKey(), ACCOUNT.secretKey()));
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"id\":\"a\",\"status\":200,\"result\":{\"subscriptionId\":0},\"rateLimits\":[{\"rateLimitType\":"
                  + "\"REQUEST_WEIGHT\",\"interval\":\"MINUTE\",\"intervalNum\":1,\"limit\":6000,\"count\":2}]}");
      ws.sendText(
          "{\"id\":7,\"method\":\"session.subscriptions\",\"params\":{\"returnRateLimits\":false}}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"id\":7,\"status\":200,\"result\":[{\"subscriptionId\":0}]}");
      ws.sendText(
          "{\"id\":8,\"method\":\"userDataStream.unsubscribe\",\"params\":{\"returnRateLimits\":false}}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .matches(
              "\\{\"subscriptionId\":0,\"event\":\\{\"e\":\"eventStreamTerminated\",\"E\":\\d{13}\\}\\}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"id\":8,\"status\":200,\"result\":{}}");
    }
  }

  @Test
  void wrongSignaturesAndKeysAreRejected() {
    try (WsClient ws =
        WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws-api/v3?returnRateLimits=false"))) {
      ws.sendText(subscribeRequest("bad", ACCOUNT.apiKey(), "not-the-secret"));
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"id\":\"bad\",\"status\":400,\"error\":{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}}");
      ws.sendText(subscribeRequest("who", "unknown-key", "x"));
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"id\":\"who\",\"status\":401,\"error\":{\"code\":-2015,\"msg\":\"Invalid API-key, IP, or permissions for action.\"}}");
    }
  }

  @Test
  void aMarketOrderFillsAndReportsEveryStep() throws Exception {
    try (WsClient ws = subscribed()) {
      HttpResponse<String> r =
          http.signed(
              "POST",
              "/api/v3/order",
              "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.01000",
              ACCOUNT);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode order = JSON.readTree(r.body());
      assertThat(order.get("status").asText()).isEqualTo("FILLED");
      assertThat(order.get("executedQty").asText()).isEqualTo("0.01000000");
      assertThat(order.get("fills").size()).isPositive();

      JsonNode created = event(ws, "executionReport");
      assertThat(created.get("x").asText()).isEqualTo("NEW");
      assertThat(created.get("i").asLong()).isEqualTo(order.get("orderId").asLong());
      JsonNode trade = event(ws, "executionReport");
      assertThat(trade.get("x").asText()).isEqualTo("TRADE");
      assertThat(trade.get("t").asLong())
          .isEqualTo(order.get("fills").get(0).get("tradeId").asLong());
      assertThat(trade.get("N").asText()).isEqualTo("BTC");
      assertThat(trade.toString())
          .matches(
              "\\{\"e\":\"executionReport\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"c\":\"\\w{22}\",\"S\":\"BUY\",\"o\":\"MARKET\","
                  + "\"f\":\"GTC\",\"q\":\"0.01000000\",\"p\":\"0.00000000\",\"P\":\"0.00000000\",\"F\":\"0.00000000\","
                  + "\"g\":-1,\"C\":\"\",\"x\":\"TRADE\",\"X\":\"(PARTIALLY_FILLED|FILLED)\",\"r\":\"NONE\",\"i\":\\d+,"
                  + "\"l\":\"\\d+\\.\\d{8}\",\"z\":\"\\d+\\.\\d{8}\",\"L\":\"\\d+\\.\\d{8}\",\"n\":\"\\d+\\.\\d{8}\","
                  + "\"N\":\"BTC\",\"T\":\\d{13},\"t\":\\d+,\"I\":\\d+,\"w\":false,\"m\":false,\"M\":false,\"O\":\\d{13},"
                  + "\"Z\":\"\\d+\\.\\d{8}\",\"Y\":\"\\d+\\.\\d{8}\",\"Q\":\"0.00000000\",\"V\":\"NONE\"\\}");
      JsonNode position = event(ws, "outboundAccountPosition");
      assertThat(position.get("B").toString()).contains("\"a\":\"USDT\"").contains("\"a\":\"BTC\"");
      // the public tape shows the same trades
      assertThat(sim.market().lastTradeId(Venue.BINANCE_SPOT, "BTCUSDT"))
          .isGreaterThanOrEqualTo(trade.get("t").asLong());
    }
  }

  @Test
  void aLimitOrderRestsInTheBookUntilCancelled() throws Exception {
    BigDecimal bid = sim.market().book(Venue.BINANCE_SPOT, "BTCUSDT", 1).bids().get(0).price();
    String price = bid.subtract(new BigDecimal("100")).setScale(2).toPlainString();
    try (WsClient ws = subscribed()) {
      HttpResponse<String> r =
          http.signed(
              "POST",
              "/api/v3/order",
              "symbol=BTCUSDT&side=BUY&type=LIMIT&timeInForce=GTC&quantity=0.50000&price="
                  + price
                  + "&newClientOrderId=rest1&newOrderRespType=RESULT",
              ACCOUNT);
      JsonNode order = JSON.readTree(r.body());
      assertThat(order.get("status").asText()).isEqualTo("NEW");
      JsonNode created = event(ws, "executionReport");
      assertThat(created.get("w").asBoolean()).isTrue();
      assertThat(created.get("c").asText()).isEqualTo("rest1");
      JsonNode locked = event(ws, "outboundAccountPosition");
      assertThat(locked.get("B").get(0).get("a").asText()).isEqualTo("USDT");
      var book = sim.market().book(Venue.BINANCE_SPOT, "BTCUSDT", 400);
      assertThat(book.bids()).anyMatch(l -> l.price().compareTo(new BigDecimal(price)) == 0);

      HttpResponse<String> cancel =
          http.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=rest1", ACCOUNT);
      assertThat(JSON.readTree(cancel.body()).get("status").asText()).isEqualTo("CANCELED");
      JsonNode cancelled = event(ws, "executionReport");
      assertThat(cancelled.get("x").asText()).isEqualTo("CANCELED");
      assertThat(cancelled.get("C").asText()).isEqualTo("rest1");
      HttpResponse<String> again =
          http.signed("DELETE", "/api/v3/order", "symbol=BTCUSDT&origClientOrderId=rest1", ACCOUNT);
      assertThat(again.body()).isEqualTo("{\"code\":-2011,\"msg\":\"Unknown order sent.\"}");
    }
  }

  @Test
  void signaturesCoverThePercentEncodedPayload() {
    long ts = System.currentTimeMillis();
    String encoded =
        "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.00100&newClientOrderId=my%20order&timestamp="
            + ts;
    String decoded = encoded.replace("%20", " ");

    HttpResponse<String> wrong =
        http.send(
            "POST",
            "/api/v3/order?"
                + encoded
                + "&signature="
                + BinanceAuth.hmacSha256(ACCOUNT.secretKey(), decoded),
            null,
            "X-MBX-APIKEY",
            ACCOUNT.apiKey());
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(wrong.body())
        .isEqualTo("{\"code\":-1022,\"msg\":\"Signature for this request is not valid.\"}");

    HttpResponse<String> right =
        http.send(
            "POST",
            "/api/v3/order?"
                + encoded
                + "&signature="
                + BinanceAuth.hmacSha256(ACCOUNT.secretKey(), encoded),
            null,
            "X-MBX-APIKEY",
            ACCOUNT.apiKey());
    assertThat(right.statusCode()).isEqualTo(200);
    assertThat(right.body()).contains("\"clientOrderId\":\"my order\"");

    // parameters may travel in the body: the signature covers query + body
    String query = "symbol=BTCUSDT";
    String form =
        "side=SELL&type=MARKET&quantity=0.00100&newClientOrderId=in%2Fbody&timestamp=" + ts;
    HttpResponse<String> body =
        http.send(
            "POST",
            "/api/v3/order?" + query,
            form + "&signature=" + BinanceAuth.hmacSha256(ACCOUNT.secretKey(), query + form),
            "X-MBX-APIKEY",
            ACCOUNT.apiKey(),
            "Content-Type",
            "application/x-www-form-urlencoded");
    assertThat(body.statusCode()).isEqualTo(200);
    assertThat(body.body()).contains("\"clientOrderId\":\"in/body\"");
    assertThat(http.send("POST", "/api/v3/order?" + encoded, null).body())
        .isEqualTo("{\"code\":-2014,\"msg\":\"API-key format invalid.\"}");
  }

  @Test
  void depositsEmitBalanceUpdateAndInsufficientFundsAreRefused() throws Exception {
    try (WsClient ws = subscribed()) {
      sim.deposit(ACCOUNT.apiKey(), Venue.BINANCE_SPOT, "ETH", new BigDecimal("2.5"));
      JsonNode update = event(ws, "balanceUpdate");
      assertThat(update.toString())
          .matches(
              "\\{\"e\":\"balanceUpdate\",\"E\":\\d{13},\"a\":\"ETH\",\"d\":\"2.50000000\",\"T\":\\d{13}\\}");
      JsonNode position = event(ws, "outboundAccountPosition");
      assertThat(position.get("B").get(0).toString())
          .isEqualTo("{\"a\":\"ETH\",\"f\":\"2.50000000\",\"l\":\"0.00000000\"}");
    }
    HttpResponse<String> tooMuch =
        http.signed(
            "POST",
            "/api/v3/order",
            "symbol=ETHUSDT&side=SELL&type=MARKET&quantity=100.0000",
            ACCOUNT);
    assertThat(tooMuch.body())
        .isEqualTo(
            "{\"code\":-2010,\"msg\":\"Account has insufficient balance for requested action.\"}");
    HttpResponse<String> account = http.signed("GET", "/api/v3/account", "", ACCOUNT);
    assertThat(account.body())
        .contains("{\"asset\":\"ETH\",\"free\":\"2.50000000\",\"locked\":\"0.00000000\"}");
  }
}
