package io.tickwire.connector.testing;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.QueryStringDecoder;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.ContinuationWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The server side of one accepted WebSocket connection: script frames to the client, take what the
 * client sent (blocking with a timeout, never sleeping), drop or close the connection.
 */
public final class ServerConnection {

  private final int number;
  private final Channel channel;
  private final URI requestUri;
  private final HttpHeaders requestHeaders;
  private final String extensions;
  private final long openedAtNanos = System.nanoTime();
  private final BlockingQueue<ClientMessage> inbox = new LinkedBlockingQueue<>();
  private final List<ClientMessage> all = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  private volatile Object attachment;

  ServerConnection(
      int number, Channel channel, URI requestUri, HttpHeaders requestHeaders, String extensions) {
    this.number = number;
    this.channel = channel;
    this.requestUri = requestUri;
    this.requestHeaders = requestHeaders;
    this.extensions = extensions;
    channel.closeFuture().addListener(f -> closed.countDown());
  }

  /** 1 for the first connection the server accepted, and so on. */
  public int number() {
    return number;
  }

  public URI requestUri() {
    return requestUri;
  }

  public String path() {
    return requestUri.getPath();
  }

  /** First value of each query parameter. */
  public Map<String, String> query() {
    Map<String, String> q = new java.util.HashMap<>();
    new QueryStringDecoder(requestUri).parameters().forEach((k, v) -> q.put(k, v.get(0)));
    return q;
  }

  public HttpHeaders requestHeaders() {
    return requestHeaders;
  }

  /** The Sec-WebSocket-Extensions the client offered (empty when none). */
  public String offeredExtensions() {
    return extensions;
  }

  public long openedAtNanos() {
    return openedAtNanos;
  }

  public boolean isOpen() {
    return channel.isActive();
  }

  @SuppressWarnings("unchecked")
  public <T> T attachment() {
    return (T) attachment;
  }

  public void attach(Object value) {
    attachment = value;
  }

  public void sendText(String text) {
    channel.writeAndFlush(new TextWebSocketFrame(text));
  }

  public void sendBinary(byte[] payload) {
    channel.writeAndFlush(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(payload)));
  }

  /** Sends {@code text} as a first frame plus continuation frames of {@code pieceLength} bytes. */
  public void sendFragmented(String text, int pieceLength) {
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    channel
        .eventLoop()
        .execute(
            () -> {
              int first = Math.min(pieceLength, bytes.length);
              channel.write(
                  new TextWebSocketFrame(
                      first == bytes.length, 0, Unpooled.wrappedBuffer(bytes, 0, first)));
              for (int at = first; at < bytes.length; at += pieceLength) {
                int len = Math.min(pieceLength, bytes.length - at);
                channel.write(
                    new ContinuationWebSocketFrame(
                        at + len == bytes.length, 0, Unpooled.wrappedBuffer(bytes, at, len)));
              }
              channel.flush();
            });
  }

  public void sendPing(byte[] payload) {
    channel.writeAndFlush(new PingWebSocketFrame(Unpooled.wrappedBuffer(payload)));
  }

  /** A clean close with a close frame. */
  public void close(int code, String reason) {
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> channel.close());
  }

  /** Drops the TCP connection without a close frame, like a crashed server or a cut cable. */
  public void drop() {
    channel.close();
  }

  /** Runs {@code action} when the connection closes (at once if it is closed already). */
  public void onClose(Runnable action) {
    channel.closeFuture().addListener(f -> action.run());
  }

  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    return closed.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * The next message the client sent.
   *
   * @throws AssertionError when none arrives within the timeout
   */
  public ClientMessage takeMessage(Duration timeout) throws InterruptedException {
    ClientMessage message = inbox.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
    if (message == null) {
      throw new AssertionError(
          "connection " + number + ": no client message within " + timeout + "; got " + texts());
    }
    return message;
  }

  /** The next text message, skipping pongs and pings. */
  public String takeText(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (true) {
      ClientMessage m = takeMessage(Duration.ofNanos(Math.max(1, deadline - System.nanoTime())));
      if (m.kind() == ClientMessage.Kind.TEXT) {
        return m.text();
      }
    }
  }

  /** Everything the client sent so far, in order. */
  public List<ClientMessage> messages() {
    return new ArrayList<>(all);
  }

  List<String> texts() {
    return all.stream()
        .filter(m -> m.kind() == ClientMessage.Kind.TEXT)
        .map(ClientMessage::text)
        .toList();
  }

  void received(ClientMessage message) {
    all.add(message);
    inbox.add(message);
  }

  @Override
  public String toString() {
    return "connection " + number + " " + requestUri;
  }
}
