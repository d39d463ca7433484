package io.tickwire.sim.model;

/**
 * How lively the simulated market is.
 *
 * @param tradesPerSecond average random taker orders per instrument and simulated second
 * @param volatility standard deviation of the fair price's relative move per square root of a
 *     simulated second (0.00005 moves BTC at 64,000 by about 3.2 per second)
 * @param bookDepth price levels kept on each side of every book
 * @param tradeHistory trades kept per instrument for REST backfill
 * @param liquidationsPerMinute average USD-M forced orders per instrument and simulated minute
 * @param upbitTimestampIds Upbit {@code sequential_id} as {@code trade time * 1000 + n} (as the
 *     live venue does) instead of contiguous numbers
 */
public record MarketParams(
    double tradesPerSecond,
    double volatility,
    int bookDepth,
    int tradeHistory,
    double liquidationsPerMinute,
    boolean upbitTimestampIds) {

  public static final MarketParams DEFAULT = new MarketParams(5, 0.00005, 400, 100_000, 2, false);

  public MarketParams {
    if (tradesPerSecond < 0 || volatility < 0 || liquidationsPerMinute < 0) {
      throw new IllegalArgumentException("market rates must not be negative");
    }
    if (bookDepth < 20 || bookDepth > 5000) {
      throw new IllegalArgumentException("bookDepth must be within 20..5000, got " + bookDepth);
    }
    if (tradeHistory < 100) {
      throw new IllegalArgumentException("tradeHistory must be at least 100, got " + tradeHistory);
    }
  }
}
