package io.tickwire.sim;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tickwire.sim.client.WsClient;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** At 60x a 1m candle closes every wall second: {@code x: true} at the boundary, then the next. */
class CandlesIT {

  static final ObjectMapper JSON = new ObjectMapper();
  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    // three instruments keep 600 model steps per second cheap on a busy machine
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .timeScale(60)
                .instruments(
                    SimConfig.defaultInstruments().stream()
                        .filter(
                            i ->
                                i.symbol().equals("BTCUSDT")
                                        && i.venue() == io.tickwire.model.Venue.BINANCE_SPOT
                                    || i.symbol().equals("ETHUSDT")
                                        && i.venue() == io.tickwire.model.Venue.BINANCE_USDM
                                    || i.symbol().equals("KRW-BTC"))
                        .toList())
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static JsonNode kline(WsClient ws) throws Exception {
    return JSON.readTree(ws.next(Frames.WAIT).text()).get("k");
  }

  private static void closesAndOpensTheNext(String path) throws Exception {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + path))) {
      JsonNode k = kline(ws);
      while (!k.get("x").asBoolean()) {
        k = kline(ws);
      }
      assertThat(k.get("T").asLong()).isEqualTo(k.get("t").asLong() + 59_999);
      JsonNode next = kline(ws);
      assertThat(next.get("x").asBoolean()).isFalse();
      assertThat(next.get("t").asLong()).isEqualTo(k.get("T").asLong() + 1);
      assertThat(next.get("o").asText()).isNotEmpty();
    }
  }

  @Test
  void spotKlineCloses() throws Exception {
    closesAndOpensTheNext("/ws/btcusdt@kline_1m");
  }

  @Test
  void usdmKlineCloses() throws Exception {
    closesAndOpensTheNext("/market/ws/ethusdt@kline_1m");
  }

  @Test
  void upbitCandlesMoveToTheNextStartTime() throws Exception {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/websocket/v1"))) {
      ws.sendText("[{\"ticket\":\"c\"},{\"type\":\"candle.1m\",\"codes\":[\"KRW-BTC\"]}]");
      WsClient.Frame first = ws.next(Frames.WAIT);
      assertThat(first.kind()).isEqualTo(WsClient.Kind.BINARY);
      Frames.assertShape(first.text(), Shapes.UPBIT_CANDLE);
      String start = JSON.readTree(first.bytes()).get("candle_date_time_utc").asText();
      while (true) {
        JsonNode c =
            JSON.readTree(new String(ws.next(Frames.WAIT).bytes(), StandardCharsets.UTF_8));
        assertThat(c.get("stream_type").asText()).isEqualTo("REALTIME");
        if (!c.get("candle_date_time_utc").asText().equals(start)) {
          assertThat(c.get("candle_date_time_utc").asText()).isGreaterThan(start);
          break;
        }
      }
    }
  }
}
