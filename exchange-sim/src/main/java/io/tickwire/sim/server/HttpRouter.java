package io.tickwire.sim.server;

import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOption;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.timeout.IdleStateHandler;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * First handler of every connection: answers REST requests through the venue's {@link RestHandler},
 * or upgrades to WebSocket through the {@link WsEndpoint} that serves the path and then steps aside
 * for the session. While connections are being refused, every non-admin request is answered with a
 * TCP reset.
 */
final class HttpRouter extends SimpleChannelInboundHandler<FullHttpRequest> {

  private static final Logger log = LoggerFactory.getLogger(HttpRouter.class);
  static final int MAX_FRAME = 1 << 20;

  private final List<WsEndpoint> endpoints;
  private final List<RestHandler> rest;
  private final FaultState faults;
  private final SessionRegistry registry;

  HttpRouter(
      List<WsEndpoint> endpoints,
      List<RestHandler> rest,
      FaultState faults,
      SessionRegistry registry) {
    this.endpoints = endpoints;
    this.rest = rest;
    this.faults = faults;
    this.registry = registry;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
    QueryStringDecoder uri = new QueryStringDecoder(request.uri());
    String path = uri.path();
    if (faults.refusing() && !path.startsWith("/admin")) {
      ctx.channel().config().setOption(ChannelOption.SO_LINGER, 0);
      ctx.close();
      return;
    }
    int q = request.uri().indexOf('?');
    RestRequest req =
        new RestRequest(
            request.method(),
            path,
            q < 0 ? "" : request.uri().substring(q + 1),
            uri.parameters(),
            request.headers(),
            request.content().toString(StandardCharsets.UTF_8),
            ((InetSocketAddress) ctx.channel().remoteAddress()).getAddress().getHostAddress());
    if (HttpHeaderValues.WEBSOCKET.contentEqualsIgnoreCase(
        request.headers().get(HttpHeaderNames.UPGRADE))) {
      upgrade(ctx, request, req);
    } else {
      answer(ctx, request, req);
    }
  }

  private void upgrade(ChannelHandlerContext ctx, FullHttpRequest request, RestRequest req) {
    WsEndpoint endpoint =
        endpoints.stream().filter(e -> e.serves(req.path())).findFirst().orElse(null);
    if (endpoint == null) {
      respond(
          ctx, request, HttpResponses.text(404, "no WebSocket endpoint at " + req.path() + "\n"));
      return;
    }
    WsSession session;
    try {
      session = endpoint.open(req, registry.nextId());
    } catch (Rejection r) {
      respond(ctx, request, r.response());
      return;
    }
    String url = "ws://" + request.headers().get(HttpHeaderNames.HOST) + request.uri();
    WebSocketServerHandshaker handshaker =
        new WebSocketServerHandshakerFactory(url, null, false, MAX_FRAME).newHandshaker(request);
    if (handshaker == null) {
      WebSocketServerHandshakerFactory.sendUnsupportedVersionResponse(ctx.channel());
      return;
    }
    Duration idle = session.idleTimeout();
    if (idle != null) {
      long nanos = idle.toNanos();
      ctx.pipeline()
          .addBefore(
              ctx.name(),
              "idle",
              session.idleCountsOutbound()
                  ? new IdleStateHandler(0, 0, nanos, TimeUnit.NANOSECONDS)
                  : new IdleStateHandler(nanos, 0, 0, TimeUnit.NANOSECONDS));
    }
    ctx.pipeline().addBefore(ctx.name(), "ws-aggregator", new WebSocketFrameAggregator(MAX_FRAME));
    ctx.pipeline().replace(this, "ws-session", new WsFrameHandler(session, registry));
    // registered before the handshake completes: the client may act as soon as it sees the 101
    session.bind(ctx.channel());
    registry.add(session);
    handshaker
        .handshake(ctx.channel(), request)
        .addListener(
            f -> {
              if (f.isSuccess()) {
                session.attach();
                // a private path holds a listen key: log the route, not the key
                String route = req.path().startsWith("/private/") ? "/private" : req.path();
                log.debug("{}: {} connected from {}", session.id(), route, req.remoteIp());
              } else {
                ctx.close();
              }
            });
  }

  private void answer(ChannelHandlerContext ctx, FullHttpRequest request, RestRequest req) {
    RestHandler handler = rest.stream().filter(h -> h.serves(req.path())).findFirst().orElse(null);
    if (handler == null) {
      respond(ctx, request, HttpResponses.text(404, "not found: " + req.path() + "\n"));
      return;
    }
    request.retain();
    Runnable run =
        () -> {
          CompletableFuture<FullHttpResponse> response;
          try {
            response = handler.handle(req);
          } catch (RuntimeException e) {
            response = CompletableFuture.failedFuture(e);
          }
          response.whenComplete(
              (r, e) ->
                  ctx.executor()
                      .execute(
                          () -> {
                            FullHttpResponse out = r;
                            if (e != null) {
                              log.warn("REST {} failed", req.path(), e);
                              out =
                                  HttpResponses.json(
                                      500,
                                      "{\"code\":-1000,\"msg\":\"An unknown error occurred while processing the request.\"}");
                            }
                            respond(ctx, request, out);
                            request.release();
                          }));
        };
    long delay = req.path().startsWith("/admin") ? 0 : faults.latencyNanos();
    if (delay > 0) {
      ctx.executor().schedule(run, delay, TimeUnit.NANOSECONDS);
    } else {
      run.run();
    }
  }

  private static void respond(
      ChannelHandlerContext ctx, FullHttpRequest request, FullHttpResponse response) {
    boolean keepAlive = HttpUtil.isKeepAlive(request);
    HttpUtil.setKeepAlive(response, keepAlive);
    var future = ctx.writeAndFlush(response);
    if (!keepAlive) {
      future.addListener(ChannelFutureListener.CLOSE);
    }
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("HTTP connection error: {}", cause.toString());
    ctx.close();
  }
}
