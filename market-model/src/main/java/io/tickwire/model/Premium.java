package io.tickwire.model;

/**
 * The cross-venue premium of a KRW market on {@code md.premium.v1}: how far the Upbit KRW price of
 * an asset lies above (or below) its Binance USDT price converted to KRW at Upbit's own USDT-KRW
 * rate, in basis points: {@code (mid / (referenceMid x fxMid) - 1) x 10000}. Keyed, like every
 * market topic, by the instrument it describes ({@code upbit:BTC-KRW}). Every mid is the mid of a
 * valid aggregated book on {@code md.book.top.v1}; the event is only published while all three
 * books are fresh, and it carries each book's newest source time so a consumer can judge for
 * itself. Computed decimals are plain decimal strings.
 */
public record Premium(
    String venue,
    String symbol,
    String nativeSymbol,
    String base,
    String premiumBps,
    String mid,
    String referenceVenue,
    String referenceSymbol,
    String referenceMid,
    String fxSymbol,
    String fxMid,
    String impliedMid,
    long sourceTime,
    long referenceSourceTime,
    long fxSourceTime,
    long time)
    implements MarketEvent {}
