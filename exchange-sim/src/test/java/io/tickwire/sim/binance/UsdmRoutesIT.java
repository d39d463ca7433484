package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** USD-M's 2026 route split: a stream on the wrong route is accepted and stays silent. */
class UsdmRoutesIT {

  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  /** What arrives in five simulated seconds, then the subscription list. */
  private static List<String> afterFiveSeconds(WsClient ws) {
    sim.market().advance(Duration.ofSeconds(5));
    ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":9}");
    return FramesAccess.untilReply(ws, "9");
  }

  @Test
  void depthOnMarketAndAggTradeOnPublicAreSilent() {
    try (WsClient market =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/market/ws/btcusdt@depth@100ms"));
        WsClient pub =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/public/ws/btcusdt@aggTrade"))) {
      assertThat(afterFiveSeconds(market))
          .containsExactly("{\"result\":[\"btcusdt@depth@100ms\"],\"id\":9}");
      assertThat(afterFiveSeconds(pub))
          .containsExactly("{\"result\":[\"btcusdt@aggTrade\"],\"id\":9}");
    }
  }

  @Test
  void eachRouteServesItsOwnStreams() {
    try (WsClient market =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/market/ws/btcusdt@aggTrade"));
        WsClient pub =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/public/ws/btcusdt@depth@100ms"))) {
      assertThat(afterFiveSeconds(market)).anyMatch(t -> t.startsWith("{\"e\":\"aggTrade\""));
      assertThat(afterFiveSeconds(pub)).anyMatch(t -> t.startsWith("{\"e\":\"depthUpdate\""));
    }
  }

  @Test
  void liveSubscriptionsFollowTheRouteToo() {
    try (WsClient market = WsClient.connect(URI.create(sim.wsBaseUrl() + "/market/ws"))) {
      market.sendText(
          "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@bookTicker\",\"btcusdt@markPrice@1s\"],\"id\":1}");
      assertThat(market.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":null,\"id\":1}");
      List<String> frames = afterFiveSeconds(market);
      assertThat(frames).anyMatch(t -> t.startsWith("{\"e\":\"markPriceUpdate\""));
      assertThat(frames).noneMatch(t -> t.startsWith("{\"e\":\"bookTicker\""));
    }
  }

  @Test
  void theSpotPathsAreSpot() {
    try (WsClient spot = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/btcusdt@aggTrade"))) {
      assertThat(afterFiveSeconds(spot))
          .filteredOn(t -> t.startsWith("{\"e\":\"aggTrade\""))
          .allMatch(t -> t.endsWith(",\"M\":true}"));
    }
  }
}
