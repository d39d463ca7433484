package io.tickwire.testkit;

import io.tickwire.model.Balance;
import io.tickwire.model.Bbo;
import io.tickwire.model.BookTop;
import io.tickwire.model.Kline;
import io.tickwire.model.Level;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Order;
import io.tickwire.model.Position;
import io.tickwire.model.Side;
import io.tickwire.model.Ticker;
import io.tickwire.model.Trade;
import java.util.List;

/**
 * Normalized events with realistic values, for tests that feed topics directly. Each factory takes
 * what tests vary (symbol, times, ids) and fills the rest like the venue would.
 */
public final class SampleEvents {

  /** 2023-01-01T00:00:00Z. */
  public static final long T0 = 1_672_531_200_000L;

  private SampleEvents() {}

  /** A Binance-style full 24 h ticker with best bid and ask. */
  public static Ticker ticker(
      String venue, String symbol, String nativeSymbol, String last, long time) {
    return new Ticker(
        venue,
        symbol,
        nativeSymbol,
        Ticker.Kind.FULL,
        "16500.00",
        "16800.00",
        "16400.00",
        last,
        "0.00100000",
        "16499.99",
        "125.50",
        "0.761",
        "16600.12",
        "12000.5",
        "199000000.25",
        "16549.99",
        "1.2",
        "16550.01",
        "0.8",
        1_000_000L,
        time - 86_400_000L,
        time,
        time,
        time * 1000 + 1);
  }

  /** A Binance bookTicker update. */
  public static Bbo bbo(
      String venue, String symbol, String nativeSymbol, long updateId, String bid) {
    return new Bbo(
        venue,
        symbol,
        nativeSymbol,
        updateId,
        bid,
        "3.50000000",
        "16550.01",
        "0.25000000",
        null,
        null,
        T0 * 1000 + updateId);
  }

  /** A 1m candle of BTC-USDT on binance-spot. */
  public static Kline kline(
      String venue,
      String symbol,
      String nativeSymbol,
      long openTime,
      String close,
      boolean closed,
      long eventTime) {
    return new Kline(
        venue,
        symbol,
        nativeSymbol,
        "1m",
        openTime,
        openTime + 59_999,
        "16500.00",
        "16510.00",
        "16490.00",
        close,
        "12.5",
        "206250.00",
        "6.25",
        "103125.00",
        420L,
        closed,
        eventTime,
        eventTime * 1000 + 7);
  }

  /** A USD-M mark price update. */
  public static MarkPrice markPrice(String nativeSymbol, String symbol, String mark, long time) {
    return new MarkPrice(
        "binance-usdm",
        symbol,
        nativeSymbol,
        mark,
        "16551.20000000",
        "16550.90000000",
        "0.00010000",
        T0 + 8 * 3_600_000L,
        time,
        time * 1000 + 3);
  }

  /** An aggregated two-level book top. */
  public static BookTop bookTop(
      String venue, String symbol, String nativeSymbol, int depth, long time) {
    return new BookTop(
        venue,
        symbol,
        nativeSymbol,
        BookTop.Status.OK,
        depth,
        List.of(new Level("16550.00", "1.5"), new Level("16549.90", "2")),
        List.of(new Level("16550.20", "1"), new Level("16550.30", "3")),
        "16550.00",
        "16550.20",
        "16550.10",
        "0.20",
        "0.12",
        "0.0667",
        List.of(new BookTop.DepthBand(10, "3.5", "4")),
        1000 + time % 1000,
        time - 5,
        time);
  }

  /** The book top marker published while a book is broken: no levels, no figures. */
  public static BookTop brokenBookTop(
      String venue, String symbol, String nativeSymbol, int depth, long time) {
    return new BookTop(
        venue,
        symbol,
        nativeSymbol,
        BookTop.Status.BROKEN,
        depth,
        List.of(),
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(),
        0,
        time - 5,
        time);
  }

  /** An order update; a {@code tradeId} makes it a fill of {@code filled} at 16550.00. */
  public static Order order(
      String venue,
      String accountId,
      String symbol,
      String nativeSymbol,
      String orderId,
      Order.Status status,
      String filled,
      String tradeId,
      long time) {
    boolean fill = tradeId != null;
    return new Order(
        venue,
        accountId,
        symbol,
        nativeSymbol,
        orderId,
        "c-" + orderId,
        Side.BUY,
        "LIMIT",
        "GTC",
        status,
        fill ? "TRADE" : "NEW",
        "16550.00",
        "1.00000000",
        filled,
        fill ? "16550.00" : "0",
        fill ? "16550.00" : null,
        fill ? filled : null,
        fill ? "0.00010000" : null,
        fill ? "BNB" : null,
        tradeId,
        fill ? Boolean.FALSE : null,
        null,
        null,
        time,
        time - 1,
        time * 1000 + 2);
  }

  /** A spot balance event: {@code assets} as asset, free, locked triples. */
  public static Balance spotBalance(
      String accountId, Balance.Kind kind, long time, String... assets) {
    List<Balance.AssetBalance> balances =
        java.util.stream.IntStream.range(0, assets.length / 3)
            .mapToObj(
                i ->
                    new Balance.AssetBalance(
                        assets[3 * i], assets[3 * i + 1], assets[3 * i + 2], null, null))
            .toList();
    return new Balance("binance-spot", accountId, kind, balances, null, time, time * 1000 + 4);
  }

  /** A USD-M position of one side. */
  public static Position position(
      String accountId, String symbol, String nativeSymbol, String amount, long time) {
    return new Position(
        "binance-usdm",
        accountId,
        symbol,
        nativeSymbol,
        "BOTH",
        amount,
        "16500.00",
        "16510.00",
        "25.00",
        "0",
        "cross",
        null,
        "ORDER",
        time,
        time * 1000 + 5);
  }

  /** One trade. */
  public static Trade trade(
      String venue, String symbol, String nativeSymbol, long tradeId, String price, long time) {
    return new Trade(
        venue,
        symbol,
        nativeSymbol,
        Trade.Kind.TRADE,
        tradeId,
        null,
        null,
        price,
        "0.01000000",
        Side.SELL,
        time,
        time + 1,
        (time + 2) * 1000,
        false);
  }
}
