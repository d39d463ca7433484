package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.client.WsClient;
import io.tickwire.sim.replay.RecordedFrame;
import io.tickwire.sim.replay.RecordingWriter;
import io.tickwire.sim.replay.ReplayPlayer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A recording plays back to the connections subscribed to its streams, exactly as recorded. */
class ReplayIT {

  static byte[] utf8(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void framesGoToTheirSubscribersInOrderAndInTheirForm(@TempDir Path dir) throws Exception {
    String t1 =
        "{\"e\":\"trade\",\"E\":1767225600001,\"s\":\"BTCUSDT\",\"t\":1,\"p\":\"1.00\",\"q\":\"2.00\",\"T\":1767225600001,\"m\":true,\"M\":true}";
    String t2 =
        "{\"e\":\"trade\",\"E\":1767225600002,\"s\":\"BTCUSDT\",\"t\":2,\"p\":\"1.01\",\"q\":\"2.00\",\"T\":1767225600002,\"m\":false,\"M\":true}";
    String upbit = "{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"sequential_id\":7}";
    String book = "{\"type\":\"orderbook\",\"code\":\"KRW-BTC\"}";
    Path file = dir.resolve("session.rec");
    try (RecordingWriter w = new RecordingWriter(file)) {
      w.write(new RecordedFrame(1_000_000, "binance-spot", "btcusdt@trade", utf8(t1)));
      w.write(
          new RecordedFrame(
              1_000_100, "binance-spot", "conn:c3", utf8("{\"result\":null,\"id\":1}")));
      w.write(
          new RecordedFrame(
              1_000_200,
              "binance-spot",
              "btcusdt@trade",
              utf8("{\"stream\":\"btcusdt@trade\",\"data\":" + t2 + "}")));
      w.write(new RecordedFrame(1_000_300, "upbit", "trade:KRW-BTC", utf8(upbit)));
      w.write(new RecordedFrame(1_000_400, "upbit", "orderbook:KRW-BTC.15", utf8(book)));
    }
    try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
        WsClient raw = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/btcusdt@trade"));
        WsClient combined =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/stream?streams=btcusdt@trade"));
        WsClient up = WsClient.connect(URI.create(sim.wsBaseUrl() + "/websocket/v1"))) {
      up.sendText(
          "[{\"ticket\":\"r\"},{\"type\":\"trade\",\"codes\":[\"KRW-BTC\"],\"is_only_realtime\":true},"
              + "{\"type\":\"orderbook\",\"codes\":[\"KRW-BTC.5\"],\"is_only_realtime\":true}]");
      up.sendText("[{\"ticket\":\"r\"},{\"method\":\"LIST_SUBSCRIPTIONS\"}]");
      assertThat(up.next(Frames.WAIT).text()).contains("LIST_SUBSCRIPTIONS");

      ReplayPlayer player = sim.replay(file, 0, false);
      assertThat(player.done().get(60, TimeUnit.SECONDS)).isEqualTo(4);
      assertThat(player.skipped()).isEqualTo(1);

      assertThat(raw.next(Frames.WAIT).text()).isEqualTo(t1);
      assertThat(raw.next(Frames.WAIT).text()).isEqualTo(t2);
      assertThat(combined.next(Frames.WAIT).text())
          .isEqualTo("{\"stream\":\"btcusdt@trade\",\"data\":" + t1 + "}");
      assertThat(combined.next(Frames.WAIT).text())
          .isEqualTo("{\"stream\":\"btcusdt@trade\",\"data\":" + t2 + "}");
      WsClient.Frame trade = up.next(Frames.WAIT);
      assertThat(trade.kind()).isEqualTo(WsClient.Kind.BINARY);
      assertThat(trade.text()).isEqualTo(upbit);
      assertThat(up.next(Frames.WAIT).text()).isEqualTo(book);
    }
  }

  @Test
  void originalTimingIsKeptAndCanBeScaled(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("timed.rec");
    try (RecordingWriter w = new RecordingWriter(file)) {
      w.write(new RecordedFrame(0, "binance-usdm", "btcusdt@aggTrade", utf8("{\"a\":1}")));
      w.write(new RecordedFrame(600_000, "binance-usdm", "btcusdt@aggTrade", utf8("{\"a\":2}")));
    }
    try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
        WsClient ws =
            WsClient.connect(URI.create(sim.wsBaseUrl() + "/market/ws/btcusdt@aggTrade"))) {
      long start = System.nanoTime();
      sim.replay(file, 2, false).done().get(60, TimeUnit.SECONDS);
      assertThat(ws.next(Frames.WAIT).text()).isEqualTo("{\"a\":1}");
      assertThat(ws.next(Frames.WAIT).text()).isEqualTo("{\"a\":2}");
      // 600 ms recorded at twice the speed: at least 300 ms
      assertThat(Duration.ofNanos(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(Duration.ofMillis(300));
    }
  }

  @Test
  void theModelIsSilentWhileAReplayPlays(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("loop.rec");
    try (RecordingWriter w = new RecordingWriter(file)) {
      w.write(
          new RecordedFrame(0, "binance-spot", "ethusdt@aggTrade", utf8("{\"replayed\":true}")));
      w.write(
          new RecordedFrame(
              50_000, "binance-spot", "ethusdt@aggTrade", utf8("{\"replayed\":true}")));
    }
    try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
        WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/ethusdt@aggTrade"))) {
      ReplayPlayer player = sim.replay(file, 1, true);
      assertThat(ws.next(Frames.WAIT).text()).isEqualTo("{\"replayed\":true}");
      sim.market().advance(Duration.ofSeconds(5));
      List<String> seen =
          List.of(
              ws.next(Frames.WAIT).text(),
              ws.next(Frames.WAIT).text(),
              ws.next(Frames.WAIT).text());
      assertThat(seen).containsOnly("{\"replayed\":true}");
      player.stop();
      assertThat(player.done().get(60, TimeUnit.SECONDS)).isGreaterThanOrEqualTo(4);
    }
  }
}
