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
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** USD-M user data: listen keys, {@code /private/ws/<key>}, orders and their account events. */
class UsdmUserDataIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final AccountSpec ACCOUNT = AccountSpec.DEMO;
  static ExchangeSim sim;
  static Http http;

  @BeforeAll
  static void start() {
    sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
    http = new Http(sim);
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static String listenKey(AccountSpec account) throws Exception {
    HttpResponse<String> r =
        http.send("POST", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", account.apiKey());
    assertThat(r.statusCode()).isEqualTo(200);
    return JSON.readTree(r.body()).get("listenKey").asText();
  }

  static JsonNode event(WsClient ws, String type) throws Exception {
    while (true) {
      JsonNode n = JSON.readTree(ws.next(FramesAccess.WAIT).text());
      if (n.get("e").asText().equals(type)) {
        return n;
      }
    }
  }

  @Test
  void listenKeysAreCreatedKeptAliveAndDeleted() throws Exception {
    AccountSpec other = new AccountSpec("key-2", "secret-2", java.util.Map.of("USDT", "10"));
    try (ExchangeSim own =
        ExchangeSim.start(SimConfig.builder().autoAdvance(false).addAccount(other).build())) {
      Http h = new Http(own);
      String key =
          JSON.readTree(h.send("POST", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-2").body())
              .get("listenKey")
              .asText();
      assertThat(key).hasSize(64);
      assertThat(h.send("POST", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-2").body())
          .isEqualTo("{\"listenKey\":\"" + key + "\"}");
      assertThat(h.send("PUT", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-2").body())
          .isEqualTo("{}");
      assertThat(h.send("DELETE", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-2").body())
          .isEqualTo("{}");
      HttpResponse<String> gone =
          h.send("PUT", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-2");
      assertThat(gone.statusCode()).isEqualTo(400);
      assertThat(gone.body())
          .isEqualTo("{\"code\":-1125,\"msg\":\"This listenKey does not exist.\"}");
      assertThat(h.send("POST", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "nobody").statusCode())
          .isEqualTo(401);
    }
  }

  @Test
  void ordersReportOrderTradeUpdateAndAccountUpdate() throws Exception {
    String key = listenKey(ACCOUNT);
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/private/ws/" + key))) {
      HttpResponse<String> r =
          http.signed(
              "POST",
              "/fapi/v1/order",
              "symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.010",
              ACCOUNT);
      assertThat(r.statusCode()).isEqualTo(200);
      JsonNode ack = JSON.readTree(r.body());
      assertThat(ack.get("status").asText()).isEqualTo("NEW");
      assertThat(ack.get("executedQty").asText()).isEqualTo("0.000");

      JsonNode created = event(ws, "ORDER_TRADE_UPDATE");
      assertThat(created.get("o").get("x").asText()).isEqualTo("NEW");
      assertThat(created.get("o").get("i").asLong()).isEqualTo(ack.get("orderId").asLong());
      JsonNode trade = event(ws, "ORDER_TRADE_UPDATE");
      assertThat(trade.toString())
          .matches(
              "\\{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":\\d{13},\"T\":\\d{13},\"o\":\\{\"s\":\"BTCUSDT\",\"c\":\"\\w{22}\","
                  + "\"S\":\"BUY\",\"o\":\"MARKET\",\"f\":\"GTC\",\"q\":\"0.010\",\"p\":\"0.0\",\"ap\":\"[\\d.]+\","
                  + "\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"(PARTIALLY_FILLED|FILLED)\",\"i\":\\d+,\"l\":\"\\d\\.\\d{3}\","
                  + "\"z\":\"\\d\\.\\d{3}\",\"L\":\"\\d+\\.\\d\",\"N\":\"USDT\",\"n\":\"[\\d.]+\",\"T\":\\d{13},\"t\":\\d+,"
                  + "\"b\":\"0\",\"a\":\"0\",\"m\":false,\"R\":false,\"wt\":\"CONTRACT_PRICE\",\"ot\":\"MARKET\","
                  + "\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\",\"pP\":false,\"si\":0,\"ss\":0,\"V\":\"EXPIRE_MAKER\","
                  + "\"pm\":\"NONE\",\"gtd\":0\\}\\}");
      JsonNode account = event(ws, "ACCOUNT_UPDATE");
      assertThat(account.get("a").get("m").asText()).isEqualTo("ORDER");
      JsonNode position = account.get("a").get("P").get(0);
      assertThat(position.get("s").asText()).isEqualTo("BTCUSDT");
      assertThat(new BigDecimal(position.get("pa").asText())).isPositive();
      assertThat(account.get("a").get("B").get(0).get("a").asText()).isEqualTo("USDT");

      // closing the position realises the profit or loss
      http.signed(
          "POST",
          "/fapi/v1/order",
          "symbol=BTCUSDT&side=SELL&type=MARKET&quantity=0.010&newOrderRespType=RESULT",
          ACCOUNT);
      JsonNode close;
      do {
        close = event(ws, "ACCOUNT_UPDATE");
      } while (new BigDecimal(close.get("a").get("P").get(0).get("pa").asText()).signum() != 0);
      assertThat(close.get("a").get("P").get(0).get("ep").asText()).isEqualTo("0");
    }
  }

  @Test
  void combinedPrivateStreamsAreWrappedWithTheKey() throws Exception {
    String key = listenKey(ACCOUNT);
    try (WsClient ws =
        WsClient.connect(URI.create(sim.wsBaseUrl() + "/private/stream?streams=" + key))) {
      sim.deposit(ACCOUNT.apiKey(), Venue.BINANCE_USDM, "USDT", new BigDecimal("5"));
      String[] frame = FramesAccess.unwrap(ws.next(FramesAccess.WAIT).text());
      assertThat(frame[0]).isEqualTo(key);
      assertThat(frame[1])
          .matches(
              "\\{\"e\":\"ACCOUNT_UPDATE\",\"E\":\\d{13},\"T\":\\d{13},\"a\":\\{\"m\":\"DEPOSIT\",\"B\":\\[\\{\"a\":\"USDT\","
                  + "\"wb\":\"[\\d.]+\",\"cw\":\"[\\d.]+\",\"bc\":\"5\"\\}\\],\"P\":\\[\\]\\}\\}");
    }
  }

  @Test
  void anExpiredKeyGetsListenKeyExpired() throws Exception {
    AccountSpec other = new AccountSpec("key-3", "secret-3", java.util.Map.of("USDT", "10"));
    try (ExchangeSim own =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .addAccount(other)
                .listenKeyValidity(Duration.ofMillis(1500))
                .build())) {
      Http h = new Http(own);
      String key =
          JSON.readTree(h.send("POST", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-3").body())
              .get("listenKey")
              .asText();
      try (WsClient ws = WsClient.connect(URI.create(own.wsBaseUrl() + "/private/ws/" + key))) {
        assertThat(ws.next(FramesAccess.WAIT).text())
            .matches(
                "\\{\"e\":\"listenKeyExpired\",\"E\":\\d{13},\"listenKey\":\"" + key + "\"\\}");
      }
      assertThat(h.send("PUT", "/fapi/v1/listenKey", null, "X-MBX-APIKEY", "key-3").statusCode())
          .isEqualTo(400);
    }
  }
}
