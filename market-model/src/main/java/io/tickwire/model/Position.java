package io.tickwire.model;

/** A futures position on {@code user.positions.v1}, as of the account update that carried it. */
public record Position(
    String venue,
    String accountId,
    String symbol,
    String nativeSymbol,
    String positionSide,
    String amount,
    String entryPrice,
    String breakEvenPrice,
    String unrealizedPnl,
    String accumulatedRealized,
    String marginType,
    String isolatedWallet,
    String reason,
    long eventTime,
    long receivedAt)
    implements AccountScoped {}
