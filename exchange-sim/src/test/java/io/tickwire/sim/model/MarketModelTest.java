package io.tickwire.sim.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Venue;
import io.tickwire.sim.InstrumentSpec;
import io.tickwire.sim.SimConfig;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The market model on its own: determinism, book invariants, ids, candles. */
class MarketModelTest {

  /** 2026-01-01T00:00:00Z. */
  static final long START = 1_767_225_600_000L;

  /** Records everything the model reports, as text. */
  static final class Recorder implements MarketSink {
    final List<String> events = new ArrayList<>();
    final List<AggTrade> trades = new ArrayList<>();
    final Map<String, List<AggTrade>> tradesBy = new TreeMap<>();
    final Map<String, List<DepthAccumulator.Diff>> diffs = new TreeMap<>();
    final List<Candle> closed = new ArrayList<>();

    @Override
    public void trade(SimInstrument i, AggTrade t) {
      trades.add(t);
      tradesBy.computeIfAbsent(i.spec().key(), k -> new ArrayList<>()).add(t);
      events.add(
          i.spec().key()
              + " trade "
              + t.aggId()
              + " "
              + t.firstTradeId()
              + "-"
              + t.lastTradeId()
              + " "
              + t.fill());
    }

    @Override
    public void bestChanged(SimInstrument i, long time) {
      events.add(
          i.spec().key()
              + " best "
              + i.book().best(true)
              + "/"
              + i.book().best(false)
              + " @"
              + time);
    }

    @Override
    public void stepEnd(SimInstrument i, long time, long step) {
      if (i.venue() != Venue.UPBIT) {
        DepthAccumulator.Diff d = i.takeDepth(100);
        if (d != null) {
          diffs.computeIfAbsent(i.spec().key(), k -> new ArrayList<>()).add(d);
          events.add(i.spec().key() + " diff " + d.firstId() + "-" + d.lastId());
        }
      }
      closed.addAll(i.closedThisStep());
    }
  }

  static MarketModel model(long seed, Recorder sink) {
    return new MarketModel(
        SimConfig.defaultInstruments(),
        MarketParams.DEFAULT,
        seed,
        new SimClock(START, 1, false),
        100,
        sink);
  }

  @Test
  void theSameSeedGivesTheSameSequence() {
    Recorder a = new Recorder();
    Recorder b = new Recorder();
    Recorder c = new Recorder();
    try (MarketModel m1 = model(7, a);
        MarketModel m2 = model(7, b);
        MarketModel m3 = model(8, c)) {
      m1.advance(30_000);
      m2.advance(30_000);
      m3.advance(30_000);
    }
    assertThat(a.events).hasSizeGreaterThan(1000);
    assertThat(b.events).isEqualTo(a.events);
    assertThat(c.events).isNotEqualTo(a.events);
  }

  @Test
  void booksNeverCrossAndIdsOnlyGrow() {
    Recorder r = new Recorder();
    try (MarketModel m = model(3, r)) {
      long[] lastIds = new long[m.instruments().size()];
      for (int step = 0; step < 600; step++) {
        m.advance(100);
        m.call(
            () -> {
              for (int k = 0; k < m.instruments().size(); k++) {
                OrderBook book = m.instruments().get(k).book();
                assertThat(book.best(true)).isLessThan(book.best(false));
                assertThat(book.updateId()).isGreaterThanOrEqualTo(lastIds[k]);
                lastIds[k] = book.updateId();
              }
              return null;
            });
      }
    }
    for (List<DepthAccumulator.Diff> list : r.diffs.values()) {
      for (int k = 1; k < list.size(); k++) {
        assertThat(list.get(k).firstId()).isEqualTo(list.get(k - 1).lastId() + 1);
        assertThat(list.get(k).previousLastId()).isEqualTo(list.get(k - 1).lastId());
      }
    }
  }

  @Test
  void aggregateAndTradeIdsAreContiguousPerInstrument() {
    Recorder r = new Recorder();
    try (MarketModel m = model(5, r)) {
      m.advance(60_000);
    }
    assertThat(r.tradesBy).hasSize(15);
    int checked = 0;
    for (List<AggTrade> trades : r.tradesBy.values()) {
      for (int k = 1; k < trades.size(); k++) {
        assertThat(trades.get(k).aggId()).isEqualTo(trades.get(k - 1).aggId() + 1);
        if (trades.get(k).tradeQty().length > 0) {
          assertThat(trades.get(k).firstTradeId()).isEqualTo(trades.get(k - 1).lastTradeId() + 1);
        }
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(1000);
  }

  @Test
  void diffsAppliedToASnapshotGiveTheLaterBook() {
    Recorder r = new Recorder();
    InstrumentSpec spec =
        InstrumentSpec.binance(Venue.BINANCE_SPOT, "BTCUSDT", "64000.00", "0.01", "0.00001");
    try (MarketModel m =
        new MarketModel(
            List.of(spec), MarketParams.DEFAULT, 11, new SimClock(START, 1, false), 100, r)) {
      TreeMap<Long, Long> bids = new TreeMap<>();
      TreeMap<Long, Long> asks = new TreeMap<>();
      long snapshotId =
          m.call(
              () -> {
                SimInstrument i = m.instruments().get(0);
                bids.putAll(i.book().side(true));
                asks.putAll(i.book().side(false));
                return i.book().updateId();
              });
      m.advance(20_000);
      List<DepthAccumulator.Diff> diffs = r.diffs.get(spec.key());
      assertThat(diffs.get(0).firstId()).isEqualTo(snapshotId + 1);
      for (DepthAccumulator.Diff d : diffs) {
        d.bids().forEach(l -> apply(bids, l));
        d.asks().forEach(l -> apply(asks, l));
      }
      m.call(
          () -> {
            SimInstrument i = m.instruments().get(0);
            assertThat(bids).isEqualTo(new TreeMap<>(i.book().side(true)));
            assertThat(asks).isEqualTo(new TreeMap<>(i.book().side(false)));
            assertThat(diffs.get(diffs.size() - 1).lastId()).isEqualTo(i.book().updateId());
            return null;
          });
    }
  }

  private static void apply(TreeMap<Long, Long> side, OrderBook.Level l) {
    if (l.qty() == 0) {
      side.remove(l.price());
    } else {
      side.put(l.price(), l.qty());
    }
  }

  @Test
  void candlesCloseAtTheBoundaryWithTheirTrades() {
    Recorder r = new Recorder();
    InstrumentSpec spec =
        InstrumentSpec.binance(Venue.BINANCE_SPOT, "ETHUSDT", "3200.00", "0.01", "0.0001");
    try (MarketModel m =
        new MarketModel(
            List.of(spec), MarketParams.DEFAULT, 2, new SimClock(START, 1, false), 100, r)) {
      m.advance(61_000);
    }
    Candle minute =
        r.closed.stream().filter(c -> c.interval.name().equals("1m")).findFirst().orElseThrow();
    assertThat(minute.openTime).isEqualTo(START);
    assertThat(minute.closeTime).isEqualTo(START + 59_999);
    assertThat(minute.closed).isTrue();
    List<AggTrade> inMinute =
        r.trades.stream()
            .filter(t -> t.fill().time() >= START && t.fill().time() < START + 60_000)
            .toList();
    assertThat(minute.volume).isEqualTo(inMinute.stream().mapToLong(t -> t.fill().qty()).sum());
    assertThat(minute.quoteVolume)
        .isEqualByComparingTo(
            inMinute.stream().map(t -> t.fill().quote()).reduce(BigDecimal.ZERO, BigDecimal::add));
    assertThat(minute.firstTradeId).isEqualTo(inMinute.get(0).firstTradeId());
    assertThat(minute.lastTradeId).isEqualTo(inMinute.get(inMinute.size() - 1).lastTradeId());
    assertThat(r.closed.stream().filter(c -> c.interval.name().equals("1s")).count()).isEqualTo(61);
  }

  @Test
  void upbitSequentialIdsAreContiguous() {
    Recorder r = new Recorder();
    InstrumentSpec spec = InstrumentSpec.upbit("KRW-BTC", "90000000", "1000", "0.00000001");
    try (MarketModel m =
        new MarketModel(
            List.of(spec), MarketParams.DEFAULT, 4, new SimClock(START, 1, false), 100, r)) {
      m.advance(30_000);
    }
    assertThat(r.trades).hasSizeGreaterThan(20);
    for (int k = 1; k < r.trades.size(); k++) {
      assertThat(r.trades.get(k).sequentialId()).isEqualTo(r.trades.get(k - 1).sequentialId() + 1);
    }
  }
}
