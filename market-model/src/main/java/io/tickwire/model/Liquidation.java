package io.tickwire.model;

/** A forced (liquidation) order on {@code md.liquidations.v1}; {@code side} is the order's side. */
public record Liquidation(
    String venue,
    String symbol,
    String nativeSymbol,
    Side side,
    String orderType,
    String timeInForce,
    String quantity,
    String price,
    String averagePrice,
    String orderStatus,
    String lastFilledQuantity,
    String filledQuantity,
    long tradeTime,
    long eventTime,
    long receivedAt)
    implements MarketEvent {}
