package io.tickwire.sim.server;

import io.netty.handler.codec.http.FullHttpResponse;

/** Refuses a WebSocket upgrade with an HTTP response (429, 400, ...). */
public final class Rejection extends Exception {

  private final transient FullHttpResponse response;

  public Rejection(FullHttpResponse response) {
    super(response.status().toString(), null, false, false);
    this.response = response;
  }

  public FullHttpResponse response() {
    return response;
  }
}
