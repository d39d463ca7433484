package io.tickwire.sim.client;

import io.netty.bootstrap.Bootstrap;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.DefaultHttpHeaders;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshaker;
import io.netty.handler.codec.http.websocketx.WebSocketClientHandshakerFactory;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketHandshakeException;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * A plain Netty WebSocket client that records what it receives, for tests and benchmarks against
 * the simulator (or anything else): every frame lands in a queue the test waits on with a timeout,
 * pings are answered with their payload unless told not to, and how the connection ended (close
 * code, or reset) is kept.
 *
 * <pre>{@code
 * try (WsClient ws = WsClient.connect(URI.create(sim.wsBaseUrl() + "/ws/btcusdt@trade"))) {
 *   WsClient.Frame f = ws.next(Duration.ofSeconds(30));
 * }
 * }</pre>
 */
public final class WsClient implements AutoCloseable {

  private static final class Shared {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(
            2,
            r -> {
              Thread t = new Thread(r, "ws-client");
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
  }

  /** What arrived. */
  public enum Kind {
    TEXT,
    BINARY,
    PING,
    PONG,
    CLOSE
  }

  /** One received frame. */
  public record Frame(Kind kind, byte[] bytes, int closeCode) {
    public String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
      return kind + (kind == Kind.CLOSE ? " " + closeCode + " " : " ") + text();
    }
  }

  /** Connection options. */
  public static final class Options {
    private final HttpHeaders headers = new DefaultHttpHeaders();
    private boolean autoPong = true;
    private boolean recordPings = false;
    private Consumer<WebSocketFrame> consumer;
    private EventLoopGroup group;
    private Duration timeout = Duration.ofSeconds(30);

    public Options header(String name, String value) {
      headers.add(name, value);
      return this;
    }

    /** Whether server pings are answered automatically (default yes). */
    public Options autoPong(boolean autoPong) {
      this.autoPong = autoPong;
      return this;
    }

    /** Whether pings also appear in the frame queue (default no). */
    public Options recordPings(boolean record) {
      this.recordPings = record;
      return this;
    }

    /** Hands data frames to a consumer instead of the queue (benchmarks); do not retain them. */
    public Options consumer(Consumer<WebSocketFrame> consumer) {
      this.consumer = consumer;
      return this;
    }

    public Options group(EventLoopGroup group) {
      this.group = group;
      return this;
    }

    public Options timeout(Duration timeout) {
      this.timeout = timeout;
      return this;
    }
  }

  private final Channel channel;
  private final BlockingQueue<Frame> frames;
  private final CompletableFuture<Integer> closed;

  private WsClient(
      Channel channel, BlockingQueue<Frame> frames, CompletableFuture<Integer> closed) {
    this.channel = channel;
    this.frames = frames;
    this.closed = closed;
  }

  public static WsClient connect(URI uri) {
    return connect(uri, new Options());
  }

  /**
   * Connects and completes the handshake.
   *
   * @throws WebSocketHandshakeException when the server refuses the upgrade (its status is in the
   *     message)
   * @throws IllegalStateException when the connection fails
   */
  public static WsClient connect(URI uri, Options options) {
    BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    CompletableFuture<Integer> closed = new CompletableFuture<>();
    WebSocketClientHandshaker handshaker =
        WebSocketClientHandshakerFactory.newHandshaker(
            uri, WebSocketVersion.V13, null, false, options.headers, 1 << 22);
    Handler handler = new Handler(handshaker, frames, closed, options);
    int port = uri.getPort() > 0 ? uri.getPort() : 80;
    Channel ch;
    try {
      ch =
          new Bootstrap()
              .group(options.group != null ? options.group : Shared.GROUP)
              .channel(NioSocketChannel.class)
              .option(ChannelOption.TCP_NODELAY, true)
              .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) options.timeout.toMillis())
              .handler(
                  new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel c) {
                      c.pipeline()
                          .addLast(new HttpClientCodec())
                          .addLast(new HttpObjectAggregator(1 << 20))
                          .addLast(handler);
                    }
                  })
              .connect(uri.getHost(), port)
              .sync()
              .channel();
      handler.handshakeDone.get(options.timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof WebSocketHandshakeException h) {
        throw h;
      }
      throw new IllegalStateException(
          "WebSocket connection to " + uri + " failed: " + e.getCause(), e.getCause());
    } catch (TimeoutException e) {
      throw new IllegalStateException(
          "no WebSocket handshake from " + uri + " within " + options.timeout);
    } catch (RuntimeException e) {
      throw new IllegalStateException("cannot connect to " + uri + ": " + e, e);
    }
    return new WsClient(ch, frames, closed);
  }

  // ---- sending ---------------------------------------------------------------------------------

  public WsClient sendText(String text) {
    return write(new TextWebSocketFrame(text));
  }

  public WsClient sendBinary(byte[] bytes) {
    return write(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(bytes)));
  }

  public WsClient ping(String payload) {
    return write(new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
  }

  public WsClient pong(String payload) {
    return write(new PongWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.UTF_8)));
  }

  /** Writes a frame and waits until it is sent; a closed connection is an IllegalStateException. */
  private WsClient write(WebSocketFrame frame) {
    var future = channel.writeAndFlush(frame).awaitUninterruptibly();
    if (!future.isSuccess()) {
      throw new IllegalStateException(
          "could not send on the WebSocket: " + future.cause(), future.cause());
    }
    return this;
  }

  // ---- receiving -------------------------------------------------------------------------------

  /** The next frame, waiting at most {@code timeout}. */
  public Frame next(Duration timeout) {
    try {
      Frame f = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
      if (f == null) {
        throw new AssertionError("no frame within " + timeout);
      }
      return f;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The next frame that matches, skipping others, waiting at most {@code timeout} in all. */
  public Frame next(Predicate<Frame> matching, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        throw new AssertionError("no matching frame within " + timeout);
      }
      Frame f;
      try {
        f = frames.poll(left, TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      if (f != null && matching.test(f)) {
        return f;
      }
    }
  }

  /** Frames received and not yet taken. */
  public int pending() {
    return frames.size();
  }

  public void drain() {
    frames.clear();
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  /**
   * Waits until the connection is gone; returns the server's close code, {@code -1} when it ended
   * without a close frame, {@code -2} when it was reset.
   */
  public int awaitClosed(Duration timeout) {
    try {
      return closed.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      throw new AssertionError("the connection is still open after " + timeout);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    }
  }

  @Override
  public void close() {
    if (channel.isActive()) {
      channel.writeAndFlush(new CloseWebSocketFrame(1000, "bye"));
      channel.close().awaitUninterruptibly(5, TimeUnit.SECONDS);
    }
  }

  private static final class Handler extends SimpleChannelInboundHandler<Object> {
    private final WebSocketClientHandshaker handshaker;
    private final BlockingQueue<Frame> frames;
    private final CompletableFuture<Integer> closed;
    private final Options options;
    private final CompletableFuture<Void> handshakeDone = new CompletableFuture<>();
    private int closeCode = -1;

    Handler(
        WebSocketClientHandshaker handshaker,
        BlockingQueue<Frame> frames,
        CompletableFuture<Integer> closed,
        Options options) {
      this.handshaker = handshaker;
      this.frames = frames;
      this.closed = closed;
      this.options = options;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) {
      handshaker.handshake(ctx.channel());
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, Object msg) {
      if (!handshaker.isHandshakeComplete()) {
        try {
          handshaker.finishHandshake(ctx.channel(), (FullHttpResponse) msg);
          ctx.pipeline().addBefore(ctx.name(), "aggregator", new WebSocketFrameAggregator(1 << 22));
          handshakeDone.complete(null);
        } catch (WebSocketHandshakeException e) {
          handshakeDone.completeExceptionally(e);
          ctx.close();
        }
        return;
      }
      WebSocketFrame frame = (WebSocketFrame) msg;
      if (frame instanceof PingWebSocketFrame ping) {
        if (options.autoPong) {
          ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retainedDuplicate()));
        }
        if (options.recordPings) {
          frames.add(new Frame(Kind.PING, ByteBufUtil.getBytes(ping.content()), 0));
        }
        return;
      }
      if (frame instanceof CloseWebSocketFrame close) {
        closeCode = close.statusCode();
        frames.add(
            new Frame(Kind.CLOSE, ByteBufUtil.getBytes(close.content()), close.statusCode()));
        ctx.close();
        return;
      }
      if (options.consumer != null) {
        options.consumer.accept(frame);
        return;
      }
      Kind kind =
          frame instanceof TextWebSocketFrame
              ? Kind.TEXT
              : frame instanceof BinaryWebSocketFrame ? Kind.BINARY : Kind.PONG;
      frames.add(new Frame(kind, ByteBufUtil.getBytes(frame.content()), 0));
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
      handshakeDone.completeExceptionally(
          new IllegalStateException("connection closed during the handshake"));
      closed.complete(closeCode);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
      if (cause instanceof java.io.IOException
          && String.valueOf(cause.getMessage()).contains("reset")) {
        closeCode = -2;
      }
      handshakeDone.completeExceptionally(cause);
      ctx.close();
    }
  }
}
