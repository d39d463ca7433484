package io.tickwire.model;

/**
 * Upbit writes markets quote first ({@code KRW-BTC}); canonical is base first ({@code BTC-KRW}).
 */
public final class UpbitSymbols implements SymbolMapper {

  public static final UpbitSymbols INSTANCE = new UpbitSymbols();

  private UpbitSymbols() {}

  @Override
  public String toCanonical(String nativeSymbol) {
    return swap(nativeSymbol);
  }

  @Override
  public String toNative(String canonicalSymbol) {
    return swap(Instrument.requireCanonical(canonicalSymbol));
  }

  private static String swap(String pair) {
    int dash = pair.indexOf('-');
    if (dash <= 0 || dash == pair.length() - 1 || pair.indexOf('-', dash + 1) >= 0) {
      throw new IllegalArgumentException(
          "Upbit market '" + pair + "' is not of the form QUOTE-BASE such as KRW-BTC");
    }
    String upper = pair.toUpperCase(java.util.Locale.ROOT);
    return upper.substring(dash + 1) + '-' + upper.substring(0, dash);
  }
}
