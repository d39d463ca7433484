package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.upbit.wire.UpbitTick;
import io.tickwire.connector.upbit.wire.UpbitWire;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.model.Venue;
import io.tickwire.sim.DropMode;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.MarketParams;
import io.tickwire.testkit.KafkaExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Trades survive an abrupt disconnect and a stall (the socket open, nothing sent: the connector's
 * idle timeout notices) with neither a gap nor a duplicate in md.trades.v1: what the connection
 * missed is fetched from GET /v1/trades/ticks and published, flagged backfilled. Once with
 * contiguous sequential ids (a hole is a gap) and once with the live venue's time-derived ids (a
 * jump is not a gap; missed trades are looked for after each reconnect).
 */
class UpbitTradeContinuityIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  private static ExchangeSim sim(boolean timestampIds) {
    MarketParams d = MarketParams.DEFAULT;
    return ExchangeSim.start(
        SimConfig.builder()
            .timeScale(4)
            .market(
                new MarketParams(
                    d.tradesPerSecond(),
                    d.volatility(),
                    d.bookDepth(),
                    d.tradeHistory(),
                    d.liquidationsPerMinute(),
                    timestampIds))
            .build());
  }

  private Map<String, String> env(ExchangeSim sim) {
    Map<String, String> env = env(sim, "trade:KRW-BTC,trade:KRW-ETH");
    env.put("UPBIT_IDLE_TIMEOUT", "3s");
    env.put("UPBIT_KEEPALIVE_INTERVAL", "1s");
    return env;
  }

  @Test
  void contiguousIdsHaveNoGapAndNoDuplicateAcrossADropAndAStall() throws Exception {
    try (ExchangeSim sim = sim(false)) {
      start(env(sim));
      survive(sim);

      List<Trade> trades = tradesUpTo(sim, "KRW-BTC");
      List<Long> ids = trades.stream().map(Trade::tradeId).toList();
      assertThat(ids).doesNotHaveDuplicates().isSorted();
      assertThat(ids.get(ids.size() - 1) - ids.get(0)).as("no hole").isEqualTo(ids.size() - 1);
      assertThat(trades).anyMatch(Trade::backfilled);
      // the stall (3 s idle) certainly missed trades; the abrupt drop (100 ms) may have missed none
      List<StatusMarker> markers =
          markersUntil(
              m ->
                  count(m, "BTC-KRW", StatusMarker.Status.BACKFILLED) >= 1
                      && count(m, "BTC-KRW", StatusMarker.Status.DISCONNECTED) >= 2);
      assertThat(count(markers, "BTC-KRW", StatusMarker.Status.GAP_DETECTED))
          .isEqualTo(count(markers, "BTC-KRW", StatusMarker.Status.BACKFILLED));
      assertThat(markers)
          .filteredOn(m -> m.status() == StatusMarker.Status.BACKFILLED)
          .allMatch(m -> m.detail().startsWith("recovered " + m.count() + " of " + m.count()));
    }
  }

  @Test
  void timeDerivedIdsAreCheckedOverRestAfterEachReconnect() throws Exception {
    try (ExchangeSim sim = sim(true)) {
      start(env(sim));
      // streaming alone: ids jump on every trade and no gap is reported
      List<Trade> before = readUntil(Topics.TRADES, t -> t.size() >= 10);
      assertThat(before.stream().filter(t -> t.symbol().equals("BTC-KRW")))
          .extracting(Trade::tradeId)
          .doesNotHaveDuplicates();
      assertThat(markersUntil(m -> m.size() >= 2))
          .noneMatch(m -> m.status() == StatusMarker.Status.GAP_DETECTED);
      survive(sim);

      List<Trade> trades = tradesUpTo(sim, "KRW-BTC");
      List<Long> ids = trades.stream().map(Trade::tradeId).toList();
      assertThat(ids).doesNotHaveDuplicates().isSorted();
      // exactly the venue's own history between the first and the last trade published
      TreeSet<Long> venue = restIds(sim, "KRW-BTC", ids.get(0));
      assertThat(ids)
          .containsExactlyElementsOf(venue.subSet(ids.get(0), true, ids.get(ids.size() - 1), true));
      assertThat(trades).anyMatch(Trade::backfilled);
      List<StatusMarker> markers =
          markersUntil(m -> count(m, "BTC-KRW", StatusMarker.Status.BACKFILLED) >= 1);
      assertThat(count(markers, "BTC-KRW", StatusMarker.Status.GAP_DETECTED))
          .as("a gap only where REST had trades the stream missed")
          .isEqualTo(count(markers, "BTC-KRW", StatusMarker.Status.BACKFILLED));
    }
  }

  /** Trades flow, the connection is cut, trades flow, the connection stalls, trades flow. */
  private void survive(ExchangeSim sim) {
    readUntil(Topics.TRADES, t -> t.size() >= 10);
    String first = onlyConnection(sim);
    sim.faults().dropAll(Venue.UPBIT, DropMode.ABRUPT);
    String second = awaitNewConnection(sim, first);
    int seen = readUntil(Topics.TRADES, t -> t.size() >= 10).size();
    readUntil(Topics.TRADES, t -> t.size() >= seen + 10);
    sim.faults().stall(second, Duration.ZERO);
    awaitNewConnection(sim, second);
  }

  private static String onlyConnection(ExchangeSim sim) {
    await().atMost(WAIT).until(() -> sim.faults().connections(Venue.UPBIT).size() == 1);
    return sim.faults().connections(Venue.UPBIT).get(0).id();
  }

  private static String awaitNewConnection(ExchangeSim sim, String old) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                sim.faults().connections(Venue.UPBIT).stream()
                    .anyMatch(c -> !c.id().equals(old) && !c.streams().isEmpty()));
    return sim.faults().connections(Venue.UPBIT).stream()
        .filter(c -> !c.id().equals(old))
        .findFirst()
        .orElseThrow()
        .id();
  }

  /** md.trades.v1 of a market, read until it reaches the venue's newest trade at this moment. */
  private List<Trade> tradesUpTo(ExchangeSim sim, String market) throws Exception {
    long newest = restIds(sim, market, Long.MAX_VALUE).last();
    String symbol = market.substring(4) + "-KRW";
    return readUntil(
            Topics.TRADES,
            t -> t.stream().anyMatch(x -> x.symbol().equals(symbol) && x.tradeId() >= newest))
        .stream()
        .filter(t -> t.symbol().equals(symbol))
        .toList();
  }

  /** The venue's trade ids of a market from {@code from} on, paging GET /v1/trades/ticks. */
  private static TreeSet<Long> restIds(ExchangeSim sim, String market, long from) throws Exception {
    TreeSet<Long> ids = new TreeSet<>();
    HttpClient http = HttpClient.newHttpClient();
    String cursor = "";
    while (true) {
      HttpResponse<byte[]> r =
          http.send(
              HttpRequest.newBuilder(
                      java.net.URI.create(
                          sim.httpBaseUrl()
                              + "/v1/trades/ticks?market="
                              + market
                              + "&count=500"
                              + cursor))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      List<UpbitTick> page = UpbitWire.ticks(r.body());
      List<Long> pageIds = new ArrayList<>();
      page.forEach(t -> pageIds.add(t.sequentialId()));
      ids.addAll(pageIds);
      if (page.size() < 500
          || from == Long.MAX_VALUE
          || pageIds.stream().mapToLong(Long::longValue).min().orElse(0) <= from) {
        return ids;
      }
      cursor = "&cursor=" + pageIds.stream().mapToLong(Long::longValue).min().orElseThrow();
    }
  }
}
