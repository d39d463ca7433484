package io.tickwire.sim.server;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.timeout.IdleStateEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands a connection's frames to its session and tells it when the connection is gone. */
final class WsFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

  private static final Logger log = LoggerFactory.getLogger(WsFrameHandler.class);

  private final WsSession session;
  private final SessionRegistry registry;

  WsFrameHandler(WsSession session, SessionRegistry registry) {
    this.session = session;
    this.registry = registry;
  }

  @Override
  protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
    try {
      session.onFrame(frame);
    } catch (RuntimeException e) {
      log.warn("{}: failed to handle a client frame", session.id(), e);
    }
  }

  @Override
  public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
    if (evt instanceof IdleStateEvent) {
      session.onIdle();
    } else {
      super.userEventTriggered(ctx, evt);
    }
  }

  @Override
  public void channelInactive(ChannelHandlerContext ctx) {
    registry.remove(session);
    session.detach();
    log.debug("{}: closed", session.id());
  }

  @Override
  public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
    log.debug("{}: connection error: {}", session.id(), cause.toString());
    ctx.close();
  }
}
