package io.tickwire.sim.replay;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Objects;

/**
 * One frame of a recording, and its line in the recording format (tickwire recording v1):
 *
 * <pre>
 * receivedAtMicros TAB venue TAB stream TAB payload
 * 1767225600123456	binance-spot	btcusdt@trade	{"e":"trade","E":1767225600123,...}
 * </pre>
 *
 * <ul>
 *   <li>{@code receivedAtMicros}: when the frame was received, epoch microseconds;
 *   <li>{@code venue}: {@code binance-spot}, {@code binance-usdm} or {@code upbit} (a deployment
 *       suffix such as {@code binance-spot-sandbox} is allowed);
 *   <li>{@code stream}: the Binance stream name ({@code btcusdt@depth@100ms}), the Upbit stream
 *       spec ({@code trade:KRW-BTC}, {@code orderbook:KRW-BTC.15}, {@code candle.1m:KRW-BTC}), or
 *       {@code conn:<connection id>} for a frame that belongs to no stream (replies, user events);
 *   <li>{@code payload}: the frame exactly as received, as UTF-8 text; a payload that is not valid
 *       UTF-8, holds a line break, or starts with {@code base64:} is written {@code
 *       base64:<standard Base64>} instead.
 * </ul>
 *
 * Lines starting with {@code #} and blank lines are comments. Fields never contain tabs except the
 * payload, which is everything after the third tab.
 */
public record RecordedFrame(long receivedAtMicros, String venue, String stream, byte[] payload) {

  public static final String HEADER =
      "# tickwire recording v1: receivedAtMicros<TAB>venue<TAB>stream<TAB>payload";
  private static final String BASE64 = "base64:";

  public RecordedFrame {
    Objects.requireNonNull(venue);
    Objects.requireNonNull(stream);
    Objects.requireNonNull(payload);
    if (venue.contains("\t")
        || stream.contains("\t")
        || venue.contains("\n")
        || stream.contains("\n")) {
      throw new IllegalArgumentException("venue and stream must not contain tabs or line breaks");
    }
  }

  /** The line for this frame, without the line break. */
  public String toLine() {
    return receivedAtMicros + "\t" + venue + "\t" + stream + "\t" + encode(payload);
  }

  private static String encode(byte[] payload) {
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(java.nio.ByteBuffer.wrap(payload))
              .toString();
    } catch (CharacterCodingException e) {
      return BASE64 + Base64.getEncoder().encodeToString(payload);
    }
    if (text.indexOf('\n') >= 0 || text.indexOf('\r') >= 0 || text.startsWith(BASE64)) {
      return BASE64 + Base64.getEncoder().encodeToString(payload);
    }
    return text;
  }

  /**
   * Parses one line.
   *
   * @throws IllegalArgumentException saying what is wrong with it
   */
  public static RecordedFrame parse(String line) {
    int a = line.indexOf('\t');
    int b = a < 0 ? -1 : line.indexOf('\t', a + 1);
    int c = b < 0 ? -1 : line.indexOf('\t', b + 1);
    if (c < 0) {
      throw new IllegalArgumentException(
          "expected 4 tab-separated fields: receivedAtMicros, venue, stream, payload");
    }
    long micros;
    try {
      micros = Long.parseLong(line.substring(0, a));
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "receivedAtMicros '" + line.substring(0, a) + "' is not a number");
    }
    String payload = line.substring(c + 1);
    byte[] bytes =
        payload.startsWith(BASE64)
            ? Base64.getDecoder().decode(payload.substring(BASE64.length()))
            : payload.getBytes(StandardCharsets.UTF_8);
    return new RecordedFrame(micros, line.substring(a + 1, b), line.substring(b + 1, c), bytes);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RecordedFrame f
        && f.receivedAtMicros == receivedAtMicros
        && f.venue.equals(venue)
        && f.stream.equals(stream)
        && java.util.Arrays.equals(f.payload, payload);
  }

  @Override
  public int hashCode() {
    return Objects.hash(receivedAtMicros, venue, stream, java.util.Arrays.hashCode(payload));
  }

  @Override
  public String toString() {
    return toLine();
  }
}
