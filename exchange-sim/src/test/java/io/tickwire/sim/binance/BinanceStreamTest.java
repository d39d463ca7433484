package io.tickwire.sim.binance;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.binance.BinanceStream.Channel;
import io.tickwire.sim.binance.BinanceStream.UsdmRoute;
import org.junit.jupiter.api.Test;

class BinanceStreamTest {

  private static BinanceStream spot(String name) {
    return BinanceStream.parse(name, Venue.BINANCE_SPOT);
  }

  private static BinanceStream usdm(String name) {
    return BinanceStream.parse(name, Venue.BINANCE_USDM);
  }

  @Test
  void spotStreamsAndTheirSpeeds() {
    assertThat(spot("btcusdt@trade").channel()).isEqualTo(Channel.TRADE);
    assertThat(spot("btcusdt@depth").speedMs()).isEqualTo(1000);
    assertThat(spot("btcusdt@depth@100ms").speedMs()).isEqualTo(100);
    assertThat(spot("btcusdt@depth20@100ms"))
        .isEqualTo(
            new BinanceStream(
                "btcusdt@depth20@100ms", Channel.PARTIAL_DEPTH, "btcusdt", null, 20, 100));
    assertThat(spot("btcusdt@kline_1s").interval()).isEqualTo("1s");
    assertThat(spot("btcusdt@kline_1M").interval()).isEqualTo("1M");
    assertThat(spot("!miniTicker@arr").channel()).isEqualTo(Channel.ALL_MINI_TICKER);
  }

  @Test
  void namesTheVenueDoesNotServeAreUnknown() {
    assertThat(spot("btcusdt@depth@250ms").channel()).isEqualTo(Channel.UNKNOWN);
    assertThat(spot("btcusdt@markPrice").channel()).isEqualTo(Channel.UNKNOWN);
    assertThat(spot("!ticker@arr").channel()).isEqualTo(Channel.UNKNOWN); // retired 2026-03-26
    assertThat(spot("BTCUSDT@trade").channel()).isEqualTo(Channel.UNKNOWN);
    assertThat(spot("btcusdt@kline_2m").channel()).isEqualTo(Channel.UNKNOWN);
    assertThat(usdm("btcusdt@kline_1s").channel()).isEqualTo(Channel.UNKNOWN);
    assertThat(spot("nonsense").channel()).isEqualTo(Channel.UNKNOWN);
  }

  @Test
  void usdmRoutesFollowThe2026Split() {
    SimConfig.Route trade = SimConfig.Route.MARKET;
    assertThat(usdm("btcusdt@depth").usdmRoute(trade)).isEqualTo(UsdmRoute.PUBLIC);
    assertThat(usdm("btcusdt@depth").speedMs()).isEqualTo(250);
    assertThat(usdm("btcusdt@depth5@500ms").usdmRoute(trade)).isEqualTo(UsdmRoute.PUBLIC);
    assertThat(usdm("btcusdt@bookTicker").usdmRoute(trade)).isEqualTo(UsdmRoute.PUBLIC);
    assertThat(usdm("!bookTicker").usdmRoute(trade)).isEqualTo(UsdmRoute.PUBLIC);
    assertThat(usdm("btcusdt@aggTrade").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@markPrice@1s").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@markPrice@1s").speedMs()).isEqualTo(1000);
    assertThat(usdm("!markPrice@arr").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@kline_1m").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@forceOrder").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("!ticker@arr").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@trade").usdmRoute(trade)).isEqualTo(UsdmRoute.MARKET);
    assertThat(usdm("btcusdt@trade").usdmRoute(SimConfig.Route.PUBLIC)).isEqualTo(UsdmRoute.PUBLIC);
  }
}
