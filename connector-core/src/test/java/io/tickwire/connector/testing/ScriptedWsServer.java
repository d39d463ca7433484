package io.tickwire.connector.testing;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketServerHandshakerFactory;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketServerCompressionHandler;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A scripted WebSocket (and plain HTTP) server on Netty for tests, in the style of OkHttp's
 * MockWebServer: queue answers to upgrade requests (a 429 with Retry-After, a stall), take the
 * accepted connections and the client's messages from blocking queues with timeouts, send frames,
 * pings and close frames, or drop connections. It answers pings with pongs echoing the payload and
 * can accept permessage-deflate. Plain HTTP requests go to the REST handler.
 */
public final class ScriptedWsServer implements AutoCloseable {

  /** A scripted answer to a plain HTTP request. */
  public record HttpAnswer(int status, Map<String, String> headers, String body) {
    public static HttpAnswer json(String body) {
      return new HttpAnswer(200, Map.of("Content-Type", "application/json"), body);
    }
  }

  private record Rejection(int status, Map<String, String> headers) {}

  private final EventLoopGroup group;
  private final Channel server;
  private final BlockingQueue<ServerConnection> accepted = new LinkedBlockingQueue<>();
  private final List<ServerConnection> connections = new CopyOnWriteArrayList<>();
  private final ConcurrentLinkedQueue<Rejection> rejections = new ConcurrentLinkedQueue<>();
  private final List<Long> upgradeAttempts = new CopyOnWriteArrayList<>();
  private final AtomicInteger numbers = new AtomicInteger();
  private volatile boolean stallUpgrades;
  private volatile boolean deflate;
  private volatile Consumer<ServerConnection> onConnect = c -> {};
  private volatile BiConsumer<ServerConnection, String> onText = (c, t) -> {};
  private volatile Function<URI, HttpAnswer> http =
      uri -> new HttpAnswer(404, Map.of(), "{\"error\":\"no handler\"}");

  private ScriptedWsServer() throws InterruptedException {
    AtomicInteger n = new AtomicInteger();
    this.group =
        new MultiThreadIoEventLoopGroup(
            2,
            r -> {
              Thread t = new Thread(r, "scripted-ws-" + n.incrementAndGet());
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
    this.server =
        new ServerBootstrap()
            .group(group)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast("http", new HttpServerCodec())
                        .addLast("aggregator", new HttpObjectAggregator(1 << 20));
                    if (deflate) {
                      ch.pipeline().addLast("deflate", new WebSocketServerCompressionHandler(0));
                    }
                    ch.pipeline().addLast("handler", new Handler());
                  }
                })
            .bind("127.0.0.1", 0)
            .sync()
            .channel();
  }

  public static ScriptedWsServer start() {
    try {
      return new ScriptedWsServer();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public int port() {
    return ((InetSocketAddress) server.localAddress()).getPort();
  }

  /** {@code ws://127.0.0.1:<port><pathAndQuery>}. */
  public URI url(String pathAndQuery) {
    return URI.create("ws://127.0.0.1:" + port() + pathAndQuery);
  }

  /** {@code http://127.0.0.1:<port>}. */
  public URI httpUrl() {
    return URI.create("http://127.0.0.1:" + port());
  }

  /** The next upgrade request is answered with this status and headers instead of 101. */
  public void enqueueRejection(int status, Map<String, String> headers) {
    rejections.add(new Rejection(status, headers));
  }

  /** Accept TCP connections but never answer their upgrade requests. */
  public void stallUpgrades(boolean stall) {
    this.stallUpgrades = stall;
  }

  /** Accept permessage-deflate on connections opened from now on. */
  public void permessageDeflate(boolean accept) {
    this.deflate = accept;
  }

  /** Called on the server's event loop when a WebSocket connection opens. */
  public void onConnect(Consumer<ServerConnection> callback) {
    this.onConnect = callback;
  }

  /** Called on the server's event loop for each text message (after it is recorded). */
  public void onText(BiConsumer<ServerConnection, String> callback) {
    this.onText = callback;
  }

  /** Answers plain HTTP requests (REST) by URI. */
  public void http(Function<URI, HttpAnswer> handler) {
    this.http = handler;
  }

  /**
   * The next connection the server accepted.
   *
   * @throws AssertionError when none arrives within the timeout
   */
  public ServerConnection takeConnection(Duration timeout) throws InterruptedException {
    ServerConnection c = accepted.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (c == null) {
      throw new AssertionError("no WebSocket connection within " + timeout);
    }
    return c;
  }

  /** Every connection accepted so far. */
  public List<ServerConnection> connections() {
    return List.copyOf(connections);
  }

  /** Connections still open. */
  public List<ServerConnection> openConnections() {
    return connections.stream().filter(ServerConnection::isOpen).toList();
  }

  /** System.nanoTime() of every upgrade request, answered or not. */
  public List<Long> upgradeAttempts() {
    return List.copyOf(upgradeAttempts);
  }

  @Override
  public void close() {
    server.close().syncUninterruptibly();
    group.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private final class Handler extends SimpleChannelInboundHandler<Object> {
    private WebSocketServerHandshaker handshaker;
    private ServerConnection connection;

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (msg instanceof FullHttpRequest request) {
        onRequest(ctx, request);
      } else if (msg instanceof WebSocketFrame frame) {
        onFrame(ctx, frame);
      }
    }

    private void onRequest(ChannelHandlerContext ctx, FullHttpRequest request) {
      URI uri = URI.create(request.uri());
      if (!"websocket".equalsIgnoreCase(request.headers().get(HttpHeaderNames.UPGRADE))) {
        HttpAnswer answer = http.apply(uri);
        FullHttpResponse response =
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(answer.status()),
                Unpooled.copiedBuffer(answer.body(), StandardCharsets.UTF_8));
        answer.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response);
        return;
      }
      upgradeAttempts.add(System.nanoTime());
      if (stallUpgrades) {
        return;
      }
      Rejection rejection = rejections.poll();
      if (rejection != null) {
        FullHttpResponse response =
            new DefaultFullHttpResponse(
                HttpVersion.HTTP_1_1,
                HttpResponseStatus.valueOf(rejection.status()),
                Unpooled.copiedBuffer("{\"msg\":\"scripted refusal\"}", StandardCharsets.UTF_8));
        rejection.headers().forEach((k, v) -> response.headers().set(k, v));
        HttpUtil.setContentLength(response, response.content().readableBytes());
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
        return;
      }
      handshaker =
          new WebSocketServerHandshakerFactory(
                  "ws://127.0.0.1:" + port() + uri.getPath(), null, true, 16 << 20)
              .newHandshaker(request);
      var headers = request.headers().copy();
      handshaker
          .handshake(ctx.channel(), request)
          .addListener(
              f -> {
                if (!f.isSuccess()) {
                  return;
                }
                ctx.pipeline()
                    .addBefore("handler", "ws-aggregator", new WebSocketFrameAggregator(16 << 20));
                String extensions =
                    String.valueOf(headers.get(HttpHeaderNames.SEC_WEBSOCKET_EXTENSIONS, ""));
                connection =
                    new ServerConnection(
                        numbers.incrementAndGet(), ctx.channel(), uri, headers, extensions);
                connections.add(connection);
                onConnect.accept(connection);
                accepted.add(connection);
              });
    }

    private void onFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
      long at = System.nanoTime();
      byte[] payload = ByteBufUtil.getBytes(frame.content());
      if (frame instanceof TextWebSocketFrame) {
        connection.received(new ClientMessage(ClientMessage.Kind.TEXT, payload, at));
        onText.accept(connection, new String(payload, StandardCharsets.UTF_8));
      } else if (frame instanceof BinaryWebSocketFrame) {
        connection.received(new ClientMessage(ClientMessage.Kind.BINARY, payload, at));
      } else if (frame instanceof PingWebSocketFrame) {
        connection.received(new ClientMessage(ClientMessage.Kind.PING, payload, at));
        ctx.writeAndFlush(new PongWebSocketFrame(Unpooled.wrappedBuffer(payload)));
      } else if (frame instanceof PongWebSocketFrame) {
        connection.received(new ClientMessage(ClientMessage.Kind.PONG, payload, at));
      } else if (frame instanceof CloseWebSocketFrame) {
        connection.received(new ClientMessage(ClientMessage.Kind.CLOSE, payload, at));
        handshaker.close(ctx.channel(), new CloseWebSocketFrame(1000, ""));
      }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      ctx.close();
    }
  }
}
