package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.model.Venue;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Every fault, through the Java API and the HTTP admin API, as a client experiences it. */
class FaultsIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static final Duration WAIT = Frames.WAIT;
  ExchangeSim sim;
  Http http;

  @BeforeEach
  void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .spotLimits(WsLimits.BINANCE_SPOT.withMessagesPerSecond(50))
                .shutdownGrace(Duration.ofMillis(200))
                .build());
    http = new Http(sim);
  }

  @AfterEach
  void stop() {
    sim.close();
  }

  WsClient connect(String path) {
    return WsClient.connect(URI.create(sim.wsBaseUrl() + path));
  }

  String only(Venue venue) {
    List<ConnectionInfo> list = sim.faults().connections(venue);
    assertThat(list).hasSize(1);
    return list.get(0).id();
  }

  List<String> afterSeconds(WsClient ws, int seconds) {
    sim.market().advance(Duration.ofSeconds(seconds));
    return Frames.fence(ws);
  }

  @Test
  void dropsAreCleanOrAbrupt() {
    try (WsClient clean = connect("/ws/btcusdt@trade")) {
      sim.faults().drop(only(Venue.BINANCE_SPOT), DropMode.CLEAN);
      assertThat(clean.awaitClosed(WAIT)).isEqualTo(1001);
    }
    try (WsClient abrupt = connect("/market/ws/btcusdt@aggTrade")) {
      sim.faults().drop(only(Venue.BINANCE_USDM), DropMode.ABRUPT);
      assertThat(abrupt.awaitClosed(WAIT)).isIn(-1, -2);
    }
    assertThatThrownBy(() -> sim.faults().drop("c999", DropMode.CLEAN))
        .hasMessageContaining("no open connection 'c999'");
  }

  @Test
  void aStalledConnectionSendsNothingUntilResumed() {
    try (WsClient ws = connect("/ws/btcusdt@trade")) {
      String id = only(Venue.BINANCE_SPOT);
      sim.faults().stall(id, Duration.ZERO);
      sim.market().advance(Duration.ofSeconds(3));
      sim.faults().resume(id);
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
      // the trades were lost while stalled; the socket stayed open
      assertThat(ws.next(WAIT).text()).isEqualTo("{\"result\":[\"btcusdt@trade\"],\"id\":2}");
      assertThat(afterSeconds(ws, 3)).isNotEmpty();
    }
  }

  @Test
  void slowDownDelaysMessages() {
    try (WsClient ws = connect("/ws")) {
      sim.faults().slowDown(only(Venue.BINANCE_SPOT), Duration.ofMillis(400));
      long start = System.nanoTime();
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
      assertThat(ws.next(WAIT).text()).isEqualTo("{\"result\":[],\"id\":1}");
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(400));
    }
    sim.faults().slowDown(Duration.ofMillis(300));
    long start = System.nanoTime();
    assertThat(http.get("/api/v3/ping").body()).isEqualTo("{}");
    assertThat(Duration.ofNanos(System.nanoTime() - start))
        .isGreaterThanOrEqualTo(Duration.ofMillis(300));
  }

  @Test
  void malformedFramesPerConnectionAndPerStream() {
    try (WsClient one = connect("/ws/btcusdt@aggTrade");
        WsClient other = connect("/ws/btcusdt@aggTrade")) {
      sim.faults().malformedFrame(sim.faults().connections().get(0).id());
      List<String> frames = afterSeconds(one, 2);
      assertThat(frames.get(0)).startsWith("{\"e\":\"aggTrade\"");
      assertThatThrownBy(() -> JSON.readTree(frames.get(0)))
          .isInstanceOf(java.io.IOException.class);
      frames.subList(1, frames.size()).forEach(f -> Frames.assertShape(f, Shapes.SPOT_AGG_TRADE));
      List<String> fine = Frames.fence(other);
      fine.forEach(f -> Frames.assertShape(f, Shapes.SPOT_AGG_TRADE));

      sim.faults().malformedFrame(Venue.BINANCE_SPOT, "btcusdt@aggTrade");
      sim.market().advance(Duration.ofSeconds(2));
      for (WsClient ws : List.of(one, other)) {
        List<String> after = Frames.fence(ws);
        assertThatThrownBy(() -> JSON.readTree(after.get(0)))
            .isInstanceOf(java.io.IOException.class);
      }
    }
  }

  @Test
  void serverShutdownIsAnnouncedThenTheConnectionCloses() {
    try (WsClient raw = connect("/ws/btcusdt@trade");
        WsClient combined = connect("/stream?streams=btcusdt@trade");
        WsClient api = connect("/ws-api/v3")) {
      assertThat(sim.faults().serverShutdown(Venue.BINANCE_SPOT)).isEqualTo(3);
      assertThat(raw.next(WAIT).text()).matches("\\{\"e\":\"serverShutdown\",\"E\":\\d{13}\\}");
      assertThat(combined.next(WAIT).text())
          .matches(
              "\\{\"stream\":\"!serverShutdown\",\"data\":\\{\"e\":\"serverShutdown\",\"E\":\\d{13}\\}\\}");
      assertThat(api.next(WAIT).text())
          .matches("\\{\"event\":\\{\"e\":\"serverShutdown\",\"E\":\\d{13}\\}\\}");
      for (WsClient ws : List.of(raw, combined, api)) {
        assertThat(ws.awaitClosed(WAIT)).isEqualTo(1001);
      }
    }
  }

  @Test
  void refusedConnectionsComeBackAfterTheFault() {
    sim.faults().refuseConnections(Duration.ofSeconds(30));
    assertThatThrownBy(() -> connect("/ws")).isInstanceOf(RuntimeException.class);
    assertThatThrownBy(() -> http.get("/api/v3/ping"))
        .isInstanceOf(java.io.UncheckedIOException.class);
    assertThat(http.get("/admin/status").statusCode()).isEqualTo(200);
    sim.faults().refuseConnections(Duration.ofMillis(500)); // the fault now ends soon
    await()
        .atMost(WAIT)
        .ignoreExceptions()
        .until(
            () -> {
              connect("/ws").close();
              return true;
            });
  }

  @Test
  void droppedDepthEventsShowAsAGapOnBothVenues() throws Exception {
    try (WsClient spot = connect("/ws/btcusdt@depth@100ms");
        WsClient usdm = connect("/public/ws/btcusdt@depth@100ms")) {
      sim.market().advance(Duration.ofSeconds(1));
      sim.faults().dropBookUpdates(Venue.BINANCE_SPOT, "BTCUSDT", 1);
      sim.faults().dropBookUpdates(Venue.BINANCE_USDM, "BTCUSDT", 1);
      List<JsonNode> s = depth(afterSeconds(spot, 1));
      List<JsonNode> u = depth(Frames.fence(usdm));
      assertThat(gaps(s, e -> e.get("U").asLong(), true)).isEqualTo(1);
      assertThat(gaps(u, e -> e.get("pu").asLong(), false)).isEqualTo(1);
    }
  }

  @Test
  void oneConnectionCanMissDepthEventsAlone() throws Exception {
    try (WsClient victim = connect("/ws/ethusdt@depth@100ms");
        WsClient bystander = connect("/ws/ethusdt@depth@100ms")) {
      sim.market().advance(Duration.ofSeconds(1));
      List<JsonNode> before = depth(Frames.fence(victim));
      depth(Frames.fence(bystander));
      sim.faults().dropBookUpdates(sim.faults().connections().get(0).id(), 2);
      sim.market().advance(Duration.ofSeconds(2));
      List<JsonNode> victimEvents =
          new ArrayList<>(before.subList(before.size() - 1, before.size()));
      victimEvents.addAll(depth(Frames.fence(victim)));
      assertThat(gaps(victimEvents, e -> e.get("U").asLong(), true)).isEqualTo(1);
      assertThat(gaps(depth(Frames.fence(bystander)), e -> e.get("U").asLong(), true)).isZero();
    }
  }

  @Test
  void skippedUpdateIdsJumpTheNextEvent() throws Exception {
    try (WsClient ws = connect("/ws/btcusdt@depth@100ms")) {
      sim.market().advance(Duration.ofSeconds(1));
      sim.faults().skipUpdateIds(Venue.BINANCE_SPOT, "BTCUSDT", 1000);
      List<JsonNode> events = depth(afterSeconds(ws, 1));
      long jumps = 0;
      for (int k = 1; k < events.size(); k++) {
        long step = events.get(k).get("U").asLong() - events.get(k - 1).get("u").asLong();
        if (step > 1) {
          assertThat(step).isEqualTo(1001);
          jumps++;
        }
      }
      assertThat(jumps).isEqualTo(1);
    }
  }

  private static List<JsonNode> depth(List<String> frames) throws Exception {
    List<JsonNode> out = new ArrayList<>();
    for (String f : frames) {
      out.add(JSON.readTree(f));
    }
    return out;
  }

  private static long gaps(
      List<JsonNode> events, java.util.function.ToLongFunction<JsonNode> link, boolean spot) {
    long gaps = 0;
    for (int k = 1; k < events.size(); k++) {
      long previousU = events.get(k - 1).get("u").asLong();
      long l = link.applyAsLong(events.get(k));
      if (spot ? l != previousU + 1 : l != previousU) {
        gaps++;
      }
    }
    return gaps;
  }

  @Test
  void restErrorsAreInjectedWithRetryAfter() {
    sim.faults().restErrors(Venue.BINANCE_SPOT, 429, 1, Duration.ofSeconds(7));
    HttpResponse<String> limited = http.get("/api/v3/time");
    assertThat(limited.statusCode()).isEqualTo(429);
    assertThat(limited.headers().firstValue("Retry-After")).hasValue("7");
    assertThat(limited.body())
        .startsWith("{\"code\":-1003,\"msg\":\"Too much request weight used;");
    assertThat(http.get("/api/v3/time").statusCode()).isEqualTo(200);

    sim.faults().restErrors(Venue.UPBIT, 418, 2, Duration.ofSeconds(120));
    assertThat(http.get("/v1/market/all").statusCode()).isEqualTo(418);
    assertThat(http.get("/v1/market/all").headers().firstValue("Retry-After")).hasValue("120");
    assertThat(http.get("/v1/market/all").statusCode()).isEqualTo(200);
  }

  @Test
  void theAdminApiDrivesTheSameFaults() throws Exception {
    try (WsClient ws = connect("/stream?streams=btcusdt@trade")) {
      JsonNode connections = JSON.readTree(http.get("/admin/connections").body());
      assertThat(connections).hasSize(1);
      assertThat(connections.get(0).get("streams").get(0).asText()).isEqualTo("btcusdt@trade");
      String id = connections.get(0).get("id").asText();

      assertThat(http.send("POST", "/admin/connections/" + id + "/shutdown", "").body())
          .isEqualTo("{\"ok\":true}");
      assertThat(ws.next(WAIT).text()).contains("!serverShutdown");
      assertThat(ws.awaitClosed(WAIT)).isEqualTo(1001);
    }
    assertThat(http.send("POST", "/admin/connections/c77/drop?mode=abrupt", "").statusCode())
        .isEqualTo(404);
    assertThat(
            http.send(
                    "POST",
                    "/admin/faults/rest?venue=binance-usdm&status=418&count=1&retryAfter=5",
                    "")
                .statusCode())
        .isEqualTo(200);
    assertThat(http.get("/fapi/v1/time").statusCode()).isEqualTo(418);
    assertThat(
            http.send("POST", "/admin/faults/book-gap?venue=binance-spot&symbol=DOGEUSDT", "")
                .body())
        .isEqualTo("{\"error\":\"no instrument binance-spot:DOGEUSDT\"}");
    JsonNode book =
        JSON.readTree(http.get("/admin/book?venue=upbit&symbol=KRW-BTC&depth=3").body());
    assertThat(book.get("bids")).hasSize(3);
    assertThat(http.send("POST", "/admin/advance?seconds=2", "").statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(http.get("/admin/status").body()).get("simTime").asLong())
        .isEqualTo(sim.market().now());
    assertThat(http.send("POST", "/admin/faults/clear", "").body()).isEqualTo("{\"ok\":true}");
    assertThat(http.get("/admin/nothing").statusCode()).isEqualTo(404);
  }
}
