package io.tickwire.sim.binance;

import io.tickwire.model.Venue;
import io.tickwire.sim.InstrumentSpec;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.server.WindowLimiter;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Binance exchange information: rate limits and, per symbol, its assets, precisions and the
 * PRICE_FILTER and LOT_SIZE filters a connector needs to read prices and quantities.
 */
final class BinanceExchangeInfo {

  private BinanceExchangeInfo() {}

  /** {@code GET /api/v3/exchangeInfo} or {@code /fapi/v1/exchangeInfo} for these instruments. */
  static String exchangeInfo(
      Venue venue,
      List<InstrumentSpec> all,
      Map<String, String> p,
      WindowLimiter w,
      long serverTime) {
    List<InstrumentSpec> specs = new ArrayList<>(all);
    List<String> wanted = wantedSymbols(p);
    if (wanted != null) {
      for (String symbol : wanted) {
        if (specs.stream().noneMatch(s -> s.symbol().equals(symbol))) {
          throw BinanceError.badSymbol();
        }
      }
      specs.removeIf(s -> !wanted.contains(s.symbol()));
    }
    boolean usdm = venue == Venue.BINANCE_USDM;
    Json j = Json.object().str("timezone", "UTC").num("serverTime", serverTime);
    if (usdm) {
      j.str("futuresType", "U_MARGINED");
    }
    j.beginArray("rateLimits")
        .beginObject()
        .str("rateLimitType", "REQUEST_WEIGHT")
        .str("interval", w.intervalName())
        .num("intervalNum", w.intervalNum())
        .num("limit", w.limit())
        .end()
        .beginObject()
        .str("rateLimitType", "ORDERS")
        .str("interval", "SECOND")
        .num("intervalNum", 10)
        .num("limit", usdm ? 300 : 100)
        .end()
        .end();
    j.beginArray("exchangeFilters").end();
    if (usdm) {
      j.beginArray("assets")
          .beginObject()
          .str("asset", "USDT")
          .bool("marginAvailable", true)
          .str("autoAssetExchange", "-10000")
          .end()
          .end();
    }
    j.beginArray("symbols");
    for (InstrumentSpec s : specs) {
      if (usdm) {
        usdmSymbol(j, s);
      } else {
        spotSymbol(j, s);
      }
    }
    return j.end().end().toString();
  }

  private static List<String> wantedSymbols(Map<String, String> p) {
    if (p.containsKey("symbol")) {
      return List.of(p.get("symbol").toUpperCase(Locale.ROOT));
    }
    if (p.containsKey("symbols")) {
      String v = p.get("symbols").trim();
      if (!v.startsWith("[") || !v.endsWith("]")) {
        throw BinanceError.illegal("symbols");
      }
      List<String> out = new ArrayList<>();
      for (String s : v.substring(1, v.length() - 1).split(",")) {
        out.add(s.trim().replace("\"", "").toUpperCase(Locale.ROOT));
      }
      return out;
    }
    return null;
  }

  private static String eight(String decimal) {
    return new BigDecimal(decimal).setScale(8, java.math.RoundingMode.UNNECESSARY).toPlainString();
  }

  private static void spotSymbol(Json j, InstrumentSpec s) {
    j.beginObject()
        .str("symbol", s.symbol())
        .str("status", "TRADING")
        .str("baseAsset", s.base())
        .num("baseAssetPrecision", 8)
        .str("quoteAsset", s.quote())
        .num("quotePrecision", 8)
        .num("quoteAssetPrecision", 8)
        .num("baseCommissionPrecision", 8)
        .num("quoteCommissionPrecision", 8);
    j.beginArray("orderTypes").str("LIMIT").str("MARKET").end();
    j.bool("icebergAllowed", false)
        .bool("ocoAllowed", false)
        .bool("otoAllowed", false)
        .bool("quoteOrderQtyMarketAllowed", true)
        .bool("allowTrailingStop", false)
        .bool("cancelReplaceAllowed", false)
        .bool("amendAllowed", false)
        .bool("isSpotTradingAllowed", true)
        .bool("isMarginTradingAllowed", false);
    j.beginArray("filters")
        .beginObject()
        .str("filterType", "PRICE_FILTER")
        .str("minPrice", eight(s.tickSize()))
        .str("maxPrice", "1000000.00000000")
        .str("tickSize", eight(s.tickSize()))
        .end()
        .beginObject()
        .str("filterType", "LOT_SIZE")
        .str("minQty", eight(s.stepSize()))
        .str("maxQty", "9000000.00000000")
        .str("stepSize", eight(s.stepSize()))
        .end()
        .end();
    j.beginArray("permissions").end();
    j.beginArray("permissionSets").beginArray().str("SPOT").end().end();
    j.str("defaultSelfTradePreventionMode", "NONE");
    j.beginArray("allowedSelfTradePreventionModes").str("NONE").end();
    j.end();
  }

  private static void usdmSymbol(Json j, InstrumentSpec s) {
    j.beginObject()
        .str("symbol", s.symbol())
        .str("pair", s.symbol())
        .str("contractType", "PERPETUAL")
        .num("deliveryDate", 4133404800000L)
        .num("onboardDate", 1569398400000L)
        .str("status", "TRADING")
        .str("maintMarginPercent", "2.5000")
        .str("requiredMarginPercent", "5.0000")
        .str("baseAsset", s.base())
        .str("quoteAsset", s.quote())
        .str("marginAsset", s.quote())
        .num("pricePrecision", s.priceDecimals())
        .num("quantityPrecision", s.qtyDecimals())
        .num("baseAssetPrecision", 8)
        .num("quotePrecision", 8)
        .str("underlyingType", "COIN");
    j.beginArray("underlyingSubType").end();
    j.str("triggerProtect", "0.0500")
        .str("liquidationFee", "0.012500")
        .str("marketTakeBound", "0.05")
        .num("maxMoveOrderLimit", 10000);
    j.beginArray("filters")
        .beginObject()
        .str("filterType", "PRICE_FILTER")
        .str("minPrice", s.tickSize())
        .str("maxPrice", "4529764")
        .str("tickSize", s.tickSize())
        .end()
        .beginObject()
        .str("filterType", "LOT_SIZE")
        .str("minQty", s.stepSize())
        .str("maxQty", "1000")
        .str("stepSize", s.stepSize())
        .end()
        .beginObject()
        .str("filterType", "MARKET_LOT_SIZE")
        .str("minQty", s.stepSize())
        .str("maxQty", "120")
        .str("stepSize", s.stepSize())
        .end()
        .end();
    j.beginArray("orderTypes").str("LIMIT").str("MARKET").end();
    j.beginArray("timeInForce").str("GTC").str("IOC").str("FOK").end();
    j.end();
  }
}
