package io.tickwire.kit.health;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.bootstrap.ServerBootstrap;
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
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.stream.Collectors;

/**
 * A service's operations endpoint: {@code /health/live} (the process answers), {@code
 * /health/ready} (503 until started and every readiness check passes, with the check results as
 * JSON) and {@code /metrics} (Prometheus text). All health servers of a process share one event
 * loop thread.
 */
public final class HealthServer implements AutoCloseable {

  private static final class SharedLoop {
    static final EventLoopGroup GROUP =
        new MultiThreadIoEventLoopGroup(
            1,
            r -> {
              Thread t = new Thread(r, "health-http");
              t.setDaemon(true);
              return t;
            },
            NioIoHandler.newFactory());
  }

  private final Channel channel;

  private HealthServer(Channel channel) {
    this.channel = channel;
  }

  /** Binds {@code host:port} (port 0 picks a free one) and serves until closed. */
  public static HealthServer start(
      String host, int port, Readiness readiness, PrometheusMeterRegistry metrics)
      throws InterruptedException {
    Channel channel =
        new ServerBootstrap()
            .group(SharedLoop.GROUP)
            .channel(NioServerSocketChannel.class)
            .childHandler(
                new ChannelInitializer<SocketChannel>() {
                  @Override
                  protected void initChannel(SocketChannel ch) {
                    ch.pipeline()
                        .addLast(new HttpServerCodec())
                        .addLast(new HttpObjectAggregator(8192))
                        .addLast(new Handler(readiness, metrics));
                  }
                })
            .bind(host, port)
            .sync()
            .channel();
    return new HealthServer(channel);
  }

  public int port() {
    return ((InetSocketAddress) channel.localAddress()).getPort();
  }

  @Override
  public void close() {
    channel.close().syncUninterruptibly();
  }

  private static final class Handler extends SimpleChannelInboundHandler<FullHttpRequest> {
    private final Readiness readiness;
    private final PrometheusMeterRegistry metrics;

    Handler(Readiness readiness, PrometheusMeterRegistry metrics) {
      this.readiness = readiness;
      this.metrics = metrics;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
      String path = new QueryStringDecoder(request.uri()).path();
      FullHttpResponse response;
      if (!HttpMethod.GET.equals(request.method()) && !HttpMethod.HEAD.equals(request.method())) {
        response = text(HttpResponseStatus.METHOD_NOT_ALLOWED, "text/plain", "use GET\n");
      } else {
        response =
            switch (path) {
              case "/health/live" ->
                  text(HttpResponseStatus.OK, "application/json", "{\"status\":\"UP\"}");
              case "/health/ready" -> ready();
              case "/metrics" ->
                  text(
                      HttpResponseStatus.OK,
                      "text/plain; version=0.0.4; charset=utf-8",
                      metrics.scrape());
              default ->
                  text(
                      HttpResponseStatus.NOT_FOUND,
                      "text/plain",
                      "not found: try /health/live, /health/ready or /metrics\n");
            };
      }
      boolean keepAlive = HttpUtil.isKeepAlive(request);
      HttpUtil.setKeepAlive(response, keepAlive);
      var future = ctx.writeAndFlush(response);
      if (!keepAlive) {
        future.addListener(ChannelFutureListener.CLOSE);
      }
    }

    private FullHttpResponse ready() {
      boolean ready = readiness.ready();
      String checks =
          readiness.statuses().values().stream()
              .map(
                  s ->
                      "\""
                          + s.name()
                          + "\":{\"healthy\":"
                          + s.healthy()
                          + ",\"detail\":\""
                          + escape(s.detail())
                          + "\"}")
              .collect(Collectors.joining(","));
      String body = "{\"status\":\"" + (ready ? "UP" : "DOWN") + "\",\"checks\":{" + checks + "}}";
      return text(
          ready ? HttpResponseStatus.OK : HttpResponseStatus.SERVICE_UNAVAILABLE,
          "application/json",
          body);
    }

    private static String escape(String s) {
      return s == null ? "" : s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", " ");
    }

    private static FullHttpResponse text(HttpResponseStatus status, String type, String body) {
      FullHttpResponse response =
          new DefaultFullHttpResponse(
              HttpVersion.HTTP_1_1, status, Unpooled.copiedBuffer(body, StandardCharsets.UTF_8));
      response.headers().set(HttpHeaderNames.CONTENT_TYPE, type);
      response.headers().setInt(HttpHeaderNames.CONTENT_LENGTH, response.content().readableBytes());
      return response;
    }
  }
}
