package io.tickwire.connector.binance.wire;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tickwire.model.Json;
import java.io.IOException;
import java.util.List;

/**
 * The part of {@code GET /api/v3/exchangeInfo} and {@code GET /fapi/v1/exchangeInfo} this connector
 * needs: each symbol's base and quote asset, the only reliable way to split {@code BTCUSDT}. Read
 * once at start-up, so the databind mapper is fine here.
 */
public record ExchangeInfo(@JsonProperty("symbols") List<SymbolInfo> symbols) {

  /** One market. */
  public record SymbolInfo(
      @JsonProperty("symbol") String symbol,
      @JsonProperty("status") String status,
      @JsonProperty("baseAsset") String baseAsset,
      @JsonProperty("quoteAsset") String quoteAsset) {}

  public ExchangeInfo {
    symbols = symbols == null ? List.of() : List.copyOf(symbols);
  }

  public static ExchangeInfo read(byte[] body) throws IOException {
    return Json.mapper().readValue(body, ExchangeInfo.class);
  }
}
