package io.tickwire.connector.ws;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.connector.Micros;
import io.tickwire.connector.rest.VenueErrors;
import io.tickwire.connector.rest.VenueException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One WebSocket connection to a venue. It answers every ping with a pong echoing the ping's payload
 * (the venues disconnect clients that pong on a timer instead), sends the venue's keep-alive,
 * closes itself when nothing arrived for the idle timeout, and reports a refused upgrade with its
 * HTTP status and Retry-After. Thread-safe: {@link #send} may be called from any thread.
 */
public final class WsSession {

  static final String HANDLER = "ws-session";

  /** Lifecycle. */
  public enum State {
    CONNECTING,
    OPEN,
    CLOSED
  }

  private final String id;
  private final URI uri;
  private final WsOptions options;
  private final WsListener listener;
  private final Clock clock;
  private final WebSocketClientHandshaker handshaker;
  private final AtomicBoolean finished = new AtomicBoolean();
  private volatile State state = State.CONNECTING;
  private volatile Channel channel;
  private volatile long openedAtNanos;
  private volatile long lastMessageNanos;
  private volatile String extensions = "";
  private volatile Object attachment;
  private ScheduledFuture<?> keepAlive;

  WsSession(String id, URI uri, WsOptions options, WsListener listener, Clock clock) {
    this.id = id;
    this.uri = uri;
    this.options = options;
    this.listener = listener;
    this.clock = clock;
    HttpHeaders headers = new DefaultHttpHeaders();
    options.headers().forEach(headers::add);
    this.handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            uri,
            WebSocketVersion.V13,
            null,
            true,
            headers,
            options.maxMessageBytes(),
            true,
            false,
            -1,
            false,
            false);
  }

  public String id() {
    return id;
  }

  public URI uri() {
    return uri;
  }

  public State state() {
    return state;
  }

  public boolean isOpen() {
    return state == State.OPEN;
  }

  /** System.nanoTime() when the upgrade completed, 0 before. */
  public long openedAtNanos() {
    return openedAtNanos;
  }

  /** System.nanoTime() of the last message (or open), for silence checks. */
  public long lastMessageNanos() {
    return lastMessageNanos;
  }

  /** The Sec-WebSocket-Extensions the venue accepted, e.g. {@code permessage-deflate}. */
  public String extensions() {
    return extensions;
  }

  /** State the owner of the session keeps with it. */
  @SuppressWarnings("unchecked")
  public <T> T attachment() {
    return (T) attachment;
  }

  public void attach(Object value) {
    this.attachment = value;
  }

  /** Sends a text message; false when the session is not open. */
  public boolean send(String text) {
    Channel ch = channel;
    if (state != State.OPEN || ch == null) {
      return false;
    }
    ch.writeAndFlush(new TextWebSocketFrame(text));
    return true;
  }

  /** Sends a close frame and closes the connection (our decision: reason LOCAL). */
  public void close(String why) {
    Channel ch = channel;
    if (ch == null) {
      fail(CloseReason.of(CloseReason.Kind.LOCAL, why));
      return;
    }
    ch.eventLoop()
        .execute(
            () -> {
              if (state == State.OPEN && ch.isActive()) {
                ch.writeAndFlush(new CloseWebSocketFrame(1000, "bye")).addListener(f -> ch.close());
              } else {
                ch.close();
              }
              fail(CloseReason.of(CloseReason.Kind.LOCAL, why));
            });
  }

  /** Drops the TCP connection without a close frame (tests, and sessions we gave up on). */
  public void abort(CloseReason reason) {
    Channel ch = channel;
    fail(reason);
    if (ch != null) {
      ch.close();
    }
  }

  void attach(Channel ch) {
    this.channel = ch;
  }

  SimpleChannelInboundHandler<Object> handler() {
    return new Handler();
  }

  void connectTimedOut() {
    if (state == State.CONNECTING) {
      abort(
          CloseReason.of(
              CloseReason.Kind.CONNECT_TIMEOUT,
              "not open after " + options.connectTimeout().toMillis() + " ms"));
    }
  }

  /** Ends the session once; later calls are ignored. */
  void fail(CloseReason reason) {
    if (!finished.compareAndSet(false, true)) {
      return;
    }
    state = State.CLOSED;
    if (keepAlive != null) {
      keepAlive.cancel(false);
    }
    Channel ch = channel;
    if (ch != null && ch.isOpen()) {
      ch.close();
    }
    listener.onClosed(this, reason);
  }

  private void opened(ChannelHandlerContext ctx, FullHttpResponse response) {
    extensions =
        String.valueOf(response.headers().get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, ""));
    ctx.pipeline()
        .addBefore(
            HANDLER, "ws-aggregator", new WebSocketFrameAggregator(options.maxMessageBytes()));
    if (!options.idleTimeout().isZero()) {
      ctx.pipeline()
          .addFirst(
              "idle",
              new IdleStateHandler(options.idleTimeout().toNanos(), 0, 0, TimeUnit.NANOSECONDS));
    }
    long interval = options.keepAliveInterval().toNanos();
    if (interval > 0 && options.keepAlive().kind() != KeepAlive.Kind.NONE) {
      keepAlive =
          ctx.executor()
              .scheduleAtFixedRate(
                  () -> sendKeepAlive(ctx), interval, interval, TimeUnit.NANOSECONDS);
    }
    openedAtNanos = System.nanoTime();
    lastMessageNanos = openedAtNanos;
    state = State.OPEN;
    listener.onOpen(this);
  }

  private void sendKeepAlive(ChannelHandlerContext ctx) {
    if (state != State.OPEN) {
      return;
    }
    if (options.outbound() != null) {
      options.outbound().forceAcquire(1);
    }
    if (options.keepAlive().kind() == KeepAlive.Kind.TEXT) {
      ctx.writeAndFlush(new TextWebSocketFrame(options.keepAlive().text()));
    } else {
      ctx.writeAndFlush(new PingWebSocketFrame());
    }
  }

  private void rejected(FullHttpResponse response) {
    int status = response.status().code();
    String retryAfter = response.headers().get(HttpHeaderNames.RETRY_AFTER);
    VenueException error =
        VenueErrors.fromHttp(
            "WebSocket upgrade of " + uri.getPath(),
            status,
            retryAfter,
            response.content().toString(StandardCharsets.UTF_8).strip());
    Duration wait = VenueErrors.retryAfter(error).orElse(null);
    fail(new CloseReason(CloseReason.Kind.REJECTED, status, error.getMessage(), error, wait));
  }

  private final class Handler extends SimpleChannelInboundHandler<Object> {

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      handshaker.handshake(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpResponse response) {
        if (handshaker.isHandshakeComplete()) {
          return;
        }
        if (!response.status().equals(HttpResponseStatus.SWITCHING_PROTOCOLS)) {
          rejected(response);
          return;
        }
        try {
          handshaker.finishHandshake(ctx.channel(), response);
        } catch (RuntimeException e) {
          fail(CloseReason.failed(CloseReason.Kind.CONNECT_FAILED, e));
          return;
        }
        opened(ctx, response);
        return;
      }
      if (!(msg instanceof WebSocketFrame frame) || state != State.OPEN) {
        return;
      }
      lastMessageNanos = System.nanoTime();
      if (frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame) {
        ByteBuf content = frame.content();
        byte[] payload = ByteBufUtil.getBytes(content);
        listener.onMessage(
            WsSession.this, payload, frame instanceof BinaryWebSocketFrame, Micros.now(clock));
      } else if (frame instanceof PingWebSocketFrame) {
        if (options.outbound() != null) {
          options.outbound().forceAcquire(1);
        }
        ctx.writeAndFlush(new PongWebSocketFrame(Unpooled.copiedBuffer(frame.content())));
      } else if (frame instanceof CloseWebSocketFrame close) {
        int code = close.statusCode();
        String reason = close.reasonText();
        ctx.writeAndFlush(new CloseWebSocketFrame(code < 0 ? 1000 : code, ""))
            .addListener(f -> ctx.close());
        fail(new CloseReason(CloseReason.Kind.REMOTE_CLOSED, code, reason, null, null));
      }
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
      if (evt instanceof IdleStateEvent) {
        abort(
            CloseReason.of(
                CloseReason.Kind.IDLE,
                "nothing received for " + options.idleTimeout().toMillis() + " ms"));
        return;
      }
      super.userEventTriggered(ctx, evt);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      fail(
          CloseReason.failed(
              state == State.OPEN
                  ? CloseReason.Kind.CONNECTION_LOST
                  : CloseReason.Kind.CONNECT_FAILED,
              cause));
      ctx.close();
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      fail(
          state == State.OPEN
              ? CloseReason.of(CloseReason.Kind.CONNECTION_LOST, "connection closed by peer")
              : CloseReason.of(CloseReason.Kind.CONNECT_FAILED, "connection closed before open"));
    }
  }
}
