package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.model.Venue;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.Http;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.math.BigDecimal;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A REST snapshot agrees exactly with the deltas around it: a local book built by the venue's
 * documented procedure (spot: {@code U <= lastUpdateId+1 <= u}; USD-M: {@code U <= lastUpdateId <=
 * u} then the {@code pu} chain) equals a later snapshot level for level.
 */
class BookConsistencyIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .startTime(Instant.parse("2026-02-01T00:00:00Z"))
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** A client-side book. */
  static final class LocalBook {
    final TreeMap<BigDecimal, BigDecimal> bids = new TreeMap<>();
    final TreeMap<BigDecimal, BigDecimal> asks = new TreeMap<>();
    long lastUpdateId;

    static LocalBook of(JsonNode snapshot) {
      LocalBook b = new LocalBook();
      b.lastUpdateId = snapshot.get("lastUpdateId").asLong();
      snapshot
          .get("bids")
          .forEach(
              l ->
                  b.bids.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
      snapshot
          .get("asks")
          .forEach(
              l ->
                  b.asks.put(new BigDecimal(l.get(0).asText()), new BigDecimal(l.get(1).asText())));
      return b;
    }

    void apply(JsonNode event) {
      set(bids, event.get("b"));
      set(asks, event.get("a"));
      lastUpdateId = event.get("u").asLong();
    }

    private static void set(TreeMap<BigDecimal, BigDecimal> side, JsonNode levels) {
      for (JsonNode l : levels) {
        BigDecimal price = new BigDecimal(l.get(0).asText());
        BigDecimal qty = new BigDecimal(l.get(1).asText());
        if (qty.signum() == 0) {
          side.remove(price);
        } else {
          side.put(price, qty);
        }
      }
    }
  }

  static List<JsonNode> events(WsClient ws, long untilUpdateId) throws Exception {
    List<JsonNode> events = new ArrayList<>();
    while (events.isEmpty() || events.get(events.size() - 1).get("u").asLong() < untilUpdateId) {
      events.add(JSON.readTree(ws.next(FramesAccess.WAIT).text()));
    }
    return events;
  }

  @Test
  void spotSnapshotPlusDiffsEqualsALaterSnapshot() throws Exception {
    Http http = new Http(sim);
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/ethusdt@depth@100ms"))) {
      sim.market().advance(Duration.ofSeconds(2));
      JsonNode snapshot = JSON.readTree(http.get("/api/v3/depth?symbol=ETHUSDT&limit=5000").body());
      sim.market().advance(Duration.ofSeconds(3));
      List<JsonNode> buffered =
          events(ws, sim.market().lastUpdateId(Venue.BINANCE_SPOT, "ETHUSDT"));

      LocalBook book = LocalBook.of(snapshot);
      assertThat(buffered.get(0).get("U").asLong()).isLessThanOrEqualTo(book.lastUpdateId);
      boolean first = true;
      for (JsonNode e : buffered) {
        if (e.get("u").asLong() <= book.lastUpdateId) {
          continue;
        }
        if (first) {
          assertThat(e.get("U").asLong()).isLessThanOrEqualTo(book.lastUpdateId + 1);
          first = false;
        } else {
          assertThat(e.get("U").asLong()).isEqualTo(book.lastUpdateId + 1);
        }
        book.apply(e);
      }

      LocalBook later =
          LocalBook.of(JSON.readTree(http.get("/api/v3/depth?symbol=ETHUSDT&limit=5000").body()));
      assertThat(book.lastUpdateId).isEqualTo(later.lastUpdateId);
      assertThat(book.bids).isEqualTo(later.bids);
      assertThat(book.asks).isEqualTo(later.asks);
      assertThat(later.bids).hasSizeGreaterThan(100);
    }
  }

  @Test
  void usdmSnapshotPlusDiffsFollowTheFuturesRules() throws Exception {
    Http http = new Http(sim);
    try (WsClient ws =
        WsClient.connect(URI.create(sim.wsBaseUrl() + "/public/ws/btcusdt@depth@100ms"))) {
      sim.market().advance(Duration.ofSeconds(2));
      JsonNode snapshot =
          JSON.readTree(http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000").body());
      sim.market().advance(Duration.ofSeconds(3));
      List<JsonNode> buffered =
          events(ws, sim.market().lastUpdateId(Venue.BINANCE_USDM, "BTCUSDT"));

      LocalBook book = LocalBook.of(snapshot);
      long snapshotId = book.lastUpdateId;
      JsonNode previous = null;
      for (JsonNode e : buffered) {
        if (e.get("u").asLong() < snapshotId) {
          continue;
        }
        if (previous == null) {
          assertThat(e.get("U").asLong()).isLessThanOrEqualTo(snapshotId);
          assertThat(e.get("u").asLong()).isGreaterThanOrEqualTo(snapshotId);
        } else {
          assertThat(e.get("pu").asLong()).isEqualTo(previous.get("u").asLong());
        }
        book.apply(e);
        previous = e;
      }

      LocalBook later =
          LocalBook.of(JSON.readTree(http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=1000").body()));
      assertThat(book.lastUpdateId).isEqualTo(later.lastUpdateId);
      assertThat(book.bids).isEqualTo(later.bids);
      assertThat(book.asks).isEqualTo(later.asks);
    }
  }

  @Test
  void theJavaApiSeesTheSameBook() throws Exception {
    Http http = new Http(sim);
    JsonNode rest = JSON.readTree(http.get("/api/v3/depth?symbol=BNBUSDT&limit=5").body());
    var book = sim.market().book(Venue.BINANCE_SPOT, "BNBUSDT", 5);

    assertThat(book.lastUpdateId()).isEqualTo(rest.get("lastUpdateId").asLong());
    assertThat(book.bids().get(0).price())
        .isEqualByComparingTo(rest.get("bids").get(0).get(0).asText());
    assertThat(book.asks().get(4).qty())
        .isEqualByComparingTo(rest.get("asks").get(4).get(1).asText());
  }
}
