package io.tickwire.connector.upbit.wire;

/**
 * One message from Upbit's public WebSocket, as {@link UpbitWire} read it: market data of one type
 * and code, the answer to our keep-alive, an error object, or a subscription listing. The records
 * mirror the wire in both formats (DEFAULT names, SIMPLE abbreviations as aliases) and keep every
 * number as the exact text the venue sent. They never leave connector-upbit.
 */
public sealed interface UpbitMessage
    permits UpbitMessage.Data, UpbitErrorFrame, UpbitStatus, UpbitListing {

  /** Market data: a type ({@code ticker}, {@code candle.1m}, ...) and a code ({@code KRW-BTC}). */
  sealed interface Data extends UpbitMessage
      permits UpbitTicker, UpbitTrade, UpbitOrderbook, UpbitCandle {
    String type();

    String code();

    /** Epoch ms the venue stamped the message with, or null. */
    Long timestamp();
  }
}
