package io.tickwire.jobs.premium;

import java.util.Optional;

/**
 * One input of the premium: the mid of a valid aggregated book, or no mid (the book is broken or
 * one-sided, so it must not be used), with the book's newest source time. Travels through the job's
 * repartition topic, and lives in its store, as {@link QuoteSerde}.
 */
record Quote(
    Role role, String venue, String symbol, String nativeSymbol, String mid, long sourceTime) {

  enum Role {
    /** An asset's KRW market on the KRW venue, e.g. upbit BTC-KRW. */
    LOCAL,
    /** The same asset's USDT market on the reference venue, e.g. binance-spot BTC-USDT. */
    REFERENCE,
    /** The KRW venue's USDT-KRW market: the conversion rate. */
    FX
  }

  static final String KRW = "KRW";
  static final String USDT = "USDT";

  /** The quote a book top stands for, if it is one of the premium's inputs. */
  static Optional<Quote> of(TopFields top, PremiumConfig config) {
    if (top.venue() == null || top.symbol() == null) {
      return Optional.empty();
    }
    int dash = top.symbol().indexOf('-');
    if (dash < 0) {
      return Optional.empty();
    }
    String base = top.symbol().substring(0, dash);
    String quote = top.symbol().substring(dash + 1);
    Role role;
    if (top.venue().equals(config.krwVenue()) && quote.equals(KRW)) {
      role = base.equals(USDT) ? Role.FX : Role.LOCAL;
    } else if (top.venue().equals(config.usdtVenue()) && quote.equals(USDT)) {
      role = Role.REFERENCE;
    } else {
      return Optional.empty();
    }
    return Optional.of(
        new Quote(
            role,
            top.venue(),
            top.symbol(),
            top.nativeSymbol(),
            top.ok() ? top.mid() : null,
            top.sourceTime()));
  }

  String base() {
    return symbol.substring(0, symbol.indexOf('-'));
  }

  boolean usable(long now, long maxAgeMs) {
    return mid != null && now - sourceTime <= maxAgeMs;
  }
}
