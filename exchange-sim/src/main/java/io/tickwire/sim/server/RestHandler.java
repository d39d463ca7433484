package io.tickwire.sim.server;

import io.netty.handler.codec.http.FullHttpResponse;
import java.util.concurrent.CompletableFuture;

/** Serves the REST paths of one venue (or the admin API). */
public interface RestHandler {

  boolean serves(String path);

  /** The response; may complete on another thread (market-state reads run on the market thread). */
  CompletableFuture<FullHttpResponse> handle(RestRequest request);
}
