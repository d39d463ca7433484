package io.tickwire.connector.upbit;

import io.tickwire.connector.ConnectPlan;
import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.VenueProtocol;
import io.tickwire.connector.upbit.wire.UpbitCandle;
import io.tickwire.connector.upbit.wire.UpbitErrorFrame;
import io.tickwire.connector.upbit.wire.UpbitListing;
import io.tickwire.connector.upbit.wire.UpbitMessage;
import io.tickwire.connector.upbit.wire.UpbitOrderbook;
import io.tickwire.connector.upbit.wire.UpbitStatus;
import io.tickwire.connector.upbit.wire.UpbitTicker;
import io.tickwire.connector.upbit.wire.UpbitTrade;
import io.tickwire.connector.upbit.wire.UpbitWire;
import io.tickwire.connector.ws.KeepAlive;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import io.tickwire.model.Trade;
import io.tickwire.model.UpbitSymbols;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Upbit's public WebSocket protocol for connector-core.
 *
 * <ul>
 *   <li>Connect to the base URL as is ({@code wss://api.upbit.com/websocket/v1}); nothing is
 *       subscribed by the URL.
 *   <li>Subscriptions: a request replaces the connection's whole subscription set and Upbit
 *       acknowledges nothing, so every change sends the full list ({@link UpbitRequest}); the core
 *       paces these under 5 per second and folds changes waiting for a token into one request.
 *   <li>Frames: UTF-8 JSON in binary frames (text accepted too), routed by type and code. Orderbook
 *       frames name only the code, so they are routed by code, grouping ({@code level}) and the
 *       number of units among the orderbook streams this protocol has named.
 *   <li>Keep-alive: the text {@code PING} (answered {@code {"status":"UP"}}, a heartbeat) before
 *       the 120 s idle timeout.
 *   <li>Errors ({@code {"error":{"name":..}}}) are refused requests in the core's error family.
 * </ul>
 *
 * <p>Thread-safe. The only state is a cache: the message read by {@link #classify} is kept per
 * thread so {@link #normalize} of the same frame does not parse it again, and the orderbook streams
 * named so far (to route orderbook frames).
 */
public final class UpbitProtocol implements VenueProtocol {

  private record Parsed(byte[] payload, UpbitMessage message) {}

  private final String venueId;
  private final UpbitFormat format;
  private final String ticketPrefix;
  private final SequentialIds sequentialIds;
  private final Map<String, UpbitStream> streams = new ConcurrentHashMap<>();

  /** Orderbook streams by {@code code@grouping}, then by units they ask for. */
  private final Map<String, NavigableMap<Integer, String>> orderbooks = new ConcurrentHashMap<>();

  private final ThreadLocal<Parsed> lastParsed = new ThreadLocal<>();

  /**
   * @param ticketPrefix identifies this client in Upbit's {@code ticket}; each request adds its id
   */
  public UpbitProtocol(
      String venueId, UpbitFormat format, String ticketPrefix, SequentialIds sequentialIds) {
    this.venueId = venueId;
    this.format = format;
    this.ticketPrefix = ticketPrefix;
    this.sequentialIds = sequentialIds;
  }

  @Override
  public String venueId() {
    return venueId;
  }

  @Override
  public SymbolMapper symbols() {
    return UpbitSymbols.INSTANCE;
  }

  @Override
  public String streamName(SubscriptionRequest request) {
    UpbitStream stream = UpbitStream.of(request);
    remember(stream);
    return stream.name();
  }

  /** The parts of a stream name this protocol gave out (or parsed now). */
  UpbitStream stream(String name) {
    UpbitStream known = streams.get(name);
    if (known != null) {
      return known;
    }
    UpbitStream parsed = UpbitStream.parse(venueId, name);
    remember(parsed);
    return parsed;
  }

  private void remember(UpbitStream stream) {
    if (streams.putIfAbsent(stream.name(), stream) == null && stream.isOrderbook()) {
      orderbooks
          .computeIfAbsent(
              orderbookKey(stream.code(), stream.grouping()), k -> new ConcurrentSkipListMap<>())
          .putIfAbsent(stream.orderbookSize(), stream.name());
    }
  }

  private static String orderbookKey(String code, String grouping) {
    return grouping == null ? code : code + "@" + grouping;
  }

  @Override
  public ConnectPlan connect(URI baseUrl, String route, List<String> streams) {
    return new ConnectPlan(baseUrl, Set.of());
  }

  @Override
  public Optional<ControlMessage> nextControl(ControlState state, long nextId) {
    if (state.target().isEmpty() || state.target().equals(state.subscribed())) {
      return Optional.empty();
    }
    List<UpbitStream> target = new ArrayList<>(state.target().size());
    state.target().forEach(name -> target.add(stream(name)));
    Set<String> removes = new HashSet<>(state.subscribed());
    removes.removeAll(state.target());
    return Optional.of(
        new ControlMessage(
            UpbitRequest.text(ticketPrefix + "-" + nextId, format, target),
            null,
            state.toAdd(),
            removes));
  }

  @Override
  public Inbound classify(Frame frame) throws Exception {
    UpbitMessage message = read(frame);
    if (message instanceof UpbitMessage.Data data) {
      return new Inbound.Data(streamOf(data));
    }
    if (message instanceof UpbitStatus status) {
      return "UP".equals(status.status())
          ? new Inbound.Heartbeat()
          : new Inbound.Ignored("status " + status.status());
    }
    if (message instanceof UpbitErrorFrame error) {
      UpbitErrorFrame.Error e = error.error();
      return new Inbound.Rejected(
          null,
          UpbitErrors.describe(
              e == null ? UpbitErrors.of(null, null) : UpbitErrors.of(e.name(), e.message())));
    }
    if (message instanceof UpbitListing listing) {
      return new Inbound.Ignored(listing.method() + " answer");
    }
    throw new IllegalStateException("unhandled message " + message.getClass().getSimpleName());
  }

  /** The stream a data message belongs to. */
  private String streamOf(UpbitMessage.Data data) {
    if (data.code() == null) {
      throw new IllegalArgumentException("missing code");
    }
    if (data instanceof UpbitOrderbook book) {
      return orderbookStream(book);
    }
    return data.type() + ":" + data.code();
  }

  /**
   * An orderbook frame says its code and grouping but not the size asked for: among the streams of
   * that code and grouping, the one asking for exactly as many units as the frame has, else the
   * smallest asking for more (a thin book sends fewer), else the largest.
   */
  private String orderbookStream(UpbitOrderbook book) {
    String grouping = UpbitAdapter.grouping(book.level());
    int units = book.units().size();
    NavigableMap<Integer, String> sizes = orderbooks.get(orderbookKey(book.code(), grouping));
    if (sizes == null || sizes.isEmpty()) {
      // not a stream we asked for: name it as if we had, the core counts it as unexpected
      String size = UpbitStream.ORDERBOOK_SIZES.contains(units) ? "." + units : "";
      return "orderbook:" + book.code() + size + (grouping == null ? "" : "@" + grouping);
    }
    if (sizes.size() == 1) {
      return sizes.firstEntry().getValue();
    }
    Map.Entry<Integer, String> fit = sizes.ceilingEntry(units);
    return fit != null ? fit.getValue() : sizes.lastEntry().getValue();
  }

  @Override
  public Normalized normalize(String stream, Frame frame) throws Exception {
    UpbitMessage message = read(frame);
    long receivedAt = frame.receivedAt();
    if (message instanceof UpbitTrade t) {
      Trade trade = UpbitAdapter.trade(venueId, t, receivedAt);
      return Normalized.of(
          trade, sequentialIds.sequence(trade.tradeId(), trade.tradeTime()), trade.eventTime());
    }
    if (message instanceof UpbitOrderbook o) {
      return Normalized.of(
          UpbitAdapter.orderbook(venueId, o, stream(stream).orderbookSize(), receivedAt),
          Sequence.NONE,
          o.timestamp());
    }
    if (message instanceof UpbitTicker t) {
      return Normalized.of(
          UpbitAdapter.ticker(venueId, t, receivedAt), Sequence.NONE, t.timestamp());
    }
    if (message instanceof UpbitCandle c) {
      return Normalized.of(
          UpbitAdapter.candle(venueId, c, receivedAt), Sequence.NONE, c.timestamp());
    }
    throw new IllegalArgumentException(
        "not market data: " + message.getClass().getSimpleName() + " on " + stream);
  }

  /** Reads a frame, or takes what {@link #classify} read from it on this thread. */
  private UpbitMessage read(Frame frame) throws java.io.IOException {
    Parsed last = lastParsed.get();
    if (last != null && last.payload() == frame.payload()) {
      return last.message();
    }
    UpbitMessage message = UpbitWire.read(frame.payload());
    lastParsed.set(new Parsed(frame.payload(), message));
    return message;
  }

  @Override
  public KeepAlive keepAlive() {
    return KeepAlive.text("PING");
  }
}
