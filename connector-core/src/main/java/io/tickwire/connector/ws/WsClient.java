package io.tickwire.connector.ws;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.extensions.compression.WebSocketClientCompressionHandler;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.tickwire.connector.internal.DaemonThreads;
import java.net.URI;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;

/**
 * Opens WebSocket client sessions on Netty: {@code wss://} through TLS with host name verification
 * (Netty's SslContext), {@code ws://} in plain text for tests. One client owns an event loop group
 * shared by all its sessions.
 */
public final class WsClient implements AutoCloseable {

  private final EventLoopGroup group;
  private final SslContext ssl;
  private final Clock clock;

  /**
   * @param ioThreads event-loop threads (0: one per core)
   * @param ssl TLS settings for wss; null for the JDK trust store with host name verification
   */
  public WsClient(String name, int ioThreads, SslContext ssl, Clock clock) {
    this.group =
        new MultiThreadIoEventLoopGroup(
            ioThreads, DaemonThreads.named(name + "-io"), NioIoHandler.newFactory());
    this.ssl = ssl == null ? defaultSsl() : ssl;
    this.clock = clock;
  }

  public WsClient(String name, int ioThreads) {
    this(name, ioThreads, null, Clock.systemUTC());
  }

  /**
   * Starts connecting and returns the session at once; the listener hears {@code onOpen} or, at the
   * latest after the connect timeout, {@code onClosed}.
   */
  public WsSession connect(String id, URI uri, WsOptions options, WsListener listener) {
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("ws") && !scheme.equals("wss")) {
      throw new IllegalArgumentException("not a WebSocket URL: " + uri);
    }
    boolean tls = scheme.equals("wss");
    int port = uri.getPort() > 0 ? uri.getPort() : tls ? 443 : 80;
    String host = uri.getHost();
    WsSession session = new WsSession(id, uri, options, listener, clock);
    Bootstrap bootstrap =
        new Bootstrap()
            .group(group)
            .channel(NioSocketChannel.class)
            .option(ChannelOption.TCP_NODELAY, true)
            .option(
                ChannelOption.CONNECT_TIMEOUT_MILLIS,
                (int) Math.min(Integer.MAX_VALUE, options.connectTimeout().toMillis()))
            .handler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ChannelPipeline p = ch.pipeline();
                    if (tls) {
                      p.addLast("tls", ssl.newHandler(ch.alloc(), host, port));
                    }
                    p.addLast("http", new HttpClientCodec());
                    p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
                    if (options.permessageDeflate()) {
                      p.addLast(
                          "ws-deflate",
                          new WebSocketClientCompressionHandler(options.maxMessageBytes()));
                    }
                    p.addLast(WsSession.HANDLER, session.handler());
                  }
                });
    ChannelFuture connecting = bootstrap.connect(host, port);
    session.attach(connecting.channel());
    connecting.addListener(
        f -> {
          if (!f.isSuccess()) {
            session.fail(CloseReason.failed(CloseReason.Kind.CONNECT_FAILED, f.cause()));
          }
        });
    connecting
        .channel()
        .eventLoop()
        .schedule(
            session::connectTimedOut, options.connectTimeout().toNanos(), TimeUnit.NANOSECONDS);
    return session;
  }

  @Override
  public void close() {
    group.shutdownGracefully(0, 2, TimeUnit.SECONDS).syncUninterruptibly();
  }

  private static SslContext defaultSsl() {
    try {
      return SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build();
    } catch (SSLException e) {
      throw new IllegalStateException("cannot set up TLS for wss connections", e);
    }
  }
}
