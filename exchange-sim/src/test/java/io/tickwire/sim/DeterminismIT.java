package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same seed (and start time) gives the same messages, byte for byte, over the wire. */
class DeterminismIT {

  static List<String> run(long seed) {
    SimConfig config =
        SimConfig.builder()
            .seed(seed)
            .autoAdvance(false)
            .startTime(Instant.parse("2026-05-05T05:05:00Z"))
            .build();
    List<String> frames = new ArrayList<>();
    try (ExchangeSim sim = ExchangeSim.start(config);
        WsClient binance =
            WsClient.connect(
                URI.create(
                    sim.wsBaseUrl()
                        + "/stream?streams=btcusdt@trade/ethusdt@depth@100ms/xrpusdt@kline_1s/bnbusdt@bookTicker"));
        WsClient futures =
            WsClient.connect(
                URI.create(
                    sim.wsBaseUrl()
                        + "/market/stream?streams=solusdt@aggTrade/btcusdt@markPrice@1s"));
        WsClient upbit = WsClient.connect(URI.create(sim.wsBaseUrl() + "/websocket/v1"))) {
      upbit.sendText(
          "[{\"ticket\":\"d\"},{\"type\":\"trade\",\"codes\":[\"KRW-ETH\"]},{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"]}]");
      upbit.sendText("[{\"ticket\":\"d\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
      collect(upbit, "LIST_SUBSCRIPTIONS", frames);
      sim.market().advance(Duration.ofSeconds(10));
      binance.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
      collect(binance, "\"id\":1}", frames);
      futures.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}");
      collect(futures, "\"id\":1}", frames);
      upbit.sendText("[{\"ticket\":\"d\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
      collect(upbit, "LIST_SUBSCRIPTIONS", frames);
    }
    return frames;
  }

  static void collect(WsClient ws, String endMarker, List<String> into) {
    String t;
    do {
      t = ws.next(Frames.WAIT).text();
      into.add(t);
    } while (!t.contains(endMarker));
  }

  @Test
  void sameSeedSameMessagesOtherSeedOtherMessages() {
    List<String> first = run(42);
    List<String> again = run(42);
    List<String> other = run(43);

    assertThat(first).hasSizeGreaterThan(300);
    assertThat(again).isEqualTo(first);
    assertThat(other).isNotEqualTo(first);
  }
}
