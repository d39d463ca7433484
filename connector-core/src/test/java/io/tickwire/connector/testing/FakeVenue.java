package io.tickwire.connector.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tickwire.connector.ConnectPlan;
import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.ControlState;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.VenueProtocol;
import io.tickwire.connector.ws.KeepAlive;
import io.tickwire.model.BinanceSymbols;
import io.tickwire.model.BookEvent;
import io.tickwire.model.Json;
import io.tickwire.model.Level;
import io.tickwire.model.Side;
import io.tickwire.model.StreamNames;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.SymbolMapper;
import io.tickwire.model.Trade;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A small venue protocol for the core's tests, modelled on Binance combined streams: {@code
 * /stream?streams=a/b} subscribes in the URL, {@code SUBSCRIBE}/{@code UNSUBSCRIBE} with ids and
 * {@code {"result":null,"id":..}} acknowledgements (or, in full-list mode, Upbit-style {@code
 * REPLACE} messages carrying the whole list without acknowledgement), frames wrapped {@code
 * {"stream":..,"data":..}}, optional {@code /public} and {@code /market} routes, trade ids without
 * holes. {@link FakeExchange} is its server side.
 */
public final class FakeVenue implements VenueProtocol {

  /** How the fake venue behaves. */
  public record Options(
      boolean routed,
      boolean fullList,
      int urlStreams,
      int maxParams,
      KeepAlive keepAlive,
      boolean backfill) {

    public static Options defaults() {
      return new Options(false, false, 2, 20, KeepAlive.none(), true);
    }

    public Options withRoutes() {
      return new Options(true, fullList, urlStreams, maxParams, keepAlive, backfill);
    }

    public Options withFullList() {
      return new Options(routed, true, 0, maxParams, keepAlive, backfill);
    }

    public Options withUrlStreams(int n, int params) {
      return new Options(routed, fullList, n, params, keepAlive, backfill);
    }

    public Options withoutBackfill() {
      return new Options(routed, fullList, urlStreams, maxParams, keepAlive, false);
    }
  }

  static final BinanceSymbols SYMBOLS = BinanceSymbols.withDefaultQuotes();

  private final String venueId;
  private final Options options;

  public FakeVenue(String venueId, Options options) {
    this.venueId = venueId;
    this.options = options;
  }

  /**
   * Which route a stream belongs to when the venue is routed (as USD-M: depth and bookTicker
   * public).
   */
  public static String routeOf(String stream) {
    return stream.contains("@depth") || stream.contains("@bookTicker") ? "public" : "market";
  }

  @Override
  public String venueId() {
    return venueId;
  }

  @Override
  public SymbolMapper symbols() {
    return SYMBOLS;
  }

  @Override
  public String streamName(SubscriptionRequest request) {
    return StreamNames.toBinance(request, SYMBOLS);
  }

  @Override
  public String route(String stream) {
    return options.routed() ? routeOf(stream) : "";
  }

  @Override
  public ConnectPlan connect(URI baseUrl, String route, List<String> streams) {
    List<String> inUrl = streams.subList(0, Math.min(options.urlStreams(), streams.size()));
    String base = baseUrl.toString().replaceAll("/$", "");
    String path = (route.isEmpty() ? "" : "/" + route) + "/stream";
    String query = inUrl.isEmpty() ? "" : "?streams=" + String.join("/", inUrl);
    return new ConnectPlan(URI.create(base + path + query), new HashSet<>(inUrl));
  }

  @Override
  public Optional<ControlMessage> nextControl(ControlState state, long nextId) {
    if (options.fullList()) {
      if (state.target().equals(state.subscribed()) || state.target().isEmpty()) {
        return Optional.empty();
      }
      Set<String> removes = new HashSet<>(state.subscribed());
      removes.removeAll(state.target());
      return Optional.of(
          new ControlMessage(
              message(
                  "REPLACE", VenueProtocol.firstSorted(state.target(), Integer.MAX_VALUE), null),
              null,
              state.toAdd(),
              removes));
    }
    Set<String> add = state.toAdd();
    if (!add.isEmpty()) {
      List<String> chunk = VenueProtocol.firstSorted(add, options.maxParams());
      return Optional.of(
          new ControlMessage(
              message("SUBSCRIBE", chunk, nextId),
              Long.toString(nextId),
              Set.copyOf(chunk),
              Set.of()));
    }
    Set<String> remove = state.toRemove();
    if (!remove.isEmpty()) {
      List<String> chunk = VenueProtocol.firstSorted(remove, options.maxParams());
      return Optional.of(
          new ControlMessage(
              message("UNSUBSCRIBE", chunk, nextId),
              Long.toString(nextId),
              Set.of(),
              Set.copyOf(chunk)));
    }
    return Optional.empty();
  }

  private static String message(String method, List<String> params, Long id) {
    ObjectNode m = Json.mapper().createObjectNode();
    m.put("method", method);
    ArrayNode array = m.putArray("params");
    params.forEach(array::add);
    if (id != null) {
      m.put("id", id);
    }
    return m.toString();
  }

  @Override
  public Inbound classify(Frame frame) throws Exception {
    JsonNode n = Json.mapper().readTree(frame.payload());
    if (n == null || !n.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    if (n.has("stream")) {
      String stream = n.get("stream").asText();
      return stream.equals("!serverShutdown")
          ? new Inbound.ShutdownNotice(n.path("data").toString())
          : new Inbound.Data(stream);
    }
    if (n.has("result") && n.has("id")) {
      return new Inbound.Ack(n.get("id").asText());
    }
    if (n.has("code")) {
      return new Inbound.Rejected(
          n.has("id") ? n.get("id").asText() : null, n.path("msg").asText());
    }
    if ("UP".equals(n.path("status").asText())) {
      return new Inbound.Heartbeat();
    }
    throw new IllegalArgumentException("unknown frame");
  }

  @Override
  public Normalized normalize(String stream, Frame frame) throws Exception {
    JsonNode data = Json.mapper().readTree(frame.payload()).get("data");
    if (data == null || !data.isObject()) {
      throw new IllegalArgumentException("no data object");
    }
    String nativeSymbol =
        stream.substring(0, stream.indexOf('@')).toUpperCase(java.util.Locale.ROOT);
    String symbol = SYMBOLS.toCanonical(nativeSymbol);
    String channel = stream.substring(stream.indexOf('@') + 1);
    if (channel.equals("trade")) {
      long id = number(data, "t");
      long time = number(data, "T");
      Trade trade =
          new Trade(
              venueId,
              symbol,
              nativeSymbol,
              Trade.Kind.TRADE,
              id,
              null,
              null,
              text(data, "p"),
              text(data, "q"),
              data.path("m").asBoolean() ? Side.SELL : Side.BUY,
              time,
              data.path("E").asLong(),
              frame.receivedAt(),
              false);
      return Normalized.of(trade, Sequence.gapless(id), data.path("E").asLong());
    }
    if (channel.startsWith("depth")) {
      long first = number(data, "U");
      long last = number(data, "u");
      BookEvent delta =
          new BookEvent(
              venueId,
              symbol,
              nativeSymbol,
              BookEvent.Kind.DELTA,
              null,
              first,
              last,
              null,
              levels(data.path("b")),
              levels(data.path("a")),
              data.path("E").asLong(),
              null,
              frame.receivedAt());
      return Normalized.of(delta, Sequence.range(first, last), data.path("E").asLong());
    }
    if (channel.equals("bookTicker")) {
      long id = number(data, "u");
      return Normalized.of(
          new io.tickwire.model.Bbo(
              venueId,
              symbol,
              nativeSymbol,
              id,
              data.path("b").asText(),
              data.path("B").asText(),
              data.path("a").asText(),
              data.path("A").asText(),
              null,
              null,
              frame.receivedAt()),
          Sequence.increasing(id),
          0);
    }
    throw new IllegalArgumentException("no mapping for channel " + channel);
  }

  private static long number(JsonNode data, String field) {
    JsonNode v = data.get(field);
    if (v == null || !v.isIntegralNumber()) {
      throw new IllegalArgumentException("field '" + field + "' is not an integer");
    }
    return v.asLong();
  }

  private static String text(JsonNode data, String field) {
    JsonNode v = data.get(field);
    if (v == null || !v.isTextual()) {
      throw new IllegalArgumentException("field '" + field + "' is not a string");
    }
    return v.asText();
  }

  private static List<Level> levels(JsonNode array) {
    List<Level> levels = new ArrayList<>();
    array.forEach(l -> levels.add(new Level(l.get(0).asText(), l.get(1).asText())));
    return levels;
  }

  @Override
  public boolean expectsRegularUpdates(String stream) {
    return stream.contains("@depth") || stream.contains("@bookTicker");
  }

  @Override
  public KeepAlive keepAlive() {
    return options.keepAlive();
  }

  /** A trade as the backfill REST endpoint returns it (the frame's {@code data} object). */
  static Normalized backfilled(String venueId, String stream, JsonNode data) throws Exception {
    Frame frame =
        new Frame(
            ("{\"stream\":\"" + stream + "\",\"data\":" + data + "}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8),
            false,
            0,
            "rest");
    Normalized n = new FakeVenue(venueId, Options.defaults()).normalize(stream, frame);
    Trade t = (Trade) n.events().get(0);
    return new Normalized(List.of(t.asBackfilled()), n.sequence(), n.eventTime());
  }
}
