package io.tickwire.app;

import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.SimConfig;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code tickwire run --sim}: exchange-sim in this process, and the connectors pointed at it
 * instead of the real exchanges (which are the defaults), with a few streams to show the whole
 * pipeline when none are set: trades, books, candles and tickers of BTC and ETH on every venue, and
 * what the premium job needs (Binance BTC-USDT and Upbit KRW-BTC and KRW-USDT books).
 */
final class SimBackedRun implements AutoCloseable {

  static final String PORT = "TICKWIRE_SIM_PORT";

  static final Map<String, String> DEFAULT_STREAMS =
      Map.of(
          "BINANCE_SPOT_STREAMS",
          "btcusdt@aggTrade,btcusdt@depth@100ms,btcusdt@kline_1m,btcusdt@ticker,btcusdt@bookTicker,"
              + "ethusdt@aggTrade,ethusdt@depth20@100ms,ethusdt@kline_1m",
          "BINANCE_USDM_STREAMS",
          "btcusdt@aggTrade,btcusdt@markPrice@1s,btcusdt@depth@100ms,btcusdt@forceOrder",
          "UPBIT_STREAMS",
          "trade:KRW-BTC,orderbook:KRW-BTC.15,ticker:KRW-BTC,candle.1m:KRW-BTC,"
              + "orderbook:KRW-USDT.15,trade:KRW-ETH,orderbook:KRW-ETH.15");

  private final ExchangeSim sim;

  private SimBackedRun(ExchangeSim sim) {
    this.sim = sim;
  }

  /** Starts the simulator on {@code TICKWIRE_SIM_PORT} (default: any free port). */
  static SimBackedRun start(Map<String, String> env) {
    String port = env.getOrDefault(PORT, "0");
    int parsed;
    try {
      parsed = Integer.parseInt(port.trim());
    } catch (NumberFormatException e) {
      parsed = -1;
    }
    if (parsed < 0 || parsed > 65535) {
      throw new Args.UsageException(PORT + " expects a port number (0-65535), got '" + port + "'");
    }
    return new SimBackedRun(
        ExchangeSim.start(SimConfig.builder().host("127.0.0.1").port(parsed).build()));
  }

  /** {@code env} with every venue URL on the simulator and default streams where none are set. */
  Map<String, String> environment(Map<String, String> env) {
    Map<String, String> out = new LinkedHashMap<>(env);
    String ws = sim.wsBaseUrl();
    String http = sim.httpBaseUrl();
    out.put("BINANCE_SPOT_WS_URL", ws);
    out.put("BINANCE_SPOT_REST_URL", http);
    out.put("BINANCE_USDM_WS_URL", ws);
    out.put("BINANCE_USDM_REST_URL", http);
    out.put("UPBIT_WS_URL", ws + "/websocket/v1");
    out.put("UPBIT_REST_URL", http);
    DEFAULT_STREAMS.forEach(out::putIfAbsent);
    return out;
  }

  String banner() {
    return "Sim      exchange-sim "
        + sim.httpBaseUrl()
        + " (Binance spot, USD-M and Upbit; the connectors use it, not the exchanges)";
  }

  @Override
  public void close() {
    sim.close();
  }
}
