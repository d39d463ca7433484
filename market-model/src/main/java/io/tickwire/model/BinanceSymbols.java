package io.tickwire.model;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binance symbols ({@code BTCUSDT}) carry no separator, so splitting them needs the quote asset.
 * Exchange metadata ({@code exchangeInfo}: symbol, baseAsset, quoteAsset) is the source of truth
 * when a connector has it; otherwise the longest matching suffix from a configurable quote-asset
 * list decides. Immutable: {@link #withMarket} returns a new mapper.
 */
public final class BinanceSymbols implements SymbolMapper {

  /** Quote assets in use on Binance spot and USD-M in 2026. */
  public static final List<String> DEFAULT_QUOTES =
      List.of(
          "USDT", "USDC", "FDUSD", "TUSD", "BUSD", "USD1", "DAI", "BTC", "ETH", "BNB", "EUR", "TRY",
          "BRL", "JPY", "MXN", "PLN", "RON", "ARS", "ZAR", "UAH", "COP", "CZK", "IDR", "XRP", "SOL",
          "DOGE", "TRX");

  private final List<String> quotesLongestFirst;
  private final Map<String, String> canonicalByNative;

  private BinanceSymbols(List<String> quotes, Map<String, String> canonicalByNative) {
    this.quotesLongestFirst =
        quotes.stream()
            .map(q -> q.toUpperCase(Locale.ROOT))
            .distinct()
            .sorted(Comparator.comparingInt(String::length).reversed())
            .toList();
    this.canonicalByNative = Map.copyOf(canonicalByNative);
  }

  public static BinanceSymbols withDefaultQuotes() {
    return new BinanceSymbols(DEFAULT_QUOTES, Map.of());
  }

  public static BinanceSymbols withQuotes(List<String> quotes) {
    return new BinanceSymbols(quotes, Map.of());
  }

  /** A mapper that also knows this market from exchange metadata; it wins over the quote list. */
  public BinanceSymbols withMarket(String nativeSymbol, String base, String quote) {
    Map<String, String> markets = new HashMap<>(canonicalByNative);
    markets.put(
        nativeSymbol.toUpperCase(Locale.ROOT),
        base.toUpperCase(Locale.ROOT) + '-' + quote.toUpperCase(Locale.ROOT));
    return new BinanceSymbols(quotesLongestFirst, markets);
  }

  /** A mapper that knows all of these markets: native symbol to {base, quote}. */
  public BinanceSymbols withMarkets(Map<String, List<String>> baseAndQuoteByNative) {
    Map<String, String> markets = new HashMap<>(canonicalByNative);
    baseAndQuoteByNative.forEach(
        (symbol, pair) ->
            markets.put(
                symbol.toUpperCase(Locale.ROOT),
                pair.get(0).toUpperCase(Locale.ROOT) + '-' + pair.get(1).toUpperCase(Locale.ROOT)));
    return new BinanceSymbols(quotesLongestFirst, markets);
  }

  @Override
  public String toCanonical(String nativeSymbol) {
    String upper = nativeSymbol.toUpperCase(Locale.ROOT);
    String known = canonicalByNative.get(upper);
    if (known != null) {
      return known;
    }
    for (String quote : quotesLongestFirst) {
      if (upper.length() > quote.length() && upper.endsWith(quote)) {
        return upper.substring(0, upper.length() - quote.length()) + '-' + quote;
      }
    }
    throw new IllegalArgumentException(
        "cannot split Binance symbol '"
            + nativeSymbol
            + "' into base and quote: its quote asset is not in "
            + quotesLongestFirst);
  }

  @Override
  public String toNative(String canonicalSymbol) {
    return Instrument.requireCanonical(canonicalSymbol).replace("-", "");
  }
}
