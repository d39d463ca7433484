package io.tickwire.connector.binance;

import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.connector.binance.wire.BookTickerEvent;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.binance.wire.DepthUpdateEvent;
import io.tickwire.connector.binance.wire.ForceOrderEvent;
import io.tickwire.connector.binance.wire.KlineEvent;
import io.tickwire.connector.binance.wire.MarkPriceEvent;
import io.tickwire.connector.binance.wire.MiniTickerEvent;
import io.tickwire.connector.binance.wire.TickerEvent;
import io.tickwire.connector.binance.wire.TradeEvent;
import io.tickwire.model.Bbo;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Kline;
import io.tickwire.model.Liquidation;
import io.tickwire.model.MarkPrice;
import io.tickwire.model.Side;
import io.tickwire.model.Ticker;
import io.tickwire.model.Trade;

/**
 * The one place Binance payloads become contract events (XChange's {@code BinanceStreamingAdapters}
 * idea): pure static functions from a wire DTO and the stream it arrived on to a normalized event.
 * Decimals are passed on as the venue's strings; {@code receivedAt} is epoch microseconds. The
 * symbol is the stream's (bookTicker and partial depth carry none); where the payload names one
 * too, it must agree, so a frame routed to the wrong stream is refused instead of published under
 * the wrong key.
 */
public final class BinanceAdapters {

  private BinanceAdapters() {}

  /** {@code trade}: one trade; {@code m} (buyer is maker) means the taker sold. */
  public static Trade trade(String venue, BinanceStream s, TradeEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    return new Trade(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        Trade.Kind.TRADE,
        e.tradeId(),
        null,
        null,
        e.price(),
        e.quantity(),
        takerSide(e.buyerIsMaker()),
        e.tradeTime(),
        e.eventTime(),
        receivedAt,
        false);
  }

  /**
   * {@code aggTrade}, from the stream or from the REST {@code aggTrades} list (which has no event
   * time: the trade time stands in for it).
   */
  public static Trade aggTrade(String venue, BinanceStream s, AggTradeEvent e, long receivedAt) {
    if (e.symbol() != null) {
      checkSymbol(s, e.symbol());
    }
    return new Trade(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        Trade.Kind.AGG_TRADE,
        e.aggregateTradeId(),
        e.firstTradeId(),
        e.lastTradeId(),
        e.price(),
        e.quantity(),
        takerSide(e.buyerIsMaker()),
        e.tradeTime(),
        e.eventTime() == null ? e.tradeTime() : e.eventTime(),
        receivedAt,
        false);
  }

  /** {@code kline}: every update of the candle; {@code closed} from {@code x}. */
  public static Kline kline(String venue, BinanceStream s, KlineEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    KlineEvent.Candle k = e.candle();
    if (s.interval() != null && !s.interval().equals(k.interval())) {
      throw new IllegalArgumentException(
          "kline interval " + k.interval() + " on stream " + s.name());
    }
    return new Kline(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        k.interval(),
        k.openTime(),
        k.closeTime(),
        k.open(),
        k.high(),
        k.low(),
        k.close(),
        k.volume(),
        k.quoteVolume(),
        k.takerBuyVolume(),
        k.takerBuyQuoteVolume(),
        k.tradeCount(),
        k.closed(),
        e.eventTime(),
        receivedAt);
  }

  /** {@code 24hrTicker}: full statistics (best bid/ask on spot only). */
  public static Ticker ticker(String venue, BinanceStream s, TickerEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    return new Ticker(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        Ticker.Kind.FULL,
        e.openPrice(),
        e.highPrice(),
        e.lowPrice(),
        e.lastPrice(),
        e.lastQuantity(),
        e.firstTradeBeforeWindowPrice(),
        e.priceChange(),
        e.priceChangePercent(),
        e.weightedAveragePrice(),
        e.baseVolume(),
        e.quoteVolume(),
        e.bestBidPrice(),
        e.bestBidQuantity(),
        e.bestAskPrice(),
        e.bestAskQuantity(),
        e.tradeCount(),
        e.openTime(),
        e.closeTime(),
        e.eventTime(),
        receivedAt);
  }

  /** {@code 24hrMiniTicker}: close as last, no change figures, no best bid/ask. */
  public static Ticker miniTicker(
      String venue, BinanceStream s, MiniTickerEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    return new Ticker(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        Ticker.Kind.MINI,
        e.openPrice(),
        e.highPrice(),
        e.lowPrice(),
        e.closePrice(),
        null,
        null,
        null,
        null,
        null,
        e.baseVolume(),
        e.quoteVolume(),
        null,
        null,
        null,
        null,
        null,
        null,
        null,
        e.eventTime(),
        receivedAt);
  }

  /** {@code bookTicker}: best bid and offer with the book's update id. */
  public static Bbo bookTicker(String venue, BinanceStream s, BookTickerEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    return new Bbo(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        e.updateId(),
        e.bidPrice(),
        e.bidQuantity(),
        e.askPrice(),
        e.askQuantity(),
        e.eventTime(),
        e.transactionTime(),
        receivedAt);
  }

  /**
   * Spot partial depth ({@code @depth<N>}): a top-N snapshot as of {@code lastUpdateId}; the
   * payload has no symbol and no time.
   */
  public static BookEvent partialDepth(
      String venue, BinanceStream s, DepthSnapshot d, long receivedAt) {
    return new BookEvent(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        BookEvent.Kind.SNAPSHOT,
        s.levels(),
        null,
        d.lastUpdateId(),
        null,
        d.bids(),
        d.asks(),
        d.eventTime(),
        d.transactionTime(),
        receivedAt);
  }

  /** USD-M partial depth: the same top-N snapshot, in the {@code depthUpdate} shape. */
  public static BookEvent partialDepth(
      String venue, BinanceStream s, DepthUpdateEvent d, long receivedAt) {
    checkSymbol(s, d.symbol());
    return new BookEvent(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        BookEvent.Kind.SNAPSHOT,
        s.levels(),
        d.firstUpdateId(),
        d.finalUpdateId(),
        d.previousFinalUpdateId(),
        d.bids(),
        d.asks(),
        d.eventTime(),
        d.transactionTime(),
        receivedAt);
  }

  /** Diff depth: a delta from {@code U} to {@code u} (USD-M: and {@code pu}). */
  public static BookEvent depthUpdate(
      String venue, BinanceStream s, DepthUpdateEvent d, long receivedAt) {
    checkSymbol(s, d.symbol());
    return new BookEvent(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        BookEvent.Kind.DELTA,
        null,
        d.firstUpdateId(),
        d.finalUpdateId(),
        d.previousFinalUpdateId(),
        d.bids(),
        d.asks(),
        d.eventTime(),
        d.transactionTime(),
        receivedAt);
  }

  /** A REST depth snapshot: the full book a maintained book starts from. */
  public static BookEvent snapshot(
      String venue, BinanceStream s, DepthSnapshot d, long receivedAt) {
    return new BookEvent(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        BookEvent.Kind.SNAPSHOT,
        null,
        null,
        d.lastUpdateId(),
        null,
        d.bids(),
        d.asks(),
        d.eventTime(),
        d.transactionTime(),
        receivedAt);
  }

  /** {@code markPriceUpdate}. */
  public static MarkPrice markPrice(
      String venue, BinanceStream s, MarkPriceEvent e, long receivedAt) {
    checkSymbol(s, e.symbol());
    return new MarkPrice(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        e.markPrice(),
        e.indexPrice(),
        e.estimatedSettlePrice(),
        e.fundingRate(),
        e.nextFundingTime(),
        e.eventTime(),
        receivedAt);
  }

  /** {@code forceOrder}: the liquidation order with the order's own side. */
  public static Liquidation liquidation(
      String venue, BinanceStream s, ForceOrderEvent e, long receivedAt) {
    ForceOrderEvent.Order o = e.order();
    checkSymbol(s, o.symbol());
    return new Liquidation(
        venue,
        s.symbol(),
        s.nativeSymbol(),
        side(o.side()),
        o.orderType(),
        o.timeInForce(),
        o.originalQuantity(),
        o.price(),
        o.averagePrice(),
        o.orderStatus(),
        o.lastFilledQuantity(),
        o.filledAccumulatedQuantity(),
        o.tradeTime(),
        e.eventTime(),
        receivedAt);
  }

  private static Side takerSide(boolean buyerIsMaker) {
    return buyerIsMaker ? Side.SELL : Side.BUY;
  }

  private static Side side(String side) {
    return switch (side) {
      case "BUY" -> Side.BUY;
      case "SELL" -> Side.SELL;
      default -> throw new IllegalArgumentException("unknown order side '" + side + "'");
    };
  }

  private static void checkSymbol(BinanceStream s, String payloadSymbol) {
    if (!s.nativeSymbol().equals(payloadSymbol)
        && !s.nativeSymbol().equalsIgnoreCase(payloadSymbol)) {
      throw new IllegalArgumentException(
          "payload symbol " + payloadSymbol + " arrived on stream " + s.name());
    }
  }
}
