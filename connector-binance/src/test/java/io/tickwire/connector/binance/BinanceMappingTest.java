package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.MarketTopics;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.Json;
import io.tickwire.model.MarketEvent;
import io.tickwire.model.Topic;
import org.junit.jupiter.api.Test;

/**
 * One golden mapping per Binance message type: the documented payload, as it arrives on a combined
 * stream, through the production protocol (classify, then normalize) and the contract's serde,
 * compared with the expected event on its md topic; plus the frame's place in its stream.
 */
class BinanceMappingTest {

  private final BinanceProtocol spot = protocol(BinanceMarket.SPOT, "binance-spot");
  private final BinanceProtocol usdm = protocol(BinanceMarket.USDM, "binance-usdm");

  static BinanceProtocol protocol(BinanceMarket market, String venueId) {
    return new BinanceProtocol(
        market, venueId, BinanceSymbols.withDefaultQuotes(), BinanceChannel.Route.MARKET, 200);
  }

  @Test
  void spotTradeIsASingleTradeWithGaplessId() throws Exception {
    Normalized n = assertMapped(spot, "spot-trade", "bnbbtc@trade", "md.trades.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.gapless(12345));
    assertThat(n.eventTime()).isEqualTo(1672515782136L);
  }

  @Test
  void spotAggTradeIsAnAggregateTradeWithGaplessId() throws Exception {
    Normalized n = assertMapped(spot, "spot-aggTrade", "bnbbtc@aggTrade", "md.trades.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.gapless(12345));
  }

  @Test
  void usdmAggTradeWithoutTheIgnoredFlag() throws Exception {
    Normalized n = assertMapped(usdm, "usdm-aggTrade", "btcusdt@aggTrade", "md.trades.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.gapless(5933014));
  }

  @Test
  void spotKlineUpdateOfAnOpenCandle() throws Exception {
    Normalized n = assertMapped(spot, "spot-kline", "bnbbtc@kline_1m", "md.klines.v1");
    // open candles sort after a closed one of the same millisecond
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(1672515782136L * 2 + 1));
  }

  @Test
  void usdmKlineClosedFromX() throws Exception {
    Normalized n = assertMapped(usdm, "usdm-kline", "btcusdt@kline_1h", "md.klines.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(1638747660000L * 2));
  }

  @Test
  void spotTickerIsAFullTickerWithBestBidAndAsk() throws Exception {
    Normalized n = assertMapped(spot, "spot-ticker", "bnbbtc@ticker", "md.tickers.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(1672515782136L));
  }

  @Test
  void usdmTickerHasNoPreviousCloseNorBestBidAndAsk() throws Exception {
    assertMapped(usdm, "usdm-ticker", "btcusdt@ticker", "md.tickers.v1");
  }

  @Test
  void spotMiniTickerIsAMiniTicker() throws Exception {
    assertMapped(spot, "spot-miniTicker", "bnbbtc@miniTicker", "md.tickers.v1");
  }

  @Test
  void spotBookTickerHasNoEventTypeNorTimes() throws Exception {
    Normalized n = assertMapped(spot, "spot-bookTicker", "bnbusdt@bookTicker", "md.bbo.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(400900217));
    assertThat(n.eventTime()).isZero();
  }

  @Test
  void usdmBookTickerCarriesTimes() throws Exception {
    assertMapped(usdm, "usdm-bookTicker", "bnbusdt@bookTicker", "md.bbo.v1");
  }

  @Test
  void spotPartialDepthIsASnapshotOfItsDepthRoutedByStreamName() throws Exception {
    Normalized n = assertMapped(spot, "spot-depth5", "bnbbtc@depth5@100ms", "md.book.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(160));
  }

  @Test
  void usdmPartialDepthIsASnapshotDespiteItsDepthUpdateShape() throws Exception {
    Normalized n = assertMapped(usdm, "usdm-depth20", "btcusdt@depth20@500ms", "md.book.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.increasing(390497878));
  }

  @Test
  void spotDiffDepthIsADeltaFromUToU() throws Exception {
    Normalized n = assertMapped(spot, "spot-depthUpdate", "bnbbtc@depth@100ms", "md.book.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.range(157, 160));
  }

  @Test
  void usdmDiffDepthChainsByPreviousUpdateId() throws Exception {
    Normalized n = assertMapped(usdm, "usdm-depthUpdate", "btcusdt@depth@100ms", "md.book.v1");
    assertThat(n.sequence()).isEqualTo(Sequence.range(150, 160));
  }

  @Test
  void usdmMarkPrice() throws Exception {
    assertMapped(usdm, "usdm-markPrice", "btcusdt@markPrice@1s", "md.mark-prices.v1");
  }

  @Test
  void usdmForceOrderIsALiquidation() throws Exception {
    assertMapped(usdm, "usdm-forceOrder", "btcusdt@forceOrder", "md.liquidations.v1");
  }

  /** Classifies and maps a golden frame and compares the event with its expected golden file. */
  private static Normalized assertMapped(
      BinanceProtocol protocol, String golden, String stream, String topic) throws Exception {
    Frame frame = Golden.frame(golden);
    assertThat(protocol.classify(frame)).isEqualTo(new Inbound.Data(stream));
    Normalized n = protocol.normalize(stream, frame);
    assertThat(n.events()).hasSize(1);
    MarketEvent event = n.events().get(0);
    Topic<String, MarketEvent> t = MarketTopics.of(event);
    assertThat(t.name()).isEqualTo(topic);
    assertThat(event.instrumentKey()).isEqualTo(protocol.venueId() + ":" + event.symbol());
    byte[] bytes = t.valueSerde().serializer().serialize(t.name(), event);
    JsonNode actual = Json.mapper().readTree(bytes);
    JsonNode expected = Json.mapper().readTree(Golden.bytes(golden + ".expected.json"));
    assertThat(actual).isEqualTo(expected);
    assertThat(t.valueSerde().deserializer().deserialize(t.name(), bytes)).isEqualTo(event);
    return n;
  }
}
