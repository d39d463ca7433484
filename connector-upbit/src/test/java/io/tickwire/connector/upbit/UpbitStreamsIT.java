package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.upbit.wire.UpbitTick;
import io.tickwire.connector.upbit.wire.UpbitWire;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Kline;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Ticker;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every Upbit payload type end to end: exchange-sim's binary frames through the real service into a
 * real Kafka, in both formats, checked against what the simulated venue itself reports.
 */
class UpbitStreamsIT extends UpbitConnectorIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();
  @RegisterExtension static final ExchangeSimExtension SIM = ExchangeSimExtension.start();

  private static final String STREAMS =
      "trade:KRW-BTC,ticker:KRW-BTC,orderbook:KRW-BTC.5,orderbook:KRW-ETH,"
          + "orderbook:KRW-BTC.15@10000,candle.1s:KRW-XRP";

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Test
  void everyTypeLandsInItsTopicAsTheVenueReportsIt() throws Exception {
    start(env(SIM.sim(), STREAMS));

    // trades: contiguous ids, and each one what the venue's own REST history says
    List<Trade> trades =
        readUntil(Topics.TRADES, t -> t.size() >= 15).stream()
            .filter(t -> t.symbol().equals("BTC-KRW"))
            .toList();
    assertThat(trades).extracting(Trade::tradeId).doesNotHaveDuplicates().isSorted();
    assertThat(trades.get(trades.size() - 1).tradeId() - trades.get(0).tradeId())
        .isEqualTo(trades.size() - 1);
    Map<Long, Trade> venue = restTrades("KRW-BTC");
    for (Trade t : trades) {
      Trade v = venue.get(t.tradeId());
      assertThat(v).as("trade %s in the venue's history", t.tradeId()).isNotNull();
      assertThat(t.price()).isEqualTo(v.price());
      assertThat(t.quantity()).isEqualTo(v.quantity());
      assertThat(t.takerSide()).isEqualTo(v.takerSide());
      assertThat(t.tradeTime()).isEqualTo(v.tradeTime());
      assertThat(t.nativeSymbol()).isEqualTo("KRW-BTC");
      assertThat(t.backfilled()).isFalse();
    }

    // tickers: the 24 h statistics, the last price one of the trades
    List<Ticker> tickers = readUntil(Topics.TICKERS, t -> t.size() >= 3);
    Ticker ticker = tickers.get(tickers.size() - 1);
    assertThat(ticker.symbol()).isEqualTo("BTC-KRW");
    assertThat(ticker.kind()).isEqualTo(Ticker.Kind.FULL);
    assertThat(new BigDecimal(ticker.high())).isGreaterThanOrEqualTo(new BigDecimal(ticker.low()));
    assertThat(ticker.baseVolume()).matches("[0-9]+(\\.[0-9]+)?");
    assertThat(ticker.changePercent()).matches("-?[0-9]+(\\.[0-9]+)?");

    // order books: every message a snapshot of the size asked for, grouped where asked
    List<BookEvent> books =
        readUntil(
            Topics.BOOK,
            b ->
                b.stream()
                        .map(e -> e.symbol() + "/" + e.depth() + "/" + e.grouping())
                        .distinct()
                        .count()
                    >= 3);
    for (BookEvent b : books) {
      assertThat(b.kind()).isEqualTo(BookEvent.Kind.SNAPSHOT);
      assertSorted(b);
      if (b.symbol().equals("ETH-KRW")) {
        assertThat(b.depth()).isEqualTo(30);
        assertThat(b.bids()).hasSize(30);
        assertThat(b.grouping()).isNull();
      } else if (b.grouping() == null) {
        assertThat(b.depth()).isEqualTo(5);
        assertThat(b.bids()).hasSize(5);
        assertThat(b.asks()).hasSize(5);
      } else {
        assertThat(b.depth()).isEqualTo(15);
        assertThat(b.grouping()).isEqualTo("10000");
        assertThat(b.bids()).hasSize(15);
        assertThat(b.bids())
            .allMatch(
                l -> new BigDecimal(l.price()).remainder(new BigDecimal(10000)).signum() == 0);
      }
    }

    // candles: each closed exactly once, with the values of its last update
    List<Kline> klines =
        readUntil(Topics.KLINES, k -> k.stream().filter(Kline::closed).count() >= 3);
    List<Kline> closed = klines.stream().filter(Kline::closed).toList();
    assertThat(closed).extracting(Kline::openTime).doesNotHaveDuplicates().isSorted();
    for (Kline c : closed) {
      assertThat(c.interval()).isEqualTo("1s");
      assertThat(c.closeTime()).isEqualTo(c.openTime() + 999);
      Kline lastUpdate =
          klines.stream()
              .filter(k -> !k.closed() && k.openTime() == c.openTime())
              .reduce((a, b) -> b)
              .orElseThrow();
      assertThat(c.close()).isEqualTo(lastUpdate.close());
      assertThat(c.volume()).isEqualTo(lastUpdate.volume());
    }

    // raw: the exact frames, keyed by stream, every stream present
    Set<String> streams = Set.of(STREAMS.split(","));
    List<ConsumerRecord<String, byte[]>> raw =
        readRaw(
            r ->
                r.stream()
                    .map(ConsumerRecord::key)
                    .collect(Collectors.toSet())
                    .containsAll(streams));
    assertThat(raw)
        .allSatisfy(
            r ->
                assertThat(new String(r.value(), StandardCharsets.UTF_8)).startsWith("{\"type\":"));

    List<StatusMarker> markers =
        markersUntil(
            m -> m.stream().filter(s -> s.status() == StatusMarker.Status.CONNECTED).count() >= 6);
    assertThat(markers).noneMatch(m -> m.status() == StatusMarker.Status.GAP_DETECTED);
  }

  @Test
  void simpleFormatMapsTheSame() throws Exception {
    Map<String, String> env = env(SIM.sim(), "trade:KRW-ETH,orderbook:KRW-SOL.15,ticker:KRW-ETH");
    env.put("UPBIT_FORMAT", "simple");
    start(env);

    List<ConsumerRecord<String, byte[]>> raw =
        readRaw(r -> r.stream().map(ConsumerRecord::key).distinct().count() >= 3);
    assertThat(raw)
        .allSatisfy(
            r -> assertThat(new String(r.value(), StandardCharsets.UTF_8)).startsWith("{\"ty\":"));

    List<Trade> trades = readUntil(Topics.TRADES, t -> t.size() >= 5);
    Map<Long, Trade> venue = restTrades("KRW-ETH");
    for (Trade t : trades) {
      assertThat(t.price()).isEqualTo(venue.get(t.tradeId()).price());
      assertThat(t.quantity()).isEqualTo(venue.get(t.tradeId()).quantity());
    }
    BookEvent book = readUntil(Topics.BOOK, b -> !b.isEmpty()).get(0);
    assertThat(book.symbol()).isEqualTo("SOL-KRW");
    assertThat(book.bids()).hasSize(15);
    assertSorted(book);
    assertThat(readUntil(Topics.TICKERS, t -> !t.isEmpty()).get(0).last()).isNotBlank();
  }

  private static void assertSorted(BookEvent b) {
    Comparator<Level> byPrice = Comparator.comparing(l -> new BigDecimal(l.price()));
    assertThat(b.bids()).isSortedAccordingTo(byPrice.reversed());
    assertThat(b.asks()).isSortedAccordingTo(byPrice);
    assertThat(new BigDecimal(b.bids().get(0).price()))
        .isLessThan(new BigDecimal(b.asks().get(0).price()));
  }

  /** The venue's recent trades of a market by id, from its REST history. */
  static Map<Long, Trade> restTrades(String market) throws Exception {
    HttpResponse<byte[]> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(SIM.http("/v1/trades/ticks?market=" + market + "&count=500"))
                    .build(),
                HttpResponse.BodyHandlers.ofByteArray());
    Map<Long, Trade> byId = new TreeMap<>();
    for (UpbitTick tick : UpbitWire.ticks(response.body())) {
      byId.put(tick.sequentialId(), UpbitAdapter.tick("upbit", tick, 0));
    }
    return byId;
  }
}
