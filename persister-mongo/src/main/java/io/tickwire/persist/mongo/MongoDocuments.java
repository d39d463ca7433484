package io.tickwire.persist.mongo;

import io.tickwire.model.Balance;
import io.tickwire.model.Json;
import io.tickwire.model.Kline;
import io.tickwire.model.Order;
import io.tickwire.model.Trade;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;

/**
 * The MongoDB documents of tickwire's history. Each document holds its event's fields under their
 * contract names and types (decimals as the strings the venue sent, times as epoch milliseconds),
 * plus a deterministic {@code _id}, so writing an event twice is one idempotent upsert, and {@code
 * time}, the event's time as a BSON date (the time field of time-series collections and of the
 * trades TTL index). Candles and trades also carry {@code series}, what identifies one time series
 * (the metaField of time-series collections). Absent event fields are left out, as in the JSON.
 */
final class MongoDocuments {

  static final String KLINES = "klines";
  static final String TRADES = "trades";
  static final String ORDERS = "orders";
  static final String FILLS = "fills";
  static final String BALANCES = "balances";

  private MongoDocuments() {}

  /** {@code _id} {@code binance-spot:BTC-USDT:1m:1672515780000}. */
  static Document kline(Kline k) {
    return compact(
        new Document("_id", k.candleId())
            .append("series", k.instrumentKey() + ":" + k.interval())
            .append("time", new Date(k.openTime()))
            .append("venue", k.venue())
            .append("symbol", k.symbol())
            .append("nativeSymbol", k.nativeSymbol())
            .append("interval", k.interval())
            .append("openTime", k.openTime())
            .append("closeTime", k.closeTime())
            .append("open", k.open())
            .append("high", k.high())
            .append("low", k.low())
            .append("close", k.close())
            .append("volume", k.volume())
            .append("quoteVolume", k.quoteVolume())
            .append("takerBuyVolume", k.takerBuyVolume())
            .append("takerBuyQuoteVolume", k.takerBuyQuoteVolume())
            .append("tradeCount", k.tradeCount())
            .append("closed", k.closed())
            .append("eventTime", k.eventTime())
            .append("receivedAt", k.receivedAt()));
  }

  /** {@code _id} {@code binance-spot:BTC-USDT:aggTrade:12345}: trade and aggregate ids differ. */
  static Document trade(Trade t) {
    return compact(
        new Document("_id", t.instrumentKey() + ":" + name(t.kind()) + ":" + t.tradeId())
            .append("series", t.instrumentKey())
            .append("time", new Date(t.tradeTime()))
            .append("venue", t.venue())
            .append("symbol", t.symbol())
            .append("nativeSymbol", t.nativeSymbol())
            .append("kind", name(t.kind()))
            .append("tradeId", t.tradeId())
            .append("firstTradeId", t.firstTradeId())
            .append("lastTradeId", t.lastTradeId())
            .append("price", t.price())
            .append("quantity", t.quantity())
            .append("takerSide", name(t.takerSide()))
            .append("tradeTime", t.tradeTime())
            .append("eventTime", t.eventTime())
            .append("receivedAt", t.receivedAt())
            .append("backfilled", t.backfilled()));
  }

  /** The latest state of an order: {@code _id} {@code <venue>:<accountId>:<SYMBOL>:<orderId>}. */
  static Document order(Order o) {
    return compact(
        ofOrder(o.accountKey() + ":" + o.symbol() + ":" + o.orderId(), o.eventTime(), o)
            .append("orderType", o.orderType())
            .append("timeInForce", o.timeInForce())
            .append("status", name(o.status()))
            .append("executionType", o.executionType())
            .append("price", o.price())
            .append("quantity", o.quantity())
            .append("filledQuantity", o.filledQuantity())
            .append("averagePrice", o.averagePrice())
            .append("lastFillPrice", o.lastFillPrice())
            .append("lastFillQuantity", o.lastFillQuantity())
            .append("fee", o.fee())
            .append("feeAsset", o.feeAsset())
            .append("tradeId", o.tradeId())
            .append("maker", o.maker())
            .append("reduceOnly", o.reduceOnly())
            .append("positionSide", o.positionSide())
            .append("eventTime", o.eventTime())
            .append("transactionTime", o.transactionTime())
            .append("receivedAt", o.receivedAt()));
  }

  /**
   * The fill an order update reports, if any: {@code _id} {@code
   * <venue>:<accountId>:<SYMBOL>:<tradeId>}.
   */
  static Optional<Document> fill(Order o) {
    if (o.tradeId() == null
        || o.lastFillQuantity() == null
        || new BigDecimal(o.lastFillQuantity()).signum() <= 0) {
      return Optional.empty();
    }
    long time = o.transactionTime() != null ? o.transactionTime() : o.eventTime();
    return Optional.of(
        compact(
            ofOrder(o.accountKey() + ":" + o.symbol() + ":" + o.tradeId(), time, o)
                .append("tradeId", o.tradeId())
                .append("price", o.lastFillPrice())
                .append("quantity", o.lastFillQuantity())
                .append("fee", o.fee())
                .append("feeAsset", o.feeAsset())
                .append("maker", o.maker())
                .append("eventTime", o.eventTime())
                .append("transactionTime", o.transactionTime())
                .append("receivedAt", o.receivedAt())));
  }

  /** What orders and fills have in common: the order and who placed it. */
  private static Document ofOrder(String id, long time, Order o) {
    return new Document("_id", id)
        .append("time", new Date(time))
        .append("venue", o.venue())
        .append("accountId", o.accountId())
        .append("symbol", o.symbol())
        .append("nativeSymbol", o.nativeSymbol())
        .append("orderId", o.orderId())
        .append("clientOrderId", o.clientOrderId())
        .append("side", name(o.side()));
  }

  /**
   * One document per asset of a balance event: {@code _id} {@code
   * <venue>:<accountId>:<asset>:<eventTime>:<kind>}.
   */
  static List<Document> balances(Balance b) {
    List<Document> documents = new ArrayList<>(b.balances().size());
    for (Balance.AssetBalance a : b.balances()) {
      documents.add(
          compact(
              new Document(
                      "_id",
                      b.accountKey() + ":" + a.asset() + ":" + b.eventTime() + ":" + name(b.kind()))
                  .append("time", new Date(b.eventTime()))
                  .append("venue", b.venue())
                  .append("accountId", b.accountId())
                  .append("asset", a.asset())
                  .append("kind", name(b.kind()))
                  .append("free", a.free())
                  .append("locked", a.locked())
                  .append("total", a.total())
                  .append("delta", a.delta())
                  .append("reason", b.reason())
                  .append("eventTime", b.eventTime())
                  .append("receivedAt", b.receivedAt())));
    }
    return documents;
  }

  /** Drops absent fields, as the contract's JSON does. */
  private static Document compact(Document document) {
    document.values().removeIf(java.util.Objects::isNull);
    return document;
  }

  /** An enum's name in the contract's JSON ({@code aggTrade}, {@code partially_filled}). */
  private static String name(Enum<?> value) {
    return value == null ? null : Json.mapper().convertValue(value, String.class);
  }
}
