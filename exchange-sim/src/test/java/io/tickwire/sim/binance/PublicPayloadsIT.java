package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.Http;
import io.tickwire.sim.Shapes;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.client.WsClient;
import io.tickwire.sim.model.MarketParams;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every Binance public stream, byte for byte in shape, through the combined-stream wrapper. */
class PublicPayloadsIT {

  static ExchangeSim sim;

  @BeforeAll
  static void start() {
    sim =
        ExchangeSim.start(
            SimConfig.builder()
                .timeScale(20)
                .market(new MarketParams(5, 0.0002, 400, 100_000, 600, false))
                .build());
  }

  @AfterAll
  static void stop() {
    sim.close();
  }

  private static void check(String path, Map<String, Pattern> shapes) {
    String streams = String.join("/", shapes.keySet());
    try (WsClient ws =
        WsClient.connect(URI.create(sim.wsBaseUrl() + path + "?streams=" + streams))) {
      io.tickwire.sim.FramesAccess.assertShapes(
          io.tickwire.sim.FramesAccess.firstOfEach(ws, shapes.keySet()), shapes);
    }
  }

  @Test
  void spotStreams() {
    Map<String, Pattern> shapes = new LinkedHashMap<>();
    shapes.put("btcusdt@trade", Shapes.SPOT_TRADE);
    shapes.put("btcusdt@aggTrade", Shapes.SPOT_AGG_TRADE);
    shapes.put("btcusdt@kline_1s", Shapes.SPOT_KLINE);
    shapes.put("btcusdt@kline_1m", Shapes.SPOT_KLINE);
    shapes.put("btcusdt@ticker", Shapes.SPOT_TICKER);
    shapes.put("btcusdt@miniTicker", Shapes.SPOT_MINI_TICKER);
    shapes.put("!miniTicker@arr", Shapes.SPOT_ALL_MINI_TICKERS);
    shapes.put("btcusdt@bookTicker", Shapes.SPOT_BOOK_TICKER);
    shapes.put("btcusdt@depth5", Shapes.SPOT_PARTIAL_DEPTH_5);
    shapes.put("btcusdt@depth5@100ms", Shapes.SPOT_PARTIAL_DEPTH_5);
    shapes.put("btcusdt@depth", Shapes.SPOT_DEPTH_UPDATE);
    shapes.put("btcusdt@depth@100ms", Shapes.SPOT_DEPTH_UPDATE);
    check("/stream", shapes);
  }

  @Test
  void usdmHighFrequencyStreamsOnPublic() {
    Map<String, Pattern> shapes = new LinkedHashMap<>();
    shapes.put("btcusdt@depth", Shapes.USDM_DEPTH_UPDATE);
    shapes.put("btcusdt@depth@100ms", Shapes.USDM_DEPTH_UPDATE);
    shapes.put("btcusdt@depth@500ms", Shapes.USDM_DEPTH_UPDATE);
    shapes.put("btcusdt@depth5", Shapes.USDM_PARTIAL_DEPTH_5);
    shapes.put("btcusdt@bookTicker", Shapes.USDM_BOOK_TICKER);
    shapes.put("!bookTicker", Shapes.USDM_ANY_BOOK_TICKER);
    check("/public/stream", shapes);
  }

  @Test
  void usdmMarketStreamsOnMarket() {
    Map<String, Pattern> shapes = new LinkedHashMap<>();
    shapes.put("btcusdt@aggTrade", Shapes.USDM_AGG_TRADE);
    shapes.put("btcusdt@markPrice", Shapes.USDM_MARK_PRICE);
    shapes.put("btcusdt@markPrice@1s", Shapes.USDM_MARK_PRICE);
    shapes.put("btcusdt@kline_1m", Shapes.USDM_KLINE);
    shapes.put("btcusdt@ticker", Shapes.USDM_TICKER);
    shapes.put("!forceOrder@arr", Shapes.USDM_FORCE_ORDER);
    check("/market/stream", shapes);
  }

  @Test
  void rawStreamsCarryTheBarePayload() {
    try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/btcusdt@aggTrade"))) {
      String payload = ws.next(io.tickwire.sim.FramesAccess.WAIT).text();
      io.tickwire.sim.FramesAccess.assertShape(payload, Shapes.SPOT_AGG_TRADE);
    }
  }

  @Test
  void restSnapshotsHaveTheVenueShape() {
    Http http = new Http(sim);
    var spot = http.get("/api/v3/depth?symbol=BTCUSDT&limit=10");
    io.tickwire.sim.FramesAccess.assertShape(spot.body(), Shapes.SPOT_DEPTH_SNAPSHOT);
    assertThat(spot.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("5");
    var usdm = http.get("/fapi/v1/depth?symbol=BTCUSDT&limit=5");
    assertThat(usdm.body())
        .matches(
            "\\{\"lastUpdateId\":\\d+,\"E\":\\d{13},\"T\":\\d{13},\"bids\":\\[.*\\],\"asks\":\\[.*\\]\\}");
    assertThat(usdm.headers().firstValue("X-MBX-USED-WEIGHT-1M")).hasValue("2");
  }
}
