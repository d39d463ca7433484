package io.tickwire.model;

/** Converts between a venue's native symbol and the canonical {@code BASE-QUOTE} form. */
public interface SymbolMapper {

  /**
   * The canonical symbol for a native one.
   *
   * @throws IllegalArgumentException when the symbol cannot be split into base and quote
   */
  String toCanonical(String nativeSymbol);

  /** The venue's native symbol for a canonical one. */
  String toNative(String canonicalSymbol);

  static SymbolMapper forVenue(Venue venue) {
    return switch (venue) {
      case BINANCE_SPOT, BINANCE_USDM -> BinanceSymbols.withDefaultQuotes();
      case UPBIT -> UpbitSymbols.INSTANCE;
    };
  }
}
