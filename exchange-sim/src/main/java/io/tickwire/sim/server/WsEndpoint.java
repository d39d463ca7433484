package io.tickwire.sim.server;

/** Accepts WebSocket upgrades on some paths and makes the session that serves the connection. */
public interface WsEndpoint {

  boolean serves(String path);

  /**
   * A session for this upgrade request.
   *
   * @throws Rejection to answer the upgrade with an HTTP error instead
   */
  WsSession open(RestRequest request, String connectionId) throws Rejection;
}
