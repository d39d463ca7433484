package io.tickwire.sim;

import io.tickwire.model.Venue;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.model.SimInstrument;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.SessionRegistry;
import io.tickwire.sim.server.WsSession;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Fault injection, for one connection or for everything: drop (clean or abrupt), stall, slow down,
 * malformed frames, {@code serverShutdown}, book gaps (dropped diff-depth events, skipped update
 * ids), refused connections and REST 429/418. The HTTP admin API ({@code /admin/...}) calls the
 * same methods. Faults that count ({@code count} frames, {@code count} requests) are used up as
 * they happen; {@link #clear()} lifts the rest.
 */
public final class Faults {

  private final SessionRegistry sessions;
  private final FaultState state;
  private final MarketModel model;
  private final SimConfig config;

  Faults(SessionRegistry sessions, FaultState state, MarketModel model, SimConfig config) {
    this.sessions = sessions;
    this.state = state;
    this.model = model;
    this.config = config;
  }

  // ---- connections -----------------------------------------------------------------------------

  /** Every open WebSocket connection, oldest first. */
  public List<ConnectionInfo> connections() {
    return sessions.all().stream().filter(WsSession::isOpen).map(Faults::info).toList();
  }

  /** Open connections of one venue. */
  public List<ConnectionInfo> connections(Venue venue) {
    return connections().stream().filter(c -> c.venue() == venue).toList();
  }

  private static ConnectionInfo info(WsSession s) {
    return new ConnectionInfo(s.id(), s.venue(), s.path(), s.remoteIp(), s.openedAt(), s.streams());
  }

  private WsSession session(String id) {
    WsSession s = sessions.get(id);
    if (s == null || !s.isOpen()) {
      String open = sessions.all().stream().map(WsSession::id).collect(Collectors.joining(", "));
      throw new IllegalArgumentException(
          "no open connection '" + id + "'; open: " + (open.isEmpty() ? "none" : open));
    }
    return s;
  }

  private List<WsSession> sessions(Venue venue) {
    return sessions.all().stream()
        .filter(WsSession::isOpen)
        .filter(s -> venue == null || s.venue() == venue)
        .toList();
  }

  /** Ends one connection, cleanly (close frame) or abruptly (TCP reset). */
  public void drop(String connectionId, DropMode mode) {
    drop(session(connectionId), mode);
  }

  private static void drop(WsSession s, DropMode mode) {
    if (mode == DropMode.ABRUPT) {
      s.abort();
    } else {
      s.closeNow(1001, "Going away");
    }
  }

  /** Ends every connection of a venue (null: of all venues); returns how many. */
  public int dropAll(Venue venue, DropMode mode) {
    List<WsSession> list = sessions(venue);
    list.forEach(s -> drop(s, mode));
    return list.size();
  }

  /**
   * Stops sending anything (data, replies, pings) on a connection while keeping its socket open;
   * what would have been sent is lost. {@link Duration#ZERO}: until {@link #resume}.
   */
  public void stall(String connectionId, Duration duration) {
    session(connectionId).stall(duration);
  }

  public void resume(String connectionId) {
    session(connectionId).resume();
  }

  /** Delays every message to one connection by {@code extra} ({@link Duration#ZERO} lifts it). */
  public void slowDown(String connectionId, Duration extra) {
    session(connectionId).latency(extra);
  }

  /** Delays every WebSocket message and REST response by {@code extra}. */
  public void slowDown(Duration extra) {
    state.latency(extra);
  }

  /** The next data frame to this connection goes out cut in half (invalid JSON). */
  public void malformedFrame(String connectionId) {
    session(connectionId).malformed(1);
  }

  /** The next message of a stream goes out cut in half to every subscriber. */
  public void malformedFrame(Venue venue, String stream) {
    state.malformed(venue, stream, 1);
  }

  /** Sends {@code serverShutdown} (Binance; Upbit just closes) and closes after the grace time. */
  public void serverShutdown(String connectionId) {
    session(connectionId).serverShutdown(model.clock().now(), config.shutdownGrace());
  }

  /** {@link #serverShutdown(String)} for every connection of a venue (null: all). */
  public int serverShutdown(Venue venue) {
    List<WsSession> list = sessions(venue);
    long now = model.clock().now();
    list.forEach(s -> s.serverShutdown(now, config.shutdownGrace()));
    return list.size();
  }

  // ---- server-wide -----------------------------------------------------------------------------

  /**
   * For a while every new request (WebSocket upgrade or REST, but not {@code /admin}) is answered
   * by a TCP reset.
   */
  public void refuseConnections(Duration duration) {
    state.refuseFor(duration);
  }

  /**
   * The next {@code count} diff-depth events of a symbol are not sent to anyone (the book state
   * still changes): a consumer that checks update ids sees a gap ({@code U > last u + 1}; on USD-M
   * {@code pu != last u}).
   */
  public void dropBookUpdates(Venue venue, String symbol, int count) {
    instrument(venue, symbol);
    state.dropDepth(venue, symbol.toUpperCase(Locale.ROOT), count);
  }

  /** The next {@code count} diff-depth events to one connection are not sent. */
  public void dropBookUpdates(String connectionId, int count) {
    session(connectionId).dropDepthEvents(count);
  }

  /** The next book change of a symbol jumps {@code count} update ids (nothing is lost). */
  public void skipUpdateIds(Venue venue, String symbol, long count) {
    model.call(
        () -> {
          instrument(venue, symbol).skipUpdateIds(count);
          return null;
        });
  }

  /**
   * The next {@code count} REST requests to a venue are answered with {@code status} (429 or 418,
   * or any other) and a {@code Retry-After} header.
   */
  public void restErrors(Venue venue, int status, int count, Duration retryAfter) {
    if (status < 400 || status > 599) {
      throw new IllegalArgumentException(
          "status must be an HTTP error (4xx or 5xx), got " + status);
    }
    state.restErrors(venue, status, count, retryAfter);
  }

  /** Lifts every server-wide fault and every connection's stall and extra latency. */
  public void clear() {
    state.clear();
    sessions
        .all()
        .forEach(
            s -> {
              s.resume();
              s.latency(Duration.ZERO);
            });
  }

  private SimInstrument instrument(Venue venue, String symbol) {
    SimInstrument i = model.instrument(venue, symbol.toUpperCase(Locale.ROOT));
    if (i == null) {
      throw new IllegalArgumentException("no instrument " + venue + ":" + symbol);
    }
    return i;
  }
}
