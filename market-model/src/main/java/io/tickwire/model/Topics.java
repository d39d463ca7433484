package io.tickwire.model;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * The topic registry: every topic of contract v1, immutable. Services take their topics from here
 * (with {@link Topic#withPrefix} for a deployment prefix) and provisioning creates exactly these.
 */
public final class Topics {

  private static final Duration DAY = Duration.ofDays(1);
  private static final int MARKET_PARTITIONS = 6;

  public static final Topic<String, byte[]> RAW_BINANCE_SPOT = rawTopic(Venue.BINANCE_SPOT);
  public static final Topic<String, byte[]> RAW_BINANCE_USDM = rawTopic(Venue.BINANCE_USDM);
  public static final Topic<String, byte[]> RAW_UPBIT = rawTopic(Venue.UPBIT);

  public static final Topic<String, Trade> TRADES =
      market(
          "md.trades.v1",
          new JsonSerde<>(Trade.class, new TradeCodec()),
          DAY.multipliedBy(7),
          "trade");
  public static final Topic<String, Ticker> TICKERS =
      market("md.tickers.v1", Ticker.class, DAY.multipliedBy(3), "ticker");
  public static final Topic<String, Bbo> BBO = market("md.bbo.v1", Bbo.class, DAY, "bbo");
  public static final Topic<String, BookEvent> BOOK =
      market(
          "md.book.v1", new JsonSerde<>(BookEvent.class, new BookEventCodec()), DAY, "book-event");
  public static final Topic<String, Kline> KLINES =
      market("md.klines.v1", Kline.class, DAY.multipliedBy(3), "kline");
  public static final Topic<String, MarkPrice> MARK_PRICES =
      market("md.mark-prices.v1", MarkPrice.class, DAY.multipliedBy(3), "mark-price");
  public static final Topic<String, Liquidation> LIQUIDATIONS =
      market("md.liquidations.v1", Liquidation.class, DAY.multipliedBy(30), "liquidation");
  public static final Topic<String, StatusMarker> STATUS =
      market("md.status.v1", StatusMarker.class, DAY.multipliedBy(7), "status-marker");
  public static final Topic<String, Kline> KLINES_CLOSED =
      market("md.klines.closed.v1", Kline.class, DAY.multipliedBy(90), "kline");
  public static final Topic<String, BookTop> BOOK_TOP =
      market("md.book.top.v1", BookTop.class, DAY, "book-top");
  public static final Topic<String, Premium> PREMIUM =
      market("md.premium.v1", Premium.class, DAY.multipliedBy(7), "premium");

  public static final Topic<String, Order> ORDERS = user("user.orders.v1", Order.class, "order");
  public static final Topic<String, Balance> BALANCES =
      user("user.balances.v1", Balance.class, "balance");
  public static final Topic<String, Position> POSITIONS =
      user("user.positions.v1", Position.class, "position");
  public static final Topic<String, AccountEvent> ACCOUNT_EVENTS =
      user("user.account-events.v1", AccountEvent.class, "account-event");

  /**
   * Compacted: the latest request per stream key is the desired state; a tombstone removes it.
   * Twelve partitions so up to twelve connector replicas can share the streams.
   */
  public static final Topic<String, SubscriptionRequest> SUBSCRIPTIONS =
      new Topic<>(
          "control.subscriptions.v1",
          Serdes.String(),
          new JsonSerde<>(SubscriptionRequest.class),
          12,
          Topic.CleanupPolicy.COMPACT,
          null,
          "subscription-request");

  public static final Topic<String, DeadLetter> DEAD_LETTERS =
      new Topic<>(
          "deadletter.v1",
          Serdes.String(),
          new JsonSerde<>(DeadLetter.class),
          1,
          Topic.CleanupPolicy.DELETE,
          DAY.multipliedBy(14),
          "dead-letter");

  private static final List<Topic<?, ?>> ALL =
      List.of(
          RAW_BINANCE_SPOT,
          RAW_BINANCE_USDM,
          RAW_UPBIT,
          TRADES,
          TICKERS,
          BBO,
          BOOK,
          KLINES,
          MARK_PRICES,
          LIQUIDATIONS,
          STATUS,
          KLINES_CLOSED,
          BOOK_TOP,
          PREMIUM,
          ORDERS,
          BALANCES,
          POSITIONS,
          ACCOUNT_EVENTS,
          SUBSCRIPTIONS,
          DEAD_LETTERS);

  private Topics() {}

  /** Every topic of the contract, in a stable order. */
  public static List<Topic<?, ?>> all() {
    return ALL;
  }

  /** Every topic of the contract under a deployment prefix. */
  public static List<Topic<?, ?>> all(String prefix) {
    return ALL.stream().<Topic<?, ?>>map(topic -> topic.withPrefix(prefix)).toList();
  }

  public static Optional<Topic<?, ?>> byName(String name) {
    return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
  }

  /** The raw topic of a venue: exact frames keyed by stream name. */
  public static Topic<String, byte[]> raw(Venue venue) {
    return switch (venue) {
      case BINANCE_SPOT -> RAW_BINANCE_SPOT;
      case BINANCE_USDM -> RAW_BINANCE_USDM;
      case UPBIT -> RAW_UPBIT;
    };
  }

  private static Topic<String, byte[]> rawTopic(Venue venue) {
    return new Topic<>(
        "raw." + venue.id() + ".v1",
        Serdes.String(),
        Serdes.ByteArray(),
        MARKET_PARTITIONS,
        Topic.CleanupPolicy.DELETE,
        DAY,
        null);
  }

  private static <V> Topic<String, V> market(
      String name, Class<V> type, Duration retention, String schema) {
    return market(name, new JsonSerde<>(type), retention, schema);
  }

  private static <V> Topic<String, V> market(
      String name, Serde<V> serde, Duration retention, String schema) {
    return new Topic<>(
        name,
        Serdes.String(),
        serde,
        MARKET_PARTITIONS,
        Topic.CleanupPolicy.DELETE,
        retention,
        schema);
  }

  private static <V> Topic<String, V> user(String name, Class<V> type, String schema) {
    return new Topic<>(
        name,
        Serdes.String(),
        new JsonSerde<>(type),
        3,
        Topic.CleanupPolicy.DELETE,
        DAY.multipliedBy(30),
        schema);
  }
}
