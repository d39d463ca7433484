package io.tickwire.model;

/** Futures mark price, index price and funding on {@code md.mark-prices.v1}. */
public record MarkPrice(
    String venue,
    String symbol,
    String nativeSymbol,
    String markPrice,
    String indexPrice,
    String estimatedSettlePrice,
    String fundingRate,
    Long nextFundingTime,
    long eventTime,
    long receivedAt)
    implements MarketEvent {}
