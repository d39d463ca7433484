package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.WsLimits;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Binance's connection limits as the venue enforces them: incoming messages per second (pongs
 * count), server pings with a pong deadline, the maximum lifetime, streams per connection and
 * connection attempts per IP. Timers are shortened; the rules are the venue's.
 */
class LimitsIT {

  private static final Duration WAIT = FramesAccess.WAIT;

  private static WsClient connect(ExchangeSim sim, String path) {
    return WsClient.connect(URI.create(sim.wsBaseUrl() + path));
  }

  private static WsClient connect(ExchangeSim sim, String path, WsClient.Options options) {
    return WsClient.connect(URI.create(sim.wsBaseUrl() + path), options);
  }

  @Test
  void moreThanFiveMessagesPerSecondDisconnectsAndPongsCount() {
    try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
        WsClient requests = connect(sim, "/ws");
        WsClient pongs = connect(sim, "/ws")) {
      // a burst well over 5 per second, even if a busy machine slows the sending down
      burst(requests, () -> requests.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":1}"));
      assertThat(requests.awaitClosed(WAIT)).isEqualTo(1008);

      burst(pongs, () -> pongs.pong(""));
      assertThat(pongs.awaitClosed(WAIT)).isEqualTo(1008);
    }
  }

  @Test
  void usdmAllowsTenMessagesPerSecond() {
    try (ExchangeSim sim = ExchangeSim.start(SimConfig.builder().autoAdvance(false).build());
        WsClient ws = connect(sim, "/market/ws")) {
      for (int i = 0; i < 10; i++) {
        ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":" + i + "}");
      }
      for (int i = 0; i < 10; i++) {
        assertThat(ws.next(WAIT).text()).isEqualTo("{\"result\":[],\"id\":" + i + "}");
      }
      burst(ws, () -> ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":10}"));
      assertThat(ws.awaitClosed(WAIT)).isEqualTo(1008);
    }
  }

  /** Sends up to 50 messages, stopping once the server has closed the connection. */
  private static void burst(WsClient ws, Runnable send) {
    for (int i = 0; i < 50 && ws.isOpen(); i++) {
      try {
        send.run();
      } catch (IllegalStateException closed) {
        return;
      }
    }
  }

  @Test
  void serverPingsMustBeAnsweredWithTheirPayload() {
    WsLimits limits = WsLimits.BINANCE_SPOT.withPing(Duration.ofMillis(300), Duration.ofSeconds(2));
    try (ExchangeSim sim =
            ExchangeSim.start(SimConfig.builder().autoAdvance(false).spotLimits(limits).build());
        WsClient silent =
            connect(sim, "/ws", new WsClient.Options().autoPong(false).recordPings(true));
        WsClient polite = connect(sim, "/ws", new WsClient.Options().recordPings(true));
        WsClient unsolicited =
            connect(sim, "/ws", new WsClient.Options().autoPong(false).recordPings(true))) {
      WsClient.Frame ping = silent.next(WAIT);
      assertThat(ping.kind()).isEqualTo(WsClient.Kind.PING);
      assertThat(ping.text()).matches("\\d{13}");
      assertThat(silent.awaitClosed(WAIT)).isEqualTo(1008);

      for (int i = 0; i < 4; i++) {
        assertThat(polite.next(WAIT).kind()).isEqualTo(WsClient.Kind.PING);
      }
      assertThat(polite.isOpen()).isTrue();

      // pongs with another payload do not count as an answer
      while (true) {
        WsClient.Frame f = unsolicited.next(WAIT);
        if (f.kind() == WsClient.Kind.CLOSE) {
          assertThat(f.closeCode()).isEqualTo(1008);
          break;
        }
        try {
          unsolicited.pong("not-" + f.text());
        } catch (RuntimeException closedMeanwhile) {
          // the server may close while the pong is on its way; the close frame is still read
        }
      }
    }
  }

  @Test
  void connectionsEndAtTheirMaximumLifetime() {
    WsLimits limits = WsLimits.BINANCE_SPOT.withMaxLifetime(Duration.ofMillis(500));
    try (ExchangeSim sim =
            ExchangeSim.start(SimConfig.builder().autoAdvance(false).spotLimits(limits).build());
        WsClient ws = connect(sim, "/ws/btcusdt@trade")) {
      assertThat(ws.awaitClosed(WAIT)).isEqualTo(1001);
    }
  }

  @Test
  void streamsPerConnectionAreLimited() {
    WsLimits limits = WsLimits.BINANCE_SPOT.withMaxStreams(3);
    try (ExchangeSim sim =
            ExchangeSim.start(SimConfig.builder().autoAdvance(false).spotLimits(limits).build());
        WsClient ws = connect(sim, "/ws/a@trade/b@trade")) {
      ws.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"c@trade\",\"d@trade\"],\"id\":1}");
      assertThat(ws.next(WAIT).text())
          .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: too many streams\"}");
      ws.sendText("{\"method\":\"SUBSCRIBE\",\"params\":[\"c@trade\"],\"id\":2}");
      assertThat(ws.next(WAIT).text()).isEqualTo("{\"result\":null,\"id\":2}");

      assertThatThrownBy(() -> connect(sim, "/stream?streams=a@trade/b@trade/c@trade/d@trade"))
          .isInstanceOf(WebSocketHandshakeException.class)
          .hasMessageContaining("400");
    }
  }

  @Test
  void connectionAttemptsPerIpAreLimited() {
    WsLimits limits = WsLimits.BINANCE_SPOT.withConnectionAttempts(3, Duration.ofMinutes(5));
    try (ExchangeSim sim =
        ExchangeSim.start(SimConfig.builder().autoAdvance(false).spotLimits(limits).build())) {
      for (int i = 0; i < 3; i++) {
        connect(sim, "/ws").close();
      }
      assertThatThrownBy(() -> connect(sim, "/ws"))
          .isInstanceOf(WebSocketHandshakeException.class)
          .hasMessageContaining("429");
      // USD-M counts separately
      connect(sim, "/market/ws").close();
    }
  }
}
