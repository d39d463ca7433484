package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.FramesAccess;
import io.tickwire.sim.Shapes;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Live SUBSCRIBE, UNSUBSCRIBE, LIST_SUBSCRIPTIONS, SET_PROPERTY and GET_PROPERTY over the wire, on
 * a market that only moves when the test advances it, so "no more data" can be asserted.
 */
class ControlMessagesIT {

  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .autoAdvance(false)
                .startTime(Instant.parse("2026-01-01T00:00:00Z"))
                .spotLimits(io.tickwire.sim.WsLimits.BINANCE_SPOT.withMessagesPerSecond(100))
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  @Test
  void subscribeListUnsubscribe() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws"))) {
      ws.sendText(
          "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":1}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":null,\"id\":1}");

      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":3}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"result\":[\"btcusdt@aggTrade\",\"btcusdt@depth\"],\"id\":3}");

      sim.market().advance(Duration.ofSeconds(5));
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":4}");
      List<String> data = FramesAccess.untilReply(ws, "4");
      assertThat(data).anyMatch(t -> t.startsWith("{\"e\":\"aggTrade\""));
      assertThat(data).anyMatch(t -> t.startsWith("{\"e\":\"depthUpdate\""));
      data.stream()
          .filter(t -> t.startsWith("{\"e\":\"aggTrade\""))
          .forEach(t -> FramesAccess.assertShape(t, Shapes.SPOT_AGG_TRADE));

      ws.sendText("{\"method\":\"UNSUBSCRIBE\",\"params\":[\"btcusdt@aggTrade\"],\"id\":312}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":null,\"id\":312}");
      sim.market().advance(Duration.ofSeconds(5));
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":\"x1\"}");
      List<String> after = FramesAccess.untilReply(ws, "\"x1\"");
      assertThat(after).noneMatch(t -> t.startsWith("{\"e\":\"aggTrade\""));
      assertThat(after).anyMatch(t -> t.startsWith("{\"e\":\"depthUpdate\""));
      assertThat(after.get(after.size() - 1))
          .isEqualTo("{\"result\":[\"btcusdt@depth\"],\"id\":\"x1\"}");
    }
  }

  @Test
  void combinedPropertyWrapsTheSameConnection() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/ethusdt@aggTrade"))) {
      ws.sendText("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":2}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":false,\"id\":2}");
      ws.sendText("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",true],\"id\":5}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":null,\"id\":5}");
      ws.sendText("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\"],\"id\":6}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":true,\"id\":6}");

      sim.market().advance(Duration.ofSeconds(5));
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":7}");
      List<String> data = FramesAccess.untilReply(ws, "7");
      assertThat(data.size()).isGreaterThan(1);
      data.subList(0, data.size() - 1)
          .forEach(t -> assertThat(FramesAccess.unwrap(t)[0]).isEqualTo("ethusdt@aggTrade"));
    }
  }

  @Test
  void errorsAreTheDocumentedReplies() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/stream"))) {
      ws.sendText("{\"method\":\"SET_PROPERTY\",\"params\":[\"colour\",true],\"id\":5}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"code\":0,\"msg\":\"Unknown property\",\"id\":5}");
      ws.sendText("{\"method\":\"SET_PROPERTY\",\"params\":[\"combined\",1],\"id\":5}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"code\":1,\"msg\":\"Invalid value type: expected Boolean\"}");
      ws.sendText("{\"method\":\"GET_PROPERTY\",\"params\":[\"combined\",\"more\"],\"id\":5}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"code\":2,\"msg\":\"Invalid request: too many parameters\"}");
      ws.sendText("{\"method\":\"PUBLISH\",\"id\":1}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"code\":2,\"msg\":\"Invalid request: unknown variant `PUBLISH`, expected one of `SUBSCRIBE`, "
                  + "`UNSUBSCRIBE`, `LIST_SUBSCRIPTIONS`, `SET_PROPERTY`, `GET_PROPERTY` at line 1 column 19\"}");
      ws.sendText("{\"params\":[],\"id\":1}");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo(
              "{\"code\":2,\"msg\":\"Invalid request: missing field `method` at line 1 column 20\"}");
      ws.sendText("not json");
      assertThat(ws.next(FramesAccess.WAIT).text())
          .isEqualTo("{\"code\":3,\"msg\":\"Invalid JSON: expected value at line 1 column 1\"}");
      assertThat(ws.isOpen()).isTrue();
    }
  }

  @Test
  void streamsTheVenueDoesNotKnowAreAcceptedAndSilent() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws"))) {
      ws.sendText(
          "{\"method\":\"SUBSCRIBE\",\"params\":[\"btcusdt@nothing\",\"!ticker@arr\",\"BTCUSDT@trade\"],\"id\":1}");
      assertThat(ws.next(FramesAccess.WAIT).text()).isEqualTo("{\"result\":null,\"id\":1}");
      sim.market().advance(Duration.ofSeconds(3));
      ws.sendText("{\"method\":\"LIST_SUBSCRIPTIONS\",\"id\":2}");
      assertThat(FramesAccess.untilReply(ws, "2"))
          .containsExactly(
              "{\"result\":[\"btcusdt@nothing\",\"!ticker@arr\",\"BTCUSDT@trade\"],\"id\":2}");
    }
  }
}
