package io.tickwire.sim;

import java.util.regex.Pattern;

/**
 * Regular expressions for the exact shape of every payload: key order, which keys exist, decimal
 * strings with the venue's number of decimals, JSON numbers where the venue uses numbers. A frame
 * matches only when its bytes are exactly that shape.
 */
public final class Shapes {

  private Shapes() {}

  static final String INT = "-?\\d+";
  static final String BOOL = "(true|false)";

  /** A spot decimal string: always 8 decimals. */
  static final String D8 = "\"-?\\d+\\.\\d{8}\"";

  /** USD-M BTCUSDT price (tick 0.1) and quantity (step 0.001). */
  static final String P1 = "\"\\d+\\.\\d\"";

  static final String Q3 = "\"\\d+\\.\\d{3}\"";
  static final String DEC = "\"-?\\d+(\\.\\d+)?\"";
  static final String NUM = "-?\\d+(\\.\\d+)?(E-?\\d+)?";
  static final String STR = "\"[^\"]*\"";

  static String levels(String price, String qty) {
    String level = "\\[" + price + "," + qty + "\\]";
    return "\\[(" + level + "(," + level + ")*)?\\]";
  }

  static String exactly(int n, String price, String qty) {
    String level = "\\[" + price + "," + qty + "\\]";
    return "\\[" + level + "(," + level + "){" + (n - 1) + "}\\]";
  }

  static Pattern p(String regex) {
    return Pattern.compile(regex);
  }

  // ---- Binance spot ----------------------------------------------------------------------------

  public static final Pattern SPOT_TRADE =
      p(
          "\\{\"e\":\"trade\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"t\":\\d+,\"p\":"
              + D8
              + ",\"q\":"
              + D8
              + ",\"T\":\\d{13},\"m\":"
              + BOOL
              + ",\"M\":true\\}");
  public static final Pattern SPOT_AGG_TRADE =
      p(
          "\\{\"e\":\"aggTrade\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"a\":\\d+,\"p\":"
              + D8
              + ",\"q\":"
              + D8
              + ",\"f\":\\d+,\"l\":\\d+,\"T\":\\d{13},\"m\":"
              + BOOL
              + ",\"M\":true\\}");
  static final String SPOT_KLINE_BODY =
      "\"t\":\\d{13},\"T\":\\d{13},\"s\":\"BTCUSDT\",\"i\":\"(1s|1m)\",\"f\":"
          + INT
          + ",\"L\":"
          + INT
          + ",\"o\":"
          + D8
          + ",\"c\":"
          + D8
          + ",\"h\":"
          + D8
          + ",\"l\":"
          + D8
          + ",\"v\":"
          + D8
          + ",\"n\":\\d+,\"x\":"
          + BOOL
          + ",\"q\":"
          + D8
          + ",\"V\":"
          + D8
          + ",\"Q\":"
          + D8
          + ",\"B\":\"0\"";
  public static final Pattern SPOT_KLINE =
      p(
          "\\{\"e\":\"kline\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"k\":\\{"
              + SPOT_KLINE_BODY
              + "\\}\\}");
  public static final Pattern SPOT_TICKER =
      p(
          "\\{\"e\":\"24hrTicker\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"p\":"
              + D8
              + ",\"P\":\"-?\\d+\\.\\d{3}\",\"w\":"
              + D8
              + ",\"x\":"
              + D8
              + ",\"c\":"
              + D8
              + ",\"Q\":"
              + D8
              + ",\"b\":"
              + D8
              + ",\"B\":"
              + D8
              + ",\"a\":"
              + D8
              + ",\"A\":"
              + D8
              + ",\"o\":"
              + D8
              + ",\"h\":"
              + D8
              + ",\"l\":"
              + D8
              + ",\"v\":"
              + D8
              + ",\"q\":"
              + D8
              + ",\"O\":\\d{13},\"C\":\\d{13},\"F\":"
              + INT
              + ",\"L\":"
              + INT
              + ",\"n\":\\d+\\}");
  static final String MINI =
      "\\{\"e\":\"24hrMiniTicker\",\"E\":\\d{13},\"s\":\"[A-Z]+\",\"c\":"
          + D8
          + ",\"o\":"
          + D8
          + ",\"h\":"
          + D8
          + ",\"l\":"
          + D8
          + ",\"v\":"
          + D8
          + ",\"q\":"
          + D8
          + "\\}";
  public static final Pattern SPOT_MINI_TICKER = p(MINI.replace("[A-Z]+", "BTCUSDT"));
  public static final Pattern SPOT_ALL_MINI_TICKERS = p("\\[(" + MINI + "(," + MINI + ")*)?\\]");
  public static final Pattern SPOT_BOOK_TICKER =
      p(
          "\\{\"u\":\\d+,\"s\":\"BTCUSDT\",\"b\":"
              + D8
              + ",\"B\":"
              + D8
              + ",\"a\":"
              + D8
              + ",\"A\":"
              + D8
              + "\\}");
  public static final Pattern SPOT_PARTIAL_DEPTH_5 =
      p(
          "\\{\"lastUpdateId\":\\d+,\"bids\":"
              + exactly(5, D8, D8)
              + ",\"asks\":"
              + exactly(5, D8, D8)
              + "\\}");
  public static final Pattern SPOT_DEPTH_UPDATE =
      p(
          "\\{\"e\":\"depthUpdate\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"U\":\\d+,\"u\":\\d+,\"b\":"
              + levels(D8, D8)
              + ",\"a\":"
              + levels(D8, D8)
              + "\\}");
  public static final Pattern SPOT_DEPTH_SNAPSHOT =
      p(
          "\\{\"lastUpdateId\":\\d+,\"bids\":"
              + levels(D8, D8)
              + ",\"asks\":"
              + levels(D8, D8)
              + "\\}");

  // ---- Binance USD-M ---------------------------------------------------------------------------

  public static final Pattern USDM_AGG_TRADE =
      p(
          "\\{\"e\":\"aggTrade\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"a\":\\d+,\"p\":"
              + P1
              + ",\"q\":"
              + Q3
              + ",\"f\":\\d+,\"l\":\\d+,\"T\":\\d{13},\"m\":"
              + BOOL
              + "\\}");
  public static final Pattern USDM_DEPTH_UPDATE =
      p(
          "\\{\"e\":\"depthUpdate\",\"E\":\\d{13},\"T\":\\d{13},\"s\":\"BTCUSDT\",\"U\":\\d+,\"u\":\\d+,\"pu\":\\d+,\"b\":"
              + levels(P1, Q3)
              + ",\"a\":"
              + levels(P1, Q3)
              + "\\}");
  public static final Pattern USDM_PARTIAL_DEPTH_5 =
      p(
          "\\{\"e\":\"depthUpdate\",\"E\":\\d{13},\"T\":\\d{13},\"s\":\"BTCUSDT\",\"U\":\\d+,\"u\":\\d+,\"pu\":\\d+,\"b\":"
              + exactly(5, P1, Q3)
              + ",\"a\":"
              + exactly(5, P1, Q3)
              + "\\}");
  public static final Pattern USDM_BOOK_TICKER =
      p(
          "\\{\"e\":\"bookTicker\",\"u\":\\d+,\"E\":\\d{13},\"T\":\\d{13},\"s\":\"BTCUSDT\",\"b\":"
              + P1
              + ",\"B\":"
              + Q3
              + ",\"a\":"
              + P1
              + ",\"A\":"
              + Q3
              + "\\}");
  public static final Pattern USDM_ANY_BOOK_TICKER =
      p(
          "\\{\"e\":\"bookTicker\",\"u\":\\d+,\"E\":\\d{13},\"T\":\\d{13},\"s\":\"[A-Z]+\",\"b\":"
              + DEC
              + ",\"B\":"
              + DEC
              + ",\"a\":"
              + DEC
              + ",\"A\":"
              + DEC
              + "\\}");
  public static final Pattern USDM_MARK_PRICE =
      p(
          "\\{\"e\":\"markPriceUpdate\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"p\":"
              + D8
              + ",\"i\":"
              + D8
              + ",\"P\":"
              + D8
              + ",\"r\":"
              + D8
              + ",\"T\":\\d{13}\\}");
  public static final Pattern USDM_KLINE =
      p(
          "\\{\"e\":\"kline\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"k\":\\{\"t\":\\d{13},\"T\":\\d{13},\"s\":\"BTCUSDT\",\"i\":\"1m\",\"f\":"
              + INT
              + ",\"L\":"
              + INT
              + ",\"o\":"
              + P1
              + ",\"c\":"
              + P1
              + ",\"h\":"
              + P1
              + ",\"l\":"
              + P1
              + ",\"v\":"
              + Q3
              + ",\"n\":\\d+,\"x\":"
              + BOOL
              + ",\"q\":"
              + DEC
              + ",\"V\":"
              + Q3
              + ",\"Q\":"
              + DEC
              + ",\"B\":\"0\"\\}\\}");
  public static final Pattern USDM_TICKER =
      p(
          "\\{\"e\":\"24hrTicker\",\"E\":\\d{13},\"s\":\"BTCUSDT\",\"p\":"
              + DEC
              + ",\"P\":\"-?\\d+\\.\\d{3}\",\"w\":"
              + DEC
              + ",\"c\":"
              + P1
              + ",\"Q\":"
              + Q3
              + ",\"o\":"
              + P1
              + ",\"h\":"
              + P1
              + ",\"l\":"
              + P1
              + ",\"v\":"
              + Q3
              + ",\"q\":"
              + DEC
              + ",\"O\":\\d{13},\"C\":\\d{13},\"F\":"
              + INT
              + ",\"L\":"
              + INT
              + ",\"n\":\\d+\\}");
  public static final Pattern USDM_FORCE_ORDER =
      p(
          "\\{\"e\":\"forceOrder\",\"E\":\\d{13},\"o\":\\{\"s\":\"[A-Z]+\",\"S\":\"(BUY|SELL)\",\"o\":\"LIMIT\",\"f\":\"IOC\",\"q\":"
              + DEC
              + ",\"p\":"
              + DEC
              + ",\"ap\":"
              + D8
              + ",\"X\":\"FILLED\",\"l\":"
              + DEC
              + ",\"z\":"
              + DEC
              + ",\"T\":\\d{13}\\}\\}");

  // ---- Upbit -----------------------------------------------------------------------------------

  public static final Pattern UPBIT_TRADE =
      p(
          "\\{\"type\":\"trade\",\"code\":\"KRW-BTC\",\"timestamp\":\\d{13},\"trade_date\":\"\\d{4}-\\d\\d-\\d\\d\","
              + "\"trade_time\":\"\\d\\d:\\d\\d:\\d\\d\",\"trade_timestamp\":\\d{13},\"trade_price\":"
              + NUM
              + ",\"trade_volume\":"
              + NUM
              + ",\"ask_bid\":\"(ASK|BID)\",\"prev_closing_price\":"
              + NUM
              + ",\"change\":\"(RISE|EVEN|FALL)\",\"change_price\":"
              + NUM
              + ",\"sequential_id\":\\d+,\"best_ask_price\":"
              + NUM
              + ",\"best_ask_size\":"
              + NUM
              + ",\"best_bid_price\":"
              + NUM
              + ",\"best_bid_size\":"
              + NUM
              + ",\"stream_type\":\"(SNAPSHOT|REALTIME)\"\\}");
  public static final Pattern UPBIT_TRADE_SIMPLE =
      p(
          "\\{\"ty\":\"trade\",\"cd\":\"KRW-BTC\",\"tms\":\\d{13},\"td\":\"\\d{4}-\\d\\d-\\d\\d\",\"ttm\":\"\\d\\d:\\d\\d:\\d\\d\","
              + "\"ttms\":\\d{13},\"tp\":"
              + NUM
              + ",\"tv\":"
              + NUM
              + ",\"ab\":\"(ASK|BID)\",\"pcp\":"
              + NUM
              + ",\"c\":\"(RISE|EVEN|FALL)\",\"cp\":"
              + NUM
              + ",\"sid\":\\d+,\"bap\":"
              + NUM
              + ",\"bas\":"
              + NUM
              + ",\"bbp\":"
              + NUM
              + ",\"bbs\":"
              + NUM
              + ",\"st\":\"(SNAPSHOT|REALTIME)\"\\}");
  public static final Pattern UPBIT_TICKER =
      p(
          "\\{\"type\":\"ticker\",\"code\":\"KRW-BTC\",\"opening_price\":"
              + NUM
              + ",\"high_price\":"
              + NUM
              + ",\"low_price\":"
              + NUM
              + ",\"trade_price\":"
              + NUM
              + ",\"prev_closing_price\":"
              + NUM
              + ",\"change\":\"(RISE|EVEN|FALL)\",\"change_price\":"
              + NUM
              + ",\"signed_change_price\":"
              + NUM
              + ",\"change_rate\":"
              + NUM
              + ",\"signed_change_rate\":"
              + NUM
              + ",\"trade_volume\":"
              + NUM
              + ",\"acc_trade_volume\":"
              + NUM
              + ",\"acc_trade_volume_24h\":"
              + NUM
              + ",\"acc_trade_price\":"
              + NUM
              + ",\"acc_trade_price_24h\":"
              + NUM
              + ",\"trade_date\":\"\\d{8}\",\"trade_time\":\"\\d{6}\",\"trade_timestamp\":\\d{13}"
              + ",\"ask_bid\":\"(ASK|BID)\",\"acc_ask_volume\":"
              + NUM
              + ",\"acc_bid_volume\":"
              + NUM
              + ",\"highest_52_week_price\":"
              + NUM
              + ",\"highest_52_week_date\":\"\\d{4}-\\d\\d-\\d\\d\",\"lowest_52_week_price\":"
              + NUM
              + ",\"lowest_52_week_date\":\"\\d{4}-\\d\\d-\\d\\d\",\"market_state\":\"ACTIVE\",\"delisting_date\":null"
              + ",\"market_warning\":\"NONE\",\"timestamp\":\\d{13},\"stream_type\":\"(SNAPSHOT|REALTIME)\"\\}");

  public static Pattern upbitOrderbook(int units) {
    String unit =
        "\\{\"ask_price\":"
            + NUM
            + ",\"bid_price\":"
            + NUM
            + ",\"ask_size\":"
            + NUM
            + ",\"bid_size\":"
            + NUM
            + "\\}";
    return p(
        "\\{\"type\":\"orderbook\",\"code\":\"KRW-BTC\",\"timestamp\":\\d{13},\"total_ask_size\":"
            + NUM
            + ",\"total_bid_size\":"
            + NUM
            + ",\"orderbook_units\":\\["
            + unit
            + "(,"
            + unit
            + "){"
            + (units - 1)
            + "}\\],\"level\":"
            + NUM
            + ",\"stream_type\":\"(SNAPSHOT|REALTIME)\"\\}");
  }

  public static final Pattern UPBIT_CANDLE =
      p(
          "\\{\"type\":\"candle.1m\",\"code\":\"KRW-BTC\",\"candle_date_time_utc\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\","
              + "\"candle_date_time_kst\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:00\",\"opening_price\":"
              + NUM
              + ",\"high_price\":"
              + NUM
              + ",\"low_price\":"
              + NUM
              + ",\"trade_price\":"
              + NUM
              + ",\"candle_acc_trade_volume\":"
              + NUM
              + ",\"candle_acc_trade_price\":"
              + NUM
              + ",\"timestamp\":\\d{13},\"stream_type\":\"(SNAPSHOT|REALTIME)\"\\}");
}
