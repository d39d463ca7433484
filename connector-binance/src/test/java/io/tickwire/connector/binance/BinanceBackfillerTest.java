package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.model.Trade;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** aggTrade backfill: pages from {@code fromId} until the hole is filled, flagged backfilled. */
class BinanceBackfillerTest {

  private final BinanceProtocol spot =
      BinanceMappingTest.protocol(BinanceMarket.SPOT, "binance-spot");
  private final List<Long> asked = new CopyOnWriteArrayList<>();

  /** The venue holds aggregate trades 1..lastId. */
  private BinanceBackfiller venueWith(long lastId, Duration budget) {
    return new BinanceBackfiller(
        spot,
        (symbol, fromId) -> {
          asked.add(fromId);
          List<AggTradeEvent> page = new ArrayList<>();
          LongStream.rangeClosed(fromId, Math.min(lastId, fromId + BinanceRest.AGG_TRADES_PAGE - 1))
              .forEach(
                  id ->
                      page.add(
                          new AggTradeEvent(
                              null,
                              null,
                              null,
                              id,
                              "1.5",
                              "2",
                              id * 10,
                              id * 10 + 1,
                              1000 + id,
                              id % 2 == 0)));
          return CompletableFuture.completedFuture(page);
        },
        Clock.systemUTC(),
        budget);
  }

  @Test
  void fetchesPageByPageUntilTheHoleIsFilled() throws Exception {
    List<Normalized> items =
        venueWith(5000, Duration.ofSeconds(30)).fetch("btcusdt@aggTrade", null, 100, 2600).get();

    assertThat(asked).containsExactly(100L, 1100L, 2100L);
    assertThat(items).hasSize(2501);
    assertThat(items)
        .extracting(Normalized::sequence)
        .startsWith(Sequence.gapless(100))
        .endsWith(Sequence.gapless(2600));
    Trade first = (Trade) items.get(0).events().get(0);
    assertThat(first.backfilled()).isTrue();
    assertThat(first.kind()).isEqualTo(Trade.Kind.AGG_TRADE);
    assertThat(first.symbol()).isEqualTo("BTC-USDT");
    assertThat(first.firstTradeId()).isEqualTo(1000L);
    assertThat(first.eventTime()).isEqualTo(first.tradeTime()).isEqualTo(1100L);
  }

  @Test
  void stopsWhenTheVenueHasNoMore() throws Exception {
    List<Normalized> items =
        venueWith(150, Duration.ofSeconds(30)).fetch("btcusdt@aggTrade", null, 100, 400).get();
    assertThat(items).hasSize(51);
    assertThat(asked).containsExactly(100L);
  }

  @Test
  void stopsWhenItsTimeIsUpAndHandsOverWhatItHas() throws Exception {
    List<Normalized> items =
        venueWith(1_000_000, Duration.ZERO).fetch("btcusdt@aggTrade", null, 1, 900_000).get();
    assertThat(items).hasSize(BinanceRest.AGG_TRADES_PAGE);
  }

  @Test
  void aFailureBeforeAnythingWasFetchedFailsTheBackfill() {
    BinanceBackfiller failing =
        new BinanceBackfiller(
            spot,
            (symbol, fromId) ->
                CompletableFuture.failedFuture(new IllegalStateException("venue down")),
            Clock.systemUTC(),
            Duration.ofSeconds(5));
    assertThatThrownBy(() -> failing.fetch("btcusdt@aggTrade", null, 1, 10).get())
        .isInstanceOf(ExecutionException.class)
        .hasMessageContaining("venue down");
  }

  @Test
  void singleTradeStreamsAreNotBackfilled() {
    assertThatThrownBy(
            () -> venueWith(10, Duration.ofSeconds(1)).fetch("btcusdt@trade", null, 1, 5).get())
        .hasMessageContaining("subscribe btcusdt@aggTrade");
    assertThat(asked).isEmpty();
  }
}
