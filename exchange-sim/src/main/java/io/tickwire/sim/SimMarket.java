package io.tickwire.sim;

import io.tickwire.model.Venue;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.OrderBook;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.model.Units;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Read access to the simulated market, for tests and benchmarks: the current book of a symbol, the
 * last trade and aggregate trade ids, the clock; and {@link #advance} for a manual clock. Every
 * read runs on the market thread, so it sees a state that agrees with the streams.
 */
public final class SimMarket {

  /** A price level as decimals. */
  public record Level(BigDecimal price, BigDecimal qty) {}

  /** A book snapshot: its update id and the best levels of each side, best first. */
  public record Book(long lastUpdateId, List<Level> bids, List<Level> asks) {}

  private final MarketModel model;

  SimMarket(MarketModel model) {
    this.model = model;
  }

  /** The simulated time now, epoch ms. */
  public long now() {
    return model.clock().now();
  }

  /** The simulated time of the last step: the instant the market state is as of. */
  public long time() {
    return model.call(model::time);
  }

  /** Moves a manual clock forward by {@code duration} of simulated time, step by step. */
  public void advance(Duration duration) {
    model.advance(duration.toMillis());
  }

  /** Native symbols of a venue, in configuration order. */
  public List<String> symbols(Venue venue) {
    return model.instruments(venue).stream().map(SimInstrument::symbol).toList();
  }

  public Book book(Venue venue, String symbol, int depth) {
    return read(
        venue,
        symbol,
        i ->
            new Book(
                i.book().updateId(),
                levels(i, i.book().top(true, depth)),
                levels(i, i.book().top(false, depth))));
  }

  private static List<Level> levels(SimInstrument i, List<OrderBook.Level> levels) {
    return levels.stream()
        .map(
            l ->
                new Level(
                    Units.toDecimal(l.price(), i.priceDecimals()),
                    Units.toDecimal(l.qty(), i.qtyDecimals())))
        .toList();
  }

  /** The book's current update id. */
  public long lastUpdateId(Venue venue, String symbol) {
    return read(venue, symbol, i -> i.book().updateId());
  }

  /**
   * The newest aggregate trade id (Binance {@code a}); on Upbit the newest trade's tape id, which
   * is its {@code sequential_id} unless timestamp-style ids are configured.
   */
  public long lastAggTradeId(Venue venue, String symbol) {
    return read(venue, symbol, i -> i.tape().lastId());
  }

  /** The newest trade id (Binance {@code t}). */
  public long lastTradeId(Venue venue, String symbol) {
    return read(venue, symbol, SimInstrument::lastTradeId);
  }

  public BigDecimal lastPrice(Venue venue, String symbol) {
    return read(venue, symbol, i -> Units.toDecimal(i.lastPrice(), i.priceDecimals()));
  }

  private <T> T read(Venue venue, String symbol, Function<SimInstrument, T> f) {
    return model.call(
        () -> {
          SimInstrument i = model.instrument(venue, symbol.toUpperCase(Locale.ROOT));
          if (i == null) {
            throw new IllegalArgumentException("no instrument " + venue + ":" + symbol);
          }
          return f.apply(i);
        });
  }
}
