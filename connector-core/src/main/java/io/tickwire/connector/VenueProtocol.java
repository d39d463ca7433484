package io.tickwire.connector;

import io.tickwire.connector.ws.KeepAlive;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import java.net.URI;
import java.util.List;
import java.util.Optional;

/**
 * A venue's WebSocket protocol, implemented once per venue by its connector module and used by the
 * core for everything venue-specific. Implementations are pure (no I/O, no threads, no clocks) and
 * thread-safe: {@link #classify} and {@link #normalize} run on the event loops for every frame.
 *
 * <p>Stream names are the venue's own ({@code btcusdt@aggTrade}, {@code trade:KRW-BTC}); they are
 * the keys of {@code raw.<venue>.v1} and come from {@link io.tickwire.model.StreamNames}.
 */
public interface VenueProtocol {

  /** The venue id events carry: {@code binance-spot}, or with a deployment suffix. */
  String venueId();

  /** Native and canonical symbols of this venue. */
  SymbolMapper symbols();

  /** The venue's stream name for a subscription request ({@link io.tickwire.model.StreamNames}). */
  String streamName(SubscriptionRequest request);

  /**
   * Which connections a stream may share: streams of different routes never share one (USD-M {@code
   * public} vs {@code market}; a stream on the wrong route connects but stays silent).
   */
  default String route(String stream) {
    return "";
  }

  /**
   * The URL of a new connection on {@code route} for {@code streams} (all of one route, at most the
   * per-connection limit), and which of them the URL subscribes by itself.
   *
   * @param baseUrl the venue's WebSocket base URL from settings, e.g. wss://fstream.binance.com
   */
  ConnectPlan connect(URI baseUrl, String route, List<String> streams);

  /**
   * The next control message that brings the connection closer to {@code state.target()}, or empty
   * when nothing needs sending now. Incremental venues (Binance) subscribe and unsubscribe the
   * difference in chunks with ids and wait for each acknowledgement; full-list venues (Upbit) send
   * the whole target list in one message. The core paces the messages under the venue's
   * per-connection message limit, so several changes waiting for a token collapse into one
   * full-list message. {@code nextId} is unique per connection.
   */
  Optional<ControlMessage> nextControl(ControlState state, long nextId);

  /**
   * What a frame is. Cheap: read only as far as needed (a streaming parser stopping at {@code
   * "stream"}). Throwing sends the frame to the dead-letter topic; the session continues.
   */
  Inbound classify(Frame frame) throws Exception;

  /**
   * The venue's pure adapter: a data frame of {@code stream} as normalized events with its
   * sequence. Throwing sends the frame to the dead-letter topic (it is still published raw); the
   * session continues.
   */
  Normalized normalize(String stream, Frame frame) throws Exception;

  /**
   * True for streams the venue pushes on a fixed cadence (depth, bookTicker, kline, ticker,
   * markPrice), so a silence longer than the silence timeout means the stream is broken (e.g. the
   * wrong USD-M route), not that the market is quiet. Trade streams return false.
   */
  default boolean expectsRegularUpdates(String stream) {
    return false;
  }

  /** What the client must send to keep a connection alive (interval from settings). */
  default KeepAlive keepAlive() {
    return KeepAlive.none();
  }

  /** Upgrade request headers (none for public market data). */
  default java.util.Map<String, String> headers() {
    return java.util.Map.of();
  }

  /** Helper for {@link #nextControl}: the first {@code max} of a set in a stable order. */
  static List<String> firstSorted(java.util.Set<String> streams, int max) {
    return streams.stream().sorted().limit(max).toList();
  }

  /** Helper: a message with nothing to send. */
  static Optional<ControlMessage> nothing() {
    return Optional.empty();
  }
}
