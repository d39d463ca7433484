package io.tickwire.sim.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.model.Venue;
import io.tickwire.sim.DropMode;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.Http;
import io.tickwire.sim.RestLimits;
import io.tickwire.sim.Shapes;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.UpbitLimits;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Upbit's public WebSocket and quotation REST API. */
class UpbitPublicIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = FramesAccess.WAIT;
  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .upbitLimits(new UpbitLimits(Duration.ofSeconds(120), false, 5, 100, 50))
                .restLimits(
                    new RestLimits(
                        6000, 2400, Duration.ofMinutes(1), 1000, 3, Duration.ofMinutes(2)))
                .build());
    sim.market().advance(Duration.ofSeconds(10));
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  static WsClient connect() {
    return WsClient.connect(URI.create(sim.wsBaseUrl() + "/websocket/v1"));
  }

  /** Frames until the LIST_SUBSCRIPTIONS reply: what the connection got in between. */
  static List<WsClient.Frame> fence(WsClient ws) {
    ws.sendText("[{\"ticket\":\"fence\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
    List<WsClient.Frame> frames = new ArrayList<>();
    while (true) {
      WsClient.Frame f = ws.next(WAIT);
      if (f.text().contains("LIST_SUBSCRIPTIONS")) {
        return frames;
      }
      frames.add(f);
    }
  }

  @Test
  void dataComesInBinaryFramesSnapshotFirst() {
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"t1\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]},{\"type\":\"ticker\",\"codes\":[\"KRW-BTC\"]},"
              + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"]},{\"format\":\"DEFAULT\"}]");
      WsClient.Frame trade = ws.next(WAIT);
      assertThat(trade.kind()).isEqualTo(WsClient.Kind.BINARY);
      FramesAccess.assertShape(trade.text(), Shapes.UPBIT_TRADE);
      assertThat(trade.text()).contains("\"stream_type\":\"SNAPSHOT\"");
      FramesAccess.assertShape(ws.next(WAIT).text(), Shapes.UPBIT_TICKER);
      String book = ws.next(WAIT).text();
      FramesAccess.assertShape(book, Shapes.upbitOrderbook(5));

      sim.market().advance(Duration.ofSeconds(5));
      List<WsClient.Frame> live = fence(ws);
      assertThat(live).allMatch(f -> f.kind() == WsClient.Kind.BINARY);
      assertThat(live)
          .anyMatch(
              f ->
                  f.text().startsWith("{\"type\":\"trade\"")
                      && f.text().endsWith("\"stream_type\":\"REALTIME\"}"));
      live.stream()
          .filter(f -> f.text().startsWith("{\"type\":\"ticker\""))
          .forEach(f -> FramesAccess.assertShape(f.text(), Shapes.UPBIT_TICKER));
      live.stream()
          .filter(f -> f.text().startsWith("{\"type\":\"orderbook\""))
          .forEach(f -> FramesAccess.assertShape(f.text(), Shapes.upbitOrderbook(5)));
    }
  }

  @Test
  void requestsMayComeInBinaryFramesToo() {
    try (WsClient ws = connect()) {
      ws.sendBinary(
          "[{\"ticket\":\"b\"},{\"type\":\"ticker\",\"codes\":[\"KRW-XRP\"],\"is_only_snapshot\":true}]"
              .getBytes(java.nio.charset.StandardCharsets.UTF_8));
      assertThat(ws.next(WAIT).text()).startsWith("{\"type\":\"ticker\",\"code\":\"KRW-XRP\"");
    }
  }

  @Test
  void textPingIsAnsweredStatusUp() {
    try (WsClient ws = connect()) {
      ws.sendText("PING");
      WsClient.Frame up = ws.next(WAIT);
      assertThat(up.kind()).isEqualTo(WsClient.Kind.BINARY);
      assertThat(up.text()).isEqualTo("{\"status\":\"UP\"}");
    }
  }

  @Test
  void errorsUseTheVenueNames() {
    try (WsClient ws = connect()) {
      ws.sendText("[{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"]}]");
      assertThat(ws.next(WAIT).text())
          .isEqualTo(
              "{\"error\":{\"name\":\"NO_TICKET\",\"message\":\"Ticket field must be contained.\"}}");
      ws.sendText("[{\"ticket\":\"t\"},{\"type\":\"trade\"}]");
      assertThat(ws.next(WAIT).text())
          .isEqualTo("{\"error\":{\"name\":\"NO_CODES\",\"message\":\"codes field not exists.\"}}");
      ws.sendText("[{\"ticket\":\"t\"},{\"type\":\"myOrder\"}]");
      assertThat(ws.next(WAIT).text())
          .isEqualTo(
              "{\"error\":{\"name\":\"INVALID_AUTH\",\"message\":\"Invalid authentication.\"}}");
      ws.sendText("{oops");
      assertThat(ws.next(WAIT).text())
          .isEqualTo(
              "{\"error\":{\"name\":\"WRONG_FORMAT\",\"message\":\"Requested using wrong format\"}}");
      assertThat(ws.isOpen()).isTrue();
    }
  }

  @Test
  void formatsSimpleAndLists() {
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"],\"is_only_snapshot\":true},{\"format\":\"SIMPLE\"}]");
      FramesAccess.assertShape(ws.next(WAIT).text(), Shapes.UPBIT_TRADE_SIMPLE);
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"],\"is_only_snapshot\":true},{\"format\":\"JSON_LIST\"}]");
      String list = ws.next(WAIT).text();
      assertThat(list).startsWith("[{").endsWith("}]");
      FramesAccess.assertShape(list.substring(1, list.length() - 1), Shapes.UPBIT_TRADE);
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"],\"is_only_snapshot\":true},{\"format\":\"SIMPLE_LIST\"}]");
      String simple = ws.next(WAIT).text();
      FramesAccess.assertShape(simple.substring(1, simple.length() - 1), Shapes.UPBIT_TRADE_SIMPLE);
    }
  }

  @Test
  void onlySnapshotSendsOneMessageAndOnlyRealtimeNone() {
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\"],\"is_only_snapshot\":true}]");
      sim.market().advance(Duration.ofSeconds(3));
      List<WsClient.Frame> frames = fence(ws);
      assertThat(frames).hasSize(1);
      assertThat(frames.get(0).text()).contains("\"stream_type\":\"SNAPSHOT\"");

      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-ETH\"],\"is_only_realtime\":true}]");
      List<WsClient.Frame> none = fence(ws);
      assertThat(none).isEmpty();
      sim.market().advance(Duration.ofSeconds(5));
      assertThat(fence(ws))
          .isNotEmpty()
          .allMatch(f -> f.text().contains("\"stream_type\":\"REALTIME\""));
    }
  }

  @Test
  void aNewRequestReplacesTheSubscriptionsAndListSubscriptionsSaysSo() {
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"a\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"],\"is_only_realtime\":true}]");
      ws.sendText(
          "[{\"ticket\":\"b\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"is_only_realtime\":true,\"level\":0}]");
      assertThat(fence(ws)).isEmpty();
      sim.market().advance(Duration.ofSeconds(5));
      List<WsClient.Frame> frames = fence(ws);
      assertThat(frames).noneMatch(f -> f.text().contains("\"code\":\"KRW-BTC\""));
      assertThat(frames).anyMatch(f -> f.text().contains("\"code\":\"KRW-ETH\""));
      ws.sendText("[{\"ticket\":\"b\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
      assertThat(ws.next(WAIT).text())
          .isEqualTo(
              "{\"method\":\"LIST_SUBSCRIPTIONS\",\"result\":[{\"type\":\"orderbook\",\"codes\":[\"KRW-ETH\"],\"level\":0}],\"ticket\":\"b\"}");
    }
  }

  @Test
  void orderbookSizesAndLevels() {
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.15\"],\"level\":10000,\"is_only_snapshot\":true},"
              + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC\"],\"level\":1234,\"is_only_snapshot\":true},"
              + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.1\"],\"is_only_snapshot\":true}]");
      List<WsClient.Frame> frames = fence(ws);
      assertThat(frames).hasSize(2); // the unsupported level 1234 gives no data and no error
      JsonNode grouped = read(frames.get(0));
      assertThat(grouped.get("orderbook_units")).hasSize(15);
      assertThat(grouped.get("level").asLong()).isEqualTo(10000);
      grouped
          .get("orderbook_units")
          .forEach(u -> assertThat(u.get("bid_price").asLong() % 10000).isZero());
      assertThat(read(frames.get(1)).get("orderbook_units")).hasSize(1);
    }
  }

  static JsonNode read(WsClient.Frame f) {
    try {
      return JSON.readTree(f.bytes());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  void moreThanFiveRequestsASecondAreRefused() {
    try (WsClient ws = connect()) {
      for (int i = 0; i < 6; i++) {
        ws.sendText(
            "[{\"ticket\":\"t\"},{\"type\":\"ticker\",\"codes\":[\"KRW-XRP\"],\"is_only_realtime\":true}]");
      }
      assertThat(ws.next(WAIT).text())
          .isEqualTo(
              "{\"error\":{\"name\":\"TOO_MANY_REQUEST\",\"message\":\"Too many requests.\"}}");
    }
  }

  @Test
  void idleConnectionsAreClosedUnlessTheClientPings() {
    try (ExchangeSim idle =
            ExchangeSim.start(
                SimConfig.builder()
                    .autoAdvance(false)
                    .upbitLimits(new UpbitLimits(Duration.ofMillis(1500), false, 5, 100, 50))
                    .build());
        WsClient quiet = WsClient.connect(URI.create(idle.wsBaseUrl() + "/websocket/v1"));
        WsClient chatty = WsClient.connect(URI.create(idle.wsBaseUrl() + "/websocket/v1"))) {
      // a client that keeps pinging outlives the quiet one
      await()
          .atMost(WAIT)
          .pollInterval(Duration.ofMillis(150))
          .until(
              () -> {
                chatty.sendText("PING");
                assertThat(chatty.next(WAIT).text()).isEqualTo("{\"status\":\"UP\"}");
                chatty.ping("keepalive");
                assertThat(chatty.next(WAIT).kind()).isEqualTo(WsClient.Kind.PONG);
                return !quiet.isOpen();
              });
      assertThat(quiet.awaitClosed(WAIT)).isEqualTo(1001);
      assertThat(chatty.isOpen()).isTrue();
    }
  }

  @Test
  void sequentialIdsRevealAGapThatRestTicksFill() throws Exception {
    Http http = new Http(sim);
    List<Long> seen = new ArrayList<>();
    try (WsClient ws = connect()) {
      ws.sendText(
          "[{\"ticket\":\"t\"},{\"type\":\"trade\",\"codes\":[\"KRW-SOL\"],\"is_only_realtime\":true}]");
      assertThat(fence(ws)).isEmpty();
      sim.market().advance(Duration.ofSeconds(5));
      fence(ws).forEach(f -> seen.add(read(f).get("sequential_id").asLong()));
      sim.faults().dropAll(Venue.UPBIT, DropMode.ABRUPT);
    }
    sim.market().advance(Duration.ofSeconds(10)); // trades happen while disconnected
    long lastSeen = seen.get(seen.size() - 1);
    for (int k = 1; k < seen.size(); k++) {
      assertThat(seen.get(k)).isEqualTo(seen.get(k - 1) + 1);
    }
    long newest = sim.market().lastAggTradeId(Venue.UPBIT, "KRW-SOL");
    assertThat(newest).isGreaterThan(lastSeen + 1);

    // backfill newest-first with the cursor until reaching what was seen
    List<Long> backfill = new ArrayList<>();
    Long cursor = null;
    while (backfill.isEmpty() || backfill.get(backfill.size() - 1) > lastSeen + 1) {
      JsonNode page =
          JSON.readTree(
              http.get(
                      "/v1/trades/ticks?market=KRW-SOL&count=7"
                          + (cursor == null ? "" : "&cursor=" + cursor))
                  .body());
      for (JsonNode t : page) {
        if (t.get("sequential_id").asLong() > lastSeen) {
          backfill.add(t.get("sequential_id").asLong());
        }
        cursor = t.get("sequential_id").asLong();
      }
    }
    assertThat(backfill).hasSize((int) (newest - lastSeen));
    assertThat(backfill.get(0)).isEqualTo(newest);
  }

  @Test
  void quotationRestEndpoints() throws Exception {
    Http http = new Http(sim);
    JsonNode markets = JSON.readTree(http.get("/v1/market/all").body());
    assertThat(markets).hasSize(5);
    assertThat(markets.get(0).toString())
        .isEqualTo(
            "{\"market\":\"KRW-BTC\",\"korean_name\":\"비트코인\",\"english_name\":\"Bitcoin\"}");
    JsonNode book = JSON.readTree(http.get("/v1/orderbook?markets=KRW-BTC,KRW-ETH&count=3").body());
    assertThat(book).hasSize(2);
    assertThat(book.get(1).get("market").asText()).isEqualTo("KRW-ETH");
    assertThat(book.get(0).get("orderbook_units")).hasSize(3);
    assertThat(book.get(0).has("stream_type")).isFalse();
    JsonNode tick = JSON.readTree(http.get("/v1/trades/ticks?market=KRW-BTC").body()).get(0);
    assertThat(tick.fieldNames())
        .toIterable()
        .containsExactly(
            "market",
            "trade_date_utc",
            "trade_time_utc",
            "timestamp",
            "trade_price",
            "trade_volume",
            "prev_closing_price",
            "change_price",
            "ask_bid",
            "sequential_id");
    var missing = http.get("/v1/orderbook?markets=KRW-DOGE");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(missing.body())
        .isEqualTo("{\"error\":{\"name\":\"404\",\"message\":\"Code not found\"}}");
    assertThat(
            http.get("/v1/ticker?markets=KRW-BTC")
                .headers()
                .firstValue("Remaining-Req")
                .orElseThrow())
        .startsWith("group=default; min=1800; sec=");
  }

  @Test
  void quotationRequestsOverTheLimitGet429() {
    try (ExchangeSim limited = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build())) {
      Http http = new Http(limited);
      var r = http.get("/v1/market/all");
      int ok = 0;
      while (r.statusCode() == 200 && ok < 1000) {
        ok++;
        r = http.get("/v1/market/all");
      }
      assertThat(ok).isPositive();
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.body())
          .isEqualTo(
              "{\"error\":{\"name\":\"too_many_requests\",\"message\":\"Too many API requests.\"}}");
      assertThat(r.headers().firstValue("Retry-After")).hasValue("1");
    }
  }
}
