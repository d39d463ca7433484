package io.tickwire.sim.model;

import io.tickwire.model.Venue;
import io.tickwire.sim.InstrumentSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * One instrument's whole market state: a fair price that random-walks, an order book quoted around
 * it, trades that take liquidity at the touch (and so move the book), candles, rolling and daily
 * statistics, the trade tape, and on USD-M the mark price, funding and forced orders. Everything is
 * driven by one seeded random generator and advanced in fixed simulated steps, so the same seed
 * always yields the same sequence. Only the market thread touches it.
 */
public final class SimInstrument {

  /** Liquidity taken by one taker order. */
  public record Taken(List<AggTrade> trades, long qty, BigDecimal quote) {}

  private final InstrumentSpec spec;
  private final MarketParams params;
  private final SplittableRandom rng;
  private final MarketSink sink;
  private final OrderBook book;
  private final TradeTape tape;
  private final Map<String, CandleSeries> candles = new LinkedHashMap<>();
  private final List<Candle> closed = new ArrayList<>();
  private final RollingStats rolling;
  private final DayStats day;
  private final Map<Long, DepthAccumulator> depth = new LinkedHashMap<>();
  private final TreeMap<Long, ArrayDeque<RestingOrder>> restingBids = new TreeMap<>();
  private final TreeMap<Long, ArrayDeque<RestingOrder>> restingAsks = new TreeMap<>();

  private final int priceDecimals;
  private final int qtyDecimals;
  private final long tick;
  private final long step;
  private final long gap;
  private final long typicalQty;
  private final long initialPrice;
  private double fair;

  private long nextTradeId;
  private long lastPrice;
  private long lastTradeQty;
  private long lastTradeTime;
  private long seqMillis = -1;
  private int seqInMillis;

  private long bestBid;
  private long bestBidQty;
  private long bestAsk;
  private long bestAskQty;

  // USD-M mark price and funding, in units of 10^-8
  private double mark;
  private long indexScaled;
  private long settleScaled;
  private long fundingScaled;

  SimInstrument(
      InstrumentSpec spec, MarketParams params, long seed, long startTime, MarketSink sink) {
    this.spec = spec;
    this.params = params;
    this.sink = sink;
    this.rng = new SplittableRandom(mix(seed, spec.key()));
    this.priceDecimals = spec.priceDecimals();
    this.qtyDecimals = spec.qtyDecimals();
    this.tick = spec.tickUnits();
    this.step = spec.stepUnits();
    this.initialPrice = spec.initialPriceUnits();
    this.fair = initialPrice;
    this.lastPrice = initialPrice;
    this.gap = Math.max(tick, Math.round(initialPrice * 0.00002 / tick) * tick);
    BigDecimal notional = BigDecimal.valueOf(spec.quote().equals("KRW") ? 30_000_000 : 20_000);
    long qty =
        notional
            .divide(Units.toDecimal(initialPrice, priceDecimals), qtyDecimals, RoundingMode.DOWN)
            .unscaledValue()
            .longValueExact();
    this.typicalQty = Math.max(step, qty / step * step);
    this.book = new OrderBook(1_000_000_000L + rng.nextInt(1_000_000));
    this.nextTradeId = 100_000_000L + rng.nextInt(1_000_000);
    long firstAggId =
        spec.venue() == Venue.UPBIT ? 1_000_000_000L : 10_000_000L + rng.nextInt(1_000_000);
    this.tape = new TradeTape(firstAggId, params.tradeHistory());
    List<String> intervals =
        switch (spec.venue()) {
          case BINANCE_SPOT -> Interval.BINANCE_SPOT;
          case BINANCE_USDM -> Interval.BINANCE_USDM;
          case UPBIT -> Interval.UPBIT;
        };
    for (String i : intervals) {
      candles.put(i, new CandleSeries(Interval.of(i), startTime, initialPrice, 500));
    }
    this.rolling = new RollingStats(Interval.DAY, initialPrice);
    this.day = new DayStats(startTime, initialPrice);
    this.mark = initialPrice;
    this.indexScaled = scaled(initialPrice);
    this.settleScaled = indexScaled;
    this.fundingScaled = 10_000; // 0.0001
    seedBook();
    // accumulators start after the initial book, which a client learns from a snapshot
    long[] cadences =
        switch (spec.venue()) {
          case BINANCE_SPOT -> new long[] {100, 1000};
          case BINANCE_USDM -> new long[] {100, 250, 500};
          case UPBIT -> new long[0];
        };
    for (long c : cadences) {
      depth.put(c, book.accumulator(c));
    }
  }

  /** A stable per-instrument seed: the same seed and key give the same generator in any JVM. */
  static long mix(long seed, String key) {
    long h = seed * 0x9E3779B97F4A7C15L;
    for (int i = 0; i < key.length(); i++) {
      h = (h ^ key.charAt(i)) * 0x100000001B3L;
    }
    return h ^ (h >>> 31);
  }

  private void seedBook() {
    long bid = Math.floorDiv(initialPrice, gap) * gap;
    if (bid >= initialPrice) {
      bid -= gap;
    }
    long ask = bid + gap;
    for (int i = 0; i < params.bookDepth(); i++) {
      if (bid - i * gap > 0) {
        book.set(true, bid - i * gap, randomQty());
      }
      book.set(false, ask + i * gap, randomQty());
    }
    rememberBest();
  }

  // ---- accessors (market thread) ---------------------------------------------------------------

  public InstrumentSpec spec() {
    return spec;
  }

  public Venue venue() {
    return spec.venue();
  }

  public String symbol() {
    return spec.symbol();
  }

  public int priceDecimals() {
    return priceDecimals;
  }

  public int qtyDecimals() {
    return qtyDecimals;
  }

  public OrderBook book() {
    return book;
  }

  public TradeTape tape() {
    return tape;
  }

  public Collection<CandleSeries> candles() {
    return candles.values();
  }

  public CandleSeries candles(String interval) {
    return candles.get(interval);
  }

  /** Candles that closed during the current step; the feeds push them with {@code x: true}. */
  public List<Candle> closedThisStep() {
    return closed;
  }

  public RollingStats rolling() {
    return rolling;
  }

  public DayStats day() {
    return day;
  }

  public DepthAccumulator depth(long cadence) {
    return depth.get(cadence);
  }

  public DepthAccumulator.Diff takeDepth(long cadence) {
    return depth.get(cadence).take(book);
  }

  public long lastTradeId() {
    return nextTradeId - 1;
  }

  public long lastPrice() {
    return lastPrice;
  }

  public long lastTradeQty() {
    return lastTradeQty;
  }

  public long lastTradeTime() {
    return lastTradeTime;
  }

  public long markScaled() {
    return scaled(Math.round(mark / tick) * tick);
  }

  public long indexScaled() {
    return indexScaled;
  }

  public long settleScaled() {
    return settleScaled;
  }

  public long fundingScaled() {
    return fundingScaled;
  }

  /** Price units to units of 10^-8. */
  public long scaled(long priceUnits) {
    return priceUnits * Units.pow10(8 - priceDecimals);
  }

  /** Price times quantity as an exact decimal. */
  public BigDecimal quote(long price, long qty) {
    return Units.toDecimal(price, priceDecimals).multiply(Units.toDecimal(qty, qtyDecimals));
  }

  // ---- one step --------------------------------------------------------------------------------

  /** Advances the market from {@code time - stepMillis} to {@code time}. */
  void step(long time, long stepMillis) {
    closed.clear();
    long from = time - stepMillis;
    double seconds = stepMillis / 1000.0;
    double sigma = fair * params.volatility() * Math.sqrt(seconds);
    fair += rng.nextGaussian() * sigma - (fair - initialPrice) * 0.00002 * seconds;
    fair = Math.max(fair, tick * 10.0);
    double mid = mid();
    if (Math.abs(fair - mid) > 40.0 * gap) {
      fair = mid + Math.signum(fair - mid) * 40.0 * gap;
    }
    long t = from + 1 + rng.nextInt((int) Math.max(1, stepMillis / 4));
    // the touch moves toward the fair price: resting quotes on the wrong side get taken
    for (int sweep = 0; sweep < 4; sweep++) {
      Long ask = book.best(false);
      Long bid = book.best(true);
      if (ask != null && ask < fair - gap / 2.0) {
        take(true, book.qty(false, ask), ask, null, t);
      } else if (bid != null && bid > fair + gap / 2.0) {
        take(false, book.qty(true, bid), bid, null, t);
      } else {
        break;
      }
      t = Math.min(time, t + 1 + rng.nextInt(3));
    }
    int takers = binomial(4, params.tradesPerSecond() * seconds / 4);
    for (int i = 0; i < takers; i++) {
      double lean = Math.max(-0.3, Math.min(0.3, (fair - mid()) / gap * 0.1));
      boolean buy = rng.nextDouble() < 0.5 + lean;
      Long best = book.best(!buy);
      if (best != null) {
        long level = book.qty(!buy, best);
        long qty = roundQty((long) (level * (0.05 + 0.95 * rng.nextDouble() * rng.nextDouble())));
        take(buy, Math.min(level, qty), best, null, t);
      }
      t = Math.min(time, t + 1 + rng.nextInt((int) Math.max(1, stepMillis / 8)));
    }
    quote();
    if (spec.venue() == Venue.BINANCE_USDM) {
      futures(time, stepMillis, t);
    }
    checkBest(time);
    for (CandleSeries s : candles.values()) {
      Candle c = s.roll(time);
      if (c != null) {
        closed.add(c);
      }
    }
    day.roll(time);
    sink.stepEnd(this, time, stepMillis);
  }

  private int binomial(int n, double p) {
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (rng.nextDouble() < p) {
        k++;
      }
    }
    return k;
  }

  private double mid() {
    Long bid = book.best(true);
    Long ask = book.best(false);
    if (bid == null || ask == null) {
      return fair;
    }
    return (bid + ask) / 2.0;
  }

  /** Makers requote: close a wide spread, change sizes near the touch, keep the book deep. */
  private void quote() {
    for (int i = 0; i < 3; i++) {
      Long bid = book.best(true);
      Long ask = book.best(false);
      if (bid == null || ask == null || ask - bid <= 2 * gap) {
        break;
      }
      long inside = bid + gap < fair ? bid + gap : ask - gap;
      setAnonymous(inside < fair, inside, randomQty());
    }
    int changes = rng.nextInt(5);
    for (int i = 0; i < changes; i++) {
      boolean bid = rng.nextBoolean();
      NavigableMap<Long, Long> side = book.side(bid);
      if (side.isEmpty()) {
        continue;
      }
      double u = rng.nextDouble();
      int index = (int) (Math.min(side.size(), 40) * u * u * u);
      long price = nth(side, index);
      double r = rng.nextDouble();
      if (r < 0.7) {
        setAnonymous(bid, price, randomQty());
      } else if (r < 0.85 && index > 0) {
        setAnonymous(bid, price, 0);
      } else {
        long next = bid ? price - gap : price + gap;
        if (next > 0 && book.qty(bid, next) == 0) {
          setAnonymous(bid, next, randomQty());
        }
      }
    }
    for (boolean bid : new boolean[] {true, false}) {
      while (book.size(bid) < params.bookDepth()) {
        NavigableMap<Long, Long> side = book.side(bid);
        long far = side.isEmpty() ? (bid ? (long) fair - gap : (long) fair + gap) : side.lastKey();
        long price = side.isEmpty() ? Math.floorDiv(far, tick) * tick : bid ? far - gap : far + gap;
        if (price <= 0) {
          break;
        }
        setAnonymous(bid, price, randomQty());
      }
      while (book.size(bid) > params.bookDepth() + 20) {
        long far = book.side(bid).lastKey();
        if (restingQty(bid, far) > 0) {
          break;
        }
        book.set(bid, far, 0);
      }
    }
  }

  private static long nth(NavigableMap<Long, Long> side, int index) {
    Iterator<Long> it = side.keySet().iterator();
    long price = it.next();
    for (int i = 0; i < index && it.hasNext(); i++) {
      price = it.next();
    }
    return price;
  }

  private long randomQty() {
    return roundQty((long) (typicalQty * (0.2 + 2.8 * rng.nextDouble())));
  }

  private long roundQty(long qty) {
    return Math.max(step, qty / step * step);
  }

  /** Sets the anonymous (non-account) quantity of a level, keeping resting orders in it. */
  private void setAnonymous(boolean bid, long price, long qty) {
    Long otherBest = book.best(!bid);
    if (otherBest != null && (bid ? price >= otherBest : price <= otherBest)) {
      return; // never cross the book
    }
    long total = qty + restingQty(bid, price);
    if (total != book.qty(bid, price)) {
      book.set(bid, price, total);
    }
  }

  private void futures(long time, long stepMillis, long t) {
    double m = mid();
    mark = mark * 0.8 + m * 0.2;
    indexScaled =
        Math.round((mark * (1 + rng.nextGaussian() * 0.0001)) * Units.pow10(8 - priceDecimals));
    settleScaled =
        Math.round((mark * (1 + rng.nextGaussian() * 0.00005)) * Units.pow10(8 - priceDecimals));
    fundingScaled =
        Math.max(-75_000, Math.min(75_000, fundingScaled + Math.round(rng.nextGaussian() * 200)));
    boolean newSecond = Math.floorDiv(time, 1000) != Math.floorDiv(time - stepMillis, 1000);
    if (newSecond && rng.nextDouble() < params.liquidationsPerMinute() / 60.0) {
      boolean buy = rng.nextBoolean();
      Long best = book.best(!buy);
      if (best != null) {
        long qty = roundQty((long) (typicalQty * (0.1 + rng.nextDouble())));
        long limit = buy ? best + 5 * gap : Math.max(tick, best - 5 * gap);
        Taken taken = take(buy, qty, limit, null, t);
        if (taken.qty() > 0) {
          long avg =
              taken
                  .quote()
                  .divide(Units.toDecimal(taken.qty(), qtyDecimals), 8, RoundingMode.HALF_UP)
                  .movePointRight(8)
                  .longValueExact();
          AggTrade last = taken.trades().get(taken.trades().size() - 1);
          sink.liquidation(
              this, new Liquidation(buy, taken.qty(), limit, avg, last.fill().qty(), t));
        }
      }
    }
  }

  /** Next funding time: the next 00:00, 08:00 or 16:00 UTC. */
  public static long nextFundingTime(long time) {
    long eight = 8 * Interval.HOUR;
    return (Math.floorDiv(time, eight) + 1) * eight;
  }

  // ---- taking liquidity ------------------------------------------------------------------------

  /** How much a taker could fill up to {@code limit} (inclusive). */
  public long available(boolean buy, long limit) {
    long sum = 0;
    for (Map.Entry<Long, Long> e : book.side(!buy).entrySet()) {
      if (buy ? e.getKey() > limit : e.getKey() < limit) {
        break;
      }
      sum += e.getValue();
    }
    return sum;
  }

  /**
   * A taker order: takes the opposite side from the best price up to {@code limit} until {@code
   * maxQty} is filled or, when {@code quoteBudget} is given, until the budget is spent.
   */
  public Taken take(boolean buy, long maxQty, long limit, BigDecimal quoteBudget, long time) {
    List<AggTrade> trades = new ArrayList<>();
    long remaining = maxQty;
    BigDecimal budget = quoteBudget;
    BigDecimal quote = BigDecimal.ZERO;
    long filled = 0;
    while (remaining > 0) {
      Long best = book.best(!buy);
      if (best == null || (buy ? best > limit : best < limit)) {
        break;
      }
      long qty = Math.min(remaining, book.qty(!buy, best));
      if (budget != null) {
        long affordable =
            budget
                .divide(Units.toDecimal(best, priceDecimals), qtyDecimals, RoundingMode.DOWN)
                .unscaledValue()
                .longValueExact();
        qty = Math.min(qty, affordable / step * step);
        if (qty <= 0) {
          break;
        }
      }
      AggTrade trade = fillLevel(buy, best, qty, time);
      trades.add(trade);
      remaining -= qty;
      filled += qty;
      quote = quote.add(trade.fill().quote());
      if (budget != null) {
        budget = budget.subtract(trade.fill().quote());
      }
    }
    checkBest(time);
    return new Taken(trades, filled, quote);
  }

  private AggTrade fillLevel(boolean takerBuy, long price, long qty, long time) {
    boolean makerBid = !takerBuy;
    long level = book.qty(makerBid, price);
    long anonymous = level - restingQty(makerBid, price);
    long fromAnonymous = Math.min(qty, anonymous);
    List<Long> pieces = new ArrayList<>();
    if (fromAnonymous > 0) {
      int parts = (int) Math.min(1 + rng.nextInt(3), fromAnonymous / step);
      long left = fromAnonymous;
      for (int i = 1; i < parts; i++) {
        long piece = roundQty((long) (left * rng.nextDouble() * 0.6));
        if (piece >= left) {
          break;
        }
        pieces.add(piece);
        left -= piece;
      }
      pieces.add(left);
    }
    long firstTradeId = nextTradeId;
    nextTradeId += pieces.size();
    long fromOrders = qty - fromAnonymous;
    ArrayDeque<RestingOrder> queue = (makerBid ? restingBids : restingAsks).get(price);
    while (fromOrders > 0 && queue != null && !queue.isEmpty()) {
      RestingOrder order = queue.peekFirst();
      long piece = Math.min(order.remaining(), fromOrders);
      pieces.add(piece);
      order.makerFill(piece, nextTradeId++, time);
      fromOrders -= piece;
      if (order.remaining() == 0) {
        queue.removeFirst();
      }
    }
    if (queue != null && queue.isEmpty()) {
      (makerBid ? restingBids : restingAsks).remove(price);
    }
    book.set(makerBid, price, level - qty);
    Fill fill = new Fill(price, qty, quote(price, qty), !takerBuy, time);
    long sequentialId = tape.lastId() + 1;
    if (params.upbitTimestampIds()) {
      seqInMillis = time == seqMillis ? seqInMillis + 1 : 0;
      seqMillis = time;
      sequentialId = time * 1000 + seqInMillis;
    }
    // Upbit has no trade ids: its tape keeps the sequential id in their place
    boolean upbit = spec.venue() == Venue.UPBIT;
    long aggId =
        tape.add(
            price,
            qty,
            time,
            upbit ? sequentialId : firstTradeId,
            upbit ? sequentialId : nextTradeId - 1,
            !takerBuy,
            day.prevClose);
    int count = pieces.size();
    for (CandleSeries s : candles.values()) {
      Candle c = s.roll(time);
      if (c != null) {
        closed.add(c);
      }
      s.add(fill, firstTradeId, nextTradeId - 1, count);
    }
    rolling.add(fill, firstTradeId, nextTradeId - 1, count);
    day.add(fill);
    lastPrice = price;
    lastTradeQty = qty;
    lastTradeTime = time;
    long[] tradeQty = pieces.stream().mapToLong(Long::longValue).toArray();
    AggTrade trade = new AggTrade(aggId, firstTradeId, tradeQty, fill, time, sequentialId);
    sink.trade(this, trade);
    return trade;
  }

  private void checkBest(long time) {
    long b = book.best(true) == null ? 0 : book.best(true);
    long a = book.best(false) == null ? 0 : book.best(false);
    long bq = book.qty(true, b);
    long aq = book.qty(false, a);
    if (b != bestBid || a != bestAsk || bq != bestBidQty || aq != bestAskQty) {
      rememberBest();
      sink.bestChanged(this, time);
    }
  }

  private void rememberBest() {
    bestBid = book.best(true) == null ? 0 : book.best(true);
    bestAsk = book.best(false) == null ? 0 : book.best(false);
    bestBidQty = book.qty(true, bestBid);
    bestAskQty = book.qty(false, bestAsk);
  }

  // ---- resting account orders ------------------------------------------------------------------

  private long restingQty(boolean bid, long price) {
    ArrayDeque<RestingOrder> q = (bid ? restingBids : restingAsks).get(price);
    if (q == null) {
      return 0;
    }
    long sum = 0;
    for (RestingOrder o : q) {
      sum += o.remaining();
    }
    return sum;
  }

  /** Puts an account's limit order in the book behind the liquidity already at its price. */
  public void rest(RestingOrder order, long time) {
    (order.buy() ? restingBids : restingAsks)
        .computeIfAbsent(order.price(), p -> new ArrayDeque<>())
        .addLast(order);
    book.set(order.buy(), order.price(), book.qty(order.buy(), order.price()) + order.remaining());
    checkBest(time);
  }

  /** Takes a resting order's remaining quantity out of the book. */
  public boolean cancel(RestingOrder order, long time) {
    ArrayDeque<RestingOrder> q = (order.buy() ? restingBids : restingAsks).get(order.price());
    if (q == null || !q.remove(order)) {
      return false;
    }
    if (q.isEmpty()) {
      (order.buy() ? restingBids : restingAsks).remove(order.price());
    }
    book.set(order.buy(), order.price(), book.qty(order.buy(), order.price()) - order.remaining());
    checkBest(time);
    return true;
  }

  /** Skips {@code count} update ids at the next book change (a venue-side gap). */
  public void skipUpdateIds(long count) {
    book.skipIds(count);
  }
}
