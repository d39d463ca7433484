package io.tickwire.model;

/**
 * Best bid and offer on {@code md.bbo.v1} (Binance bookTicker). Spot bookTicker carries no event
 * time, so {@code eventTime} may be absent.
 */
public record Bbo(
    String venue,
    String symbol,
    String nativeSymbol,
    long updateId,
    String bidPrice,
    String bidQuantity,
    String askPrice,
    String askQuantity,
    Long eventTime,
    Long transactionTime,
    long receivedAt)
    implements MarketEvent {}
