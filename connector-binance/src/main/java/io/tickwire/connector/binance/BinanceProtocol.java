package io.tickwire.connector.binance;

import io.tickwire.connector.ConnectPlan;
import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.VenueProtocol;
import io.tickwire.connector.binance.wire.AggTradeEvent;
import io.tickwire.connector.binance.wire.BinanceWire;
import io.tickwire.connector.binance.wire.BookTickerEvent;
import io.tickwire.connector.binance.wire.ControlFrame;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.binance.wire.DepthUpdateEvent;
import io.tickwire.connector.binance.wire.ForceOrderEvent;
import io.tickwire.connector.binance.wire.KlineEvent;
import io.tickwire.connector.binance.wire.MarkPriceEvent;
import io.tickwire.connector.binance.wire.MiniTickerEvent;
import io.tickwire.connector.binance.wire.TickerEvent;
import io.tickwire.connector.binance.wire.TradeEvent;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binance spot or USD-M public market data as a {@link VenueProtocol}: combined streams ({@code
 * /stream?streams=a/b}, every frame wrapped {@code {"stream":..,"data":..}}, so frames are routed
 * by stream name, never by {@code e}/{@code s}, which bookTicker and partial depth lack); USD-M
 * connections on the {@code /public} or {@code /market} route of their streams' type; {@code
 * SUBSCRIBE}/{@code UNSUBSCRIBE} with ids, acknowledged by {@code {"result":null,"id":..}}; the
 * {@code serverShutdown} notice; and each payload's place in its stream:
 *
 * <ul>
 *   <li>trade {@code t} and aggTrade {@code a}: gapless ids (holes are gaps, backfilled for
 *       aggTrade);
 *   <li>diff depth: the range {@code U..u} (USD-M {@code pu+1..u}); the book handler checks the
 *       chain;
 *   <li>bookTicker and partial depth: the book update id; tickers, mark prices and liquidations:
 *       the event time; klines: twice the event time, plus one for an update of a candle that is
 *       not closed, so a candle's final update and the next candle's first one, sent in the same
 *       millisecond, are both kept.
 * </ul>
 *
 * <p>Pure and thread-safe: stream names are parsed once and cached.
 */
public final class BinanceProtocol implements VenueProtocol {

  /**
   * Longest connection URL: streams beyond it are subscribed with SUBSCRIBE messages once the
   * connection is open (servers commonly refuse request lines over 4 KiB).
   */
  static final int MAX_URL_LENGTH = 2_000;

  private final BinanceMarket market;
  private final String venueId;
  private final BinanceSymbols symbols;
  private final BinanceChannel.Route tradeRoute;
  private final int streamsPerMessage;
  private final Map<String, BinanceStream> streams = new ConcurrentHashMap<>();

  /**
   * @param tradeRoute the USD-M route of {@code @trade} (undocumented, hence a setting)
   * @param streamsPerMessage stream names per SUBSCRIBE or UNSUBSCRIBE message at most
   */
  public BinanceProtocol(
      BinanceMarket market,
      String venueId,
      BinanceSymbols symbols,
      BinanceChannel.Route tradeRoute,
      int streamsPerMessage) {
    this.market = market;
    this.venueId = venueId;
    this.symbols = symbols;
    this.tradeRoute = tradeRoute;
    this.streamsPerMessage = streamsPerMessage;
  }

  public BinanceMarket market() {
    return market;
  }

  /**
   * The parsed stream.
   *
   * @throws IllegalArgumentException for a name the market does not serve
   */
  public BinanceStream stream(String name) {
    BinanceStream known = streams.get(name);
    return known != null
        ? known
        : streams.computeIfAbsent(name, n -> BinanceStream.parse(market, n, symbols));
  }

  @Override
  public String venueId() {
    return venueId;
  }

  @Override
  public SymbolMapper symbols() {
    return symbols;
  }

  /** The stream name of a request; refuses streams the market does not serve. */
  @Override
  public String streamName(SubscriptionRequest request) {
    BinanceStream s = BinanceStream.of(market, request, symbols);
    streams.putIfAbsent(s.name(), s);
    return s.name();
  }

  @Override
  public String route(String stream) {
    return market.routed() ? routeOf(stream(stream).channel()).path() : "";
  }

  /** The USD-M route of a channel. */
  BinanceChannel.Route routeOf(BinanceChannel channel) {
    return channel.usdmRoute(tradeRoute);
  }

  /**
   * {@code <base>[/<route>]/stream?streams=a/b/...}: as many of the streams as fit in {@link
   * #MAX_URL_LENGTH}; the others follow as SUBSCRIBE messages.
   */
  @Override
  public ConnectPlan connect(URI baseUrl, String route, List<String> streams) {
    String base = baseUrl.toString();
    while (base.endsWith("/")) {
      base = base.substring(0, base.length() - 1);
    }
    StringBuilder url =
        new StringBuilder(base)
            .append(route.isEmpty() ? "" : "/" + route)
            .append("/stream?streams=");
    Set<String> inUrl = new HashSet<>();
    for (String stream : streams) {
      if (!inUrl.isEmpty() && url.length() + 1 + stream.length() > MAX_URL_LENGTH) {
        break;
      }
      url.append(inUrl.isEmpty() ? "" : "/").append(stream);
      inUrl.add(stream);
    }
    return new ConnectPlan(URI.create(url.toString()), inUrl);
  }

  @Override
  public Optional<ControlMessage> nextControl(ControlState state, long nextId) {
    Set<String> add = state.toAdd();
    if (!add.isEmpty()) {
      List<String> chunk = VenueProtocol.firstSorted(add, streamsPerMessage);
      return Optional.of(
          new ControlMessage(
              request("SUBSCRIBE", chunk, nextId),
              Long.toString(nextId),
              Set.copyOf(chunk),
              Set.of()));
    }
    Set<String> remove = state.toRemove();
    if (!remove.isEmpty()) {
      List<String> chunk = VenueProtocol.firstSorted(remove, streamsPerMessage);
      return Optional.of(
          new ControlMessage(
              request("UNSUBSCRIBE", chunk, nextId),
              Long.toString(nextId),
              Set.of(),
              Set.copyOf(chunk)));
    }
    return Optional.empty();
  }

  /** {@code {"method":"SUBSCRIBE","params":["btcusdt@aggTrade"],"id":1}}. */
  static String request(String method, List<String> streams, long id) {
    StringBuilder json =
        new StringBuilder("{\"method\":\"").append(method).append("\",\"params\":[");
    for (int i = 0; i < streams.size(); i++) {
      // stream names are [a-z0-9@_] only (StreamNames), nothing to escape
      json.append(i == 0 ? "\"" : ",\"").append(streams.get(i)).append('"');
    }
    return json.append("],\"id\":").append(id).append('}').toString();
  }

  @Override
  public Inbound classify(Frame frame) throws Exception {
    byte[] payload = frame.payload();
    String stream = BinanceWire.combinedStream(payload);
    if (stream != null) {
      return stream.equals("!serverShutdown")
          ? new Inbound.ShutdownNotice(frame.text())
          : new Inbound.Data(stream);
    }
    ControlFrame control = ControlFrame.read(payload);
    if (control.code() != null) {
      return new Inbound.Rejected(
          control.id(), BinanceErrors.describeWebSocketError(control.code(), control.message()));
    }
    if (control.hasResult() && control.id() != null) {
      return new Inbound.Ack(control.id());
    }
    if ("serverShutdown".equals(control.eventType())) {
      return new Inbound.ShutdownNotice(frame.text());
    }
    throw new IllegalArgumentException(
        "neither a combined-stream frame, nor a control answer, nor an error");
  }

  @Override
  public Normalized normalize(String name, Frame frame) throws Exception {
    BinanceStream s = stream(name);
    byte[] b = frame.payload();
    long at = frame.receivedAt();
    switch (s.channel()) {
      case TRADE -> {
        TradeEvent e = BinanceWire.readData(b, TradeEvent::read);
        return Normalized.of(
            BinanceAdapters.trade(venueId, s, e, at), Sequence.gapless(e.tradeId()), e.eventTime());
      }
      case AGG_TRADE -> {
        AggTradeEvent e = BinanceWire.readData(b, AggTradeEvent::read);
        return Normalized.of(
            BinanceAdapters.aggTrade(venueId, s, e, at),
            Sequence.gapless(e.aggregateTradeId()),
            e.eventTime());
      }
      case KLINE -> {
        KlineEvent e = BinanceWire.readData(b, KlineEvent::read);
        long order = e.eventTime() * 2 + (e.candle().closed() ? 0 : 1);
        return Normalized.of(
            BinanceAdapters.kline(venueId, s, e, at), Sequence.increasing(order), e.eventTime());
      }
      case TICKER -> {
        TickerEvent e = BinanceWire.readData(b, TickerEvent::read);
        return Normalized.of(
            BinanceAdapters.ticker(venueId, s, e, at),
            Sequence.increasing(e.eventTime()),
            e.eventTime());
      }
      case MINI_TICKER -> {
        MiniTickerEvent e = BinanceWire.readData(b, MiniTickerEvent::read);
        return Normalized.of(
            BinanceAdapters.miniTicker(venueId, s, e, at),
            Sequence.increasing(e.eventTime()),
            e.eventTime());
      }
      case BOOK_TICKER -> {
        BookTickerEvent e = BinanceWire.readData(b, BookTickerEvent::read);
        return Normalized.of(
            BinanceAdapters.bookTicker(venueId, s, e, at),
            Sequence.increasing(e.updateId()),
            e.eventTime() == null ? 0 : e.eventTime());
      }
      case PARTIAL_DEPTH -> {
        if (market == BinanceMarket.SPOT) {
          DepthSnapshot d = BinanceWire.readData(b, DepthSnapshot::read);
          return Normalized.of(
              BinanceAdapters.partialDepth(venueId, s, d, at),
              Sequence.increasing(d.lastUpdateId()),
              0);
        }
        DepthUpdateEvent d = BinanceWire.readData(b, DepthUpdateEvent::read);
        return Normalized.of(
            BinanceAdapters.partialDepth(venueId, s, d, at),
            Sequence.increasing(d.finalUpdateId()),
            d.eventTime());
      }
      case DEPTH -> {
        DepthUpdateEvent d = BinanceWire.readData(b, DepthUpdateEvent::read);
        long first = d.firstUpdateId();
        if (market == BinanceMarket.USDM) {
          if (d.previousFinalUpdateId() == null) {
            throw new IllegalArgumentException("depthUpdate: field 'pu' is missing");
          }
          first = d.previousFinalUpdateId() + 1;
        }
        return Normalized.of(
            BinanceAdapters.depthUpdate(venueId, s, d, at),
            Sequence.range(first, d.finalUpdateId()),
            d.eventTime());
      }
      case MARK_PRICE -> {
        MarkPriceEvent e = BinanceWire.readData(b, MarkPriceEvent::read);
        return Normalized.of(
            BinanceAdapters.markPrice(venueId, s, e, at),
            Sequence.increasing(e.eventTime()),
            e.eventTime());
      }
      case FORCE_ORDER -> {
        ForceOrderEvent e = BinanceWire.readData(b, ForceOrderEvent::read);
        return Normalized.of(
            BinanceAdapters.liquidation(venueId, s, e, at),
            Sequence.increasing(e.eventTime()),
            e.eventTime());
      }
      default -> throw new IllegalStateException("unhandled channel " + s.channel());
    }
  }

  /**
   * Streams Binance pushes on a cadence, plus USD-M {@code @trade}: its route is undocumented (a
   * setting), and on the wrong route it would be silent forever, so its silence is reported too (on
   * an illiquid symbol that costs a {@code stale} marker now and then).
   */
  @Override
  public boolean expectsRegularUpdates(String stream) {
    try {
      BinanceChannel channel = stream(stream).channel();
      return channel.regularUpdates()
          || market == BinanceMarket.USDM && channel == BinanceChannel.TRADE;
    } catch (IllegalArgumentException unknown) {
      return false;
    }
  }
}
