package io.tickwire.sim.upbit;

import io.netty.handler.codec.http.HttpHeaderNames;
import io.tickwire.sim.AccountSpec;
import io.tickwire.sim.SimConfig;
import io.tickwire.sim.model.MarketModel;
import io.tickwire.sim.server.FaultState;
import io.tickwire.sim.server.Rejection;
import io.tickwire.sim.server.RestHandler;
import io.tickwire.sim.server.RestRequest;
import io.tickwire.sim.server.StreamHub;
import io.tickwire.sim.server.WindowLimiter;
import io.tickwire.sim.server.WsEndpoint;
import io.tickwire.sim.server.WsSession;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * Upbit: the WebSocket endpoints {@code /websocket/v1} and {@code /websocket/v1/private} (JWT at
 * the upgrade), the REST API ({@link UpbitRest}) and the simulated accounts behind both.
 */
public final class UpbitVenue implements WsEndpoint {

  private final SimConfig config;
  private final MarketModel model;
  private final StreamHub hub;
  private final FaultState faults;
  private final UpbitPayloads payloads;
  private final UpbitJwt jwt;
  private final UpbitTrading trading;
  private final UpbitRest rest;
  private final WindowLimiter connections;

  public UpbitVenue(
      SimConfig config, StreamHub hub, FaultState faults, MarketModel model, UpbitFeed feed) {
    this.config = config;
    this.model = model;
    this.hub = hub;
    this.faults = faults;
    this.payloads = feed.payloads();
    this.jwt = new UpbitJwt(config);
    this.trading = new UpbitTrading(model, hub, payloads, config.seed());
    var r = config.restLimits();
    this.rest = new UpbitRest(config, model, faults, payloads, jwt, trading);
    this.connections =
        new WindowLimiter(
            config.upbitLimits().connectionsPerSecond(),
            Duration.ofSeconds(1),
            r.banAfter(),
            r.banDuration());
  }

  // ---- WebSocket -------------------------------------------------------------------------------

  @Override
  public boolean serves(String path) {
    return path.equals("/websocket/v1") || path.equals("/websocket/v1/private");
  }

  @Override
  public WsSession open(RestRequest r, String id) throws Rejection {
    WindowLimiter.Verdict v = connections.charge(r.remoteIp(), 1);
    if (!v.allowed()) {
      throw new Rejection(UpbitRest.limited(v.status(), v.retryAfterSeconds()));
    }
    boolean privateEndpoint = r.path().endsWith("/private");
    AccountSpec account = null;
    if (privateEndpoint) {
      try {
        account = jwt.verify(r.header(HttpHeaderNames.AUTHORIZATION.toString()), null);
      } catch (UpbitJwt.Refused e) {
        account = null; // requests for private types then get INVALID_AUTH
      }
    }
    return new UpbitSession(
        id, r.path(), r.remoteIp(), config, faults, model, hub, payloads, privateEndpoint, account);
  }

  // ---- REST ------------------------------------------------------------------------------------

  /** The REST API under {@code /v1/}. */
  public RestHandler rest() {
    return rest;
  }

  // ---- Java API --------------------------------------------------------------------------------

  /** Credits (or debits) an Upbit balance; pushes {@code myAsset}. */
  public void deposit(AccountSpec account, String currency, BigDecimal amount) {
    model.call(
        () -> {
          trading.deposit(account, currency, amount);
          return null;
        });
  }
}
