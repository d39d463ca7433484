package io.tickwire.sim;

import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpMethod;
import io.tickwire.model.Venue;
import io.tickwire.sim.json.Json;
import io.tickwire.sim.replay.ReplayPlayer;
import io.tickwire.sim.server.HttpResponses;
import io.tickwire.sim.server.RestHandler;
import io.tickwire.sim.server.RestRequest;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The HTTP admin API under {@code /admin}: the same fault injection and control as the Java API,
 * for a simulator run from the command line. Actions are POSTs with query parameters; answers are
 * JSON. See the module README for the list.
 */
final class AdminApi implements RestHandler {

  private final ExchangeSim sim;

  AdminApi(ExchangeSim sim) {
    this.sim = sim;
  }

  @Override
  public boolean serves(String path) {
    return path.startsWith("/admin");
  }

  @Override
  public CompletableFuture<FullHttpResponse> handle(RestRequest r) {
    FullHttpResponse response;
    try {
      response = route(r);
    } catch (IllegalArgumentException e) {
      response =
          HttpResponses.json(
              e.getMessage() != null && e.getMessage().startsWith("no open connection") ? 404 : 400,
              error(e.getMessage()));
    }
    return CompletableFuture.completedFuture(response);
  }

  private static String error(String message) {
    return Json.object().str("error", message).end().toString();
  }

  private static FullHttpResponse ok(String json) {
    return HttpResponses.json(200, json);
  }

  private static FullHttpResponse done() {
    return ok("{\"ok\":true}");
  }

  private FullHttpResponse route(RestRequest r) {
    String path = r.path();
    boolean post = r.method().equals(HttpMethod.POST);
    Faults f = sim.faults();
    if (path.startsWith("/admin/connections/") && post) {
      String[] parts = path.substring("/admin/connections/".length()).split("/");
      if (parts.length != 2) {
        throw new IllegalArgumentException("expected /admin/connections/<id>/<action>");
      }
      String id = parts[0];
      switch (parts[1]) {
        case "drop" -> f.drop(id, mode(r));
        case "stall" -> f.stall(id, duration(r, Duration.ZERO));
        case "resume" -> f.resume(id);
        case "slow" -> f.slowDown(id, duration(r, Duration.ZERO));
        case "malformed" -> f.malformedFrame(id);
        case "shutdown" -> f.serverShutdown(id);
        case "book-gap" -> f.dropBookUpdates(id, count(r));
        default ->
            throw new IllegalArgumentException("unknown connection action '" + parts[1] + "'");
      }
      return done();
    }
    String endpoint = (post ? "POST " : r.method().name() + " ") + path;
    switch (endpoint) {
      case "GET /admin/status" -> {
        return ok(
            Json.object()
                .num("port", sim.port())
                .num("seed", sim.config().seed())
                .numRaw("timeScale", Double.toString(sim.config().timeScale()))
                .num("simTime", sim.market().now())
                .num("connections", f.connections().size())
                .num("loadRate", sim.load().rate())
                .num("loadSent", sim.load().sent())
                .end()
                .toString());
      }
      case "GET /admin/connections" -> {
        Json arr = Json.array();
        for (ConnectionInfo c : f.connections()) {
          arr.beginObject()
              .str("id", c.id())
              .str("venue", c.venue().id())
              .str("path", c.path())
              .str("remoteIp", c.remoteIp())
              .num("openedAt", c.openedAt());
          arr.beginArray("streams");
          c.streams().forEach(arr::str);
          arr.end().end();
        }
        return ok(arr.end().toString());
      }
      case "GET /admin/book" -> {
        SimMarket.Book b =
            sim.market().book(venue(r), required(r, "symbol"), count(r, "depth", 20));
        Json j = Json.object().num("lastUpdateId", b.lastUpdateId());
        levels(j.beginArray("bids"), b.bids());
        levels(j.beginArray("asks"), b.asks());
        return ok(j.end().toString());
      }
      case "POST /admin/faults/drop" -> {
        return ok("{\"dropped\":" + f.dropAll(venueOrNull(r), mode(r)) + "}");
      }
      case "POST /admin/faults/shutdown" -> {
        return ok("{\"notified\":" + f.serverShutdown(venueOrNull(r)) + "}");
      }
      case "POST /admin/faults/refuse" -> f.refuseConnections(duration(r, null));
      case "POST /admin/faults/slow" -> f.slowDown(duration(r, Duration.ZERO));
      case "POST /admin/faults/book-gap" ->
          f.dropBookUpdates(venue(r), required(r, "symbol"), count(r));
      case "POST /admin/faults/skip-ids" ->
          f.skipUpdateIds(venue(r), required(r, "symbol"), count(r));
      case "POST /admin/faults/malformed" -> f.malformedFrame(venue(r), required(r, "stream"));
      case "POST /admin/faults/rest" ->
          f.restErrors(
              venue(r),
              count(r, "status", 429),
              count(r),
              Duration.ofSeconds(count(r, "retryAfter", 60)));
      case "POST /admin/faults/clear" -> f.clear();
      case "POST /admin/deposit" ->
          sim.deposit(
              required(r, "apiKey"),
              venue(r),
              required(r, "asset"),
              new BigDecimal(required(r, "amount")));
      case "POST /admin/load" -> sim.load().rate(count(r, "rate", 0));
      case "POST /admin/advance" -> sim.market().advance(duration(r, null));
      case "POST /admin/replay" -> {
        ReplayPlayer p =
            sim.replay(
                Path.of(required(r, "file")),
                Double.parseDouble(r.param("speed") == null ? "1" : r.param("speed")),
                "true".equals(r.param("loop")));
        return ok(
            "{\"started\":true,\"file\":"
                + Json.quote(required(r, "file"))
                + ",\"sent\":"
                + p.sent()
                + "}");
      }
      default -> {
        return HttpResponses.json(
            404, error("no admin endpoint " + endpoint + "; see the exchange-sim README"));
      }
    }
    return done();
  }

  private static void levels(Json j, java.util.List<SimMarket.Level> levels) {
    for (SimMarket.Level l : levels) {
      j.beginArray().str(l.price().toPlainString()).str(l.qty().toPlainString()).end();
    }
    j.end();
  }

  private static String required(RestRequest r, String name) {
    String v = r.param(name);
    if (v == null || v.isEmpty()) {
      throw new IllegalArgumentException("parameter '" + name + "' is required");
    }
    return v;
  }

  private static Venue venue(RestRequest r) {
    return Venue.of(required(r, "venue"));
  }

  private static Venue venueOrNull(RestRequest r) {
    return r.param("venue") == null ? null : Venue.of(r.param("venue"));
  }

  private static DropMode mode(RestRequest r) {
    String m = r.param("mode");
    if (m == null || m.equalsIgnoreCase("clean")) {
      return DropMode.CLEAN;
    }
    if (m.equalsIgnoreCase("abrupt")) {
      return DropMode.ABRUPT;
    }
    throw new IllegalArgumentException("mode must be clean or abrupt, got '" + m + "'");
  }

  private static int count(RestRequest r) {
    return count(r, "count", 1);
  }

  private static int count(RestRequest r, String name, int dflt) {
    String v = r.param(name);
    if (v == null) {
      return dflt;
    }
    try {
      return Integer.parseInt(v);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "parameter '" + name + "' must be an integer, got '" + v + "'");
    }
  }

  /** {@code millis=} or {@code seconds=}; the default when neither is given (null: required). */
  private static Duration duration(RestRequest r, Duration dflt) {
    if (r.param("millis") != null) {
      return Duration.ofMillis(count(r, "millis", 0));
    }
    if (r.param("seconds") != null) {
      return Duration.ofSeconds(count(r, "seconds", 0));
    }
    if (dflt == null) {
      throw new IllegalArgumentException("parameter 'seconds' or 'millis' is required");
    }
    return dflt;
  }
}
