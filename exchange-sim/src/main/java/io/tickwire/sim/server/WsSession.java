package io.tickwire.sim.server;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.tickwire.model.Venue;
import io.tickwire.sim.WsLimits;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One WebSocket connection to the simulator. The base class owns what every venue shares: the
 * ordered outbox (any thread may {@link #send}; the connection's event loop writes), the incoming
 * message limit, server pings and the pong deadline, the maximum lifetime, and the per-connection
 * faults (stall, extra latency, malformed frame, dropped depth events). Subclasses speak the
 * venue's protocol.
 */
public abstract class WsSession {

  private static final Logger log = LoggerFactory.getLogger(WsSession.class);

  /** A slow reader is cut off once this much is queued for it (the venues drop slow consumers). */
  private static final long MAX_BACKLOG_BYTES = 64L << 20;

  private record Pending(long nanos, Object message) {}

  /** An action to run in order with the messages around it (close after an event, ...). */
  public interface Action {
    void run();
  }

  protected final String id;
  protected final Venue venue;
  protected final String path;
  protected final String remoteIp;
  protected final WsLimits limits;
  protected final FaultState faults;
  private final long openedAt = System.currentTimeMillis();
  private final ConcurrentLinkedQueue<Pending> outbox = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean drainScheduled = new AtomicBoolean();
  private final ArrayDeque<String> outstandingPings = new ArrayDeque<>();
  private final RateWindow incoming;
  private final AtomicInteger malformedNext = new AtomicInteger();
  private final AtomicInteger dropDepthNext = new AtomicInteger();
  private volatile long stalledUntil;
  private volatile long latencyNanos;
  private static final java.time.Duration CLOSE_ANSWER_TIMEOUT = java.time.Duration.ofSeconds(1);

  private volatile boolean closed;
  private boolean closeSent; // event loop only
  private volatile boolean attached;
  protected volatile Channel channel;

  protected WsSession(
      String id, Venue venue, String path, String remoteIp, WsLimits limits, FaultState faults) {
    this.id = id;
    this.venue = venue;
    this.path = path;
    this.remoteIp = remoteIp;
    this.limits = limits;
    this.faults = faults;
    this.incoming =
        new RateWindow(
            limits == null ? 1 : Math.max(1, limits.messagesPerSecond()),
            TimeUnit.SECONDS.toNanos(1));
  }

  // ---- identity --------------------------------------------------------------------------------

  public String id() {
    return id;
  }

  public Venue venue() {
    return venue;
  }

  public String path() {
    return path;
  }

  public String remoteIp() {
    return remoteIp;
  }

  public long openedAt() {
    return openedAt;
  }

  public boolean isOpen() {
    return !closed && channel != null && channel.isActive();
  }

  /** The connection this session serves, known before the handshake completes. */
  void bind(Channel channel) {
    this.channel = channel;
  }

  /** The streams this connection listens to, as the venue would list them. */
  public abstract List<String> streams();

  // ---- lifecycle -------------------------------------------------------------------------------

  /** Called on the event loop once the handshake is done: from now on frames may be written. */
  void attach() {
    attached = true;
    if (limits != null) {
      if (!limits.pingInterval().isZero()) {
        long every = limits.pingInterval().toNanos();
        channel.eventLoop().scheduleAtFixedRate(this::ping, every, every, TimeUnit.NANOSECONDS);
      }
      if (!limits.maxLifetime().isZero()) {
        channel
            .eventLoop()
            .schedule(
                () -> close(1001, "Connection lifetime exceeded"),
                limits.maxLifetime().toNanos(),
                TimeUnit.NANOSECONDS);
      }
    }
    opened();
    if (!outbox.isEmpty() && drainScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::drain);
    }
  }

  /** The connection is up: a subclass sends what it sends first. */
  protected void opened() {}

  /** Called once when the channel is gone. */
  public final void detach() {
    closed = true;
    outbox.clear();
    closedHook();
  }

  /** Unsubscribe from everything. */
  protected abstract void closedHook();

  // ---- inbound ---------------------------------------------------------------------------------

  /** Dispatches one frame from the client (on the event loop). */
  public void onFrame(WebSocketFrame frame) {
    if (closeSent) {
      // our close frame is out: wait for the client's answer, ignore anything else it still sends
      if (frame instanceof CloseWebSocketFrame) {
        channel.close();
      }
      return;
    }
    if (frame instanceof CloseWebSocketFrame close) {
      channel
          .writeAndFlush(new CloseWebSocketFrame(close.statusCode(), close.reasonText()))
          .addListener(ChannelFutureListener.CLOSE);
      return;
    }
    if (!countIncoming()) {
      return;
    }
    if (frame instanceof PingWebSocketFrame ping) {
      if (!stalled()) {
        channel.writeAndFlush(new PongWebSocketFrame(ping.content().retainedDuplicate()));
      }
      clientPing();
    } else if (frame instanceof PongWebSocketFrame pong) {
      onPong(pong.content().toString(StandardCharsets.UTF_8));
    } else if (frame instanceof TextWebSocketFrame text) {
      onText(text.text());
    } else if (frame instanceof BinaryWebSocketFrame binary) {
      onBinary(binary.content());
    }
  }

  /** Counts an incoming message against the limit; disconnects and returns false on excess. */
  private boolean countIncoming() {
    if (limits == null || limits.messagesPerSecond() == 0) {
      return true;
    }
    if (incoming.tryAcquire(System.nanoTime())) {
      return true;
    }
    log.debug(
        "{}: more than {} messages per second, disconnecting", id, limits.messagesPerSecond());
    closeNow(1008, "Too many requests");
    return false;
  }

  /** A text message from the client. */
  protected abstract void onText(String text);

  /** A binary message; venues that accept JSON in binary frames decode it. */
  protected void onBinary(ByteBuf content) {
    onText(content.toString(StandardCharsets.UTF_8));
  }

  /** The client sent a ping frame. */
  protected void clientPing() {}

  /** Close connections without traffic for this long (Upbit); null for no idle timeout. */
  public java.time.Duration idleTimeout() {
    return null;
  }

  /** Whether traffic to the client counts as activity for {@link #idleTimeout()}. */
  public boolean idleCountsOutbound() {
    return false;
  }

  /** The idle timeout passed. */
  public void onIdle() {
    closeNow(1001, "Idle timeout");
  }

  // ---- server pings ----------------------------------------------------------------------------

  private void ping() {
    if (closed || stalled()) {
      return;
    }
    String payload = Long.toString(System.currentTimeMillis());
    outstandingPings.addLast(payload);
    channel.writeAndFlush(
        new PingWebSocketFrame(Unpooled.copiedBuffer(payload, StandardCharsets.US_ASCII)));
    channel
        .eventLoop()
        .schedule(
            () -> {
              if (outstandingPings.contains(payload)) {
                log.debug("{}: no pong for ping {}, disconnecting", id, payload);
                closeNow(1008, "Pong timeout");
              }
            },
            limits.pongTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
  }

  /** A pong settles the ping whose payload it echoes (and older ones); others are unsolicited. */
  private void onPong(String payload) {
    if (outstandingPings.contains(payload)) {
      while (!outstandingPings.isEmpty()) {
        if (outstandingPings.removeFirst().equals(payload)) {
          break;
        }
      }
    }
  }

  // ---- outbound --------------------------------------------------------------------------------

  /** Queues a message (a frame, a stream message or an {@link Action}); any thread. */
  public void send(Object message) {
    if (closed || stalled()) {
      return;
    }
    if (message instanceof StreamMessage m && m.depthDiff() && takeOne(dropDepthNext)) {
      return;
    }
    outbox.add(new Pending(System.nanoTime(), message));
    if (attached && drainScheduled.compareAndSet(false, true)) {
      channel.eventLoop().execute(this::drain);
    }
  }

  /** Queues a text frame (a reply to a control message). */
  protected void sendText(String text) {
    send(new TextWebSocketFrame(text));
  }

  private void drain() {
    drainScheduled.set(false);
    if (closed) {
      return;
    }
    long latency = Math.max(latencyNanos, faults.latencyNanos());
    boolean wrote = false;
    Pending p;
    while ((p = outbox.peek()) != null) {
      if (closeSent) { // nothing may follow a close frame
        outbox.clear();
        break;
      }
      long wait = latency - (System.nanoTime() - p.nanos());
      if (latency > 0 && wait > 0) {
        if (drainScheduled.compareAndSet(false, true)) {
          channel.eventLoop().schedule(this::drain, wait, TimeUnit.NANOSECONDS);
        }
        break;
      }
      outbox.poll();
      if (stalled()) {
        continue;
      }
      if (p.message() instanceof Action action) {
        if (wrote) {
          channel.flush();
          wrote = false;
        }
        action.run();
        continue;
      }
      WebSocketFrame frame = p.message() instanceof WebSocketFrame f ? f : render(p.message());
      if (frame == null) {
        continue;
      }
      channel.write(malformedIfAsked(frame));
      wrote = true;
    }
    if (wrote) {
      channel.flush();
    }
    if (!channel.isWritable() && channel.bytesBeforeWritable() > MAX_BACKLOG_BYTES) {
      log.debug("{}: client reads too slowly, disconnecting", id);
      abort();
    }
  }

  /** Renders a stream message in this connection's form; null skips it. */
  protected abstract WebSocketFrame render(Object message);

  private WebSocketFrame malformedIfAsked(WebSocketFrame frame) {
    if (!(frame instanceof TextWebSocketFrame || frame instanceof BinaryWebSocketFrame)
        || !takeOne(malformedNext)) {
      return frame;
    }
    ByteBuf content = frame.content();
    ByteBuf broken = Unpooled.copiedBuffer(content.slice(0, content.readableBytes() / 2));
    frame.release();
    return frame instanceof TextWebSocketFrame
        ? new TextWebSocketFrame(broken)
        : new BinaryWebSocketFrame(broken);
  }

  /** Decrements a fault counter if it is positive; true when it was. */
  private static boolean takeOne(AtomicInteger counter) {
    return counter.get() > 0 && counter.getAndUpdate(n -> n > 0 ? n - 1 : n) > 0;
  }

  // ---- closing ---------------------------------------------------------------------------------

  /** Closes cleanly after the queued messages: a close frame, then the TCP connection. */
  public void close(int code, String reason) {
    send((Action) () -> sendClose(code, reason));
  }

  /** Closes cleanly now, dropping what is queued. */
  public void closeNow(int code, String reason) {
    outbox.clear();
    onEventLoop(() -> sendClose(code, reason));
  }

  /** Runs on the connection's event loop; when the server is shutting down, just closes. */
  private void onEventLoop(Runnable task) {
    if (channel.eventLoop().inEventLoop()) {
      task.run();
      return;
    }
    try {
      channel.eventLoop().execute(task);
    } catch (RejectedExecutionException shuttingDown) {
      channel.close();
    }
  }

  /**
   * Sends the close frame and closes the TCP connection once the client answers it, or after {@link
   * #CLOSE_ANSWER_TIMEOUT}. Closing at once would make the kernel reset the connection when more
   * client frames arrive, and a reset can discard the close frame before the client reads it.
   */
  private void sendClose(int code, String reason) {
    if (closeSent || !channel.isActive()) {
      return;
    }
    closeSent = true;
    channel.writeAndFlush(new CloseWebSocketFrame(code, reason));
    try {
      channel
          .eventLoop()
          .schedule(() -> channel.close(), CLOSE_ANSWER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (RejectedExecutionException shuttingDown) {
      channel.close();
    }
  }

  /** Resets the TCP connection without a close frame (the client sees a reset). */
  public void abort() {
    outbox.clear();
    channel
        .eventLoop()
        .execute(
            () -> {
              if (channel.isActive()) {
                channel.config().setOption(ChannelOption.SO_LINGER, 0);
                channel.close();
              }
            });
  }

  /** Closes cleanly once {@code grace} has passed after what is queued now has gone out. */
  protected void closeAfter(java.time.Duration grace) {
    send(
        (Action)
            () ->
                channel
                    .eventLoop()
                    .schedule(
                        () -> closeNow(1001, "Server shutdown"),
                        grace.toNanos(),
                        TimeUnit.NANOSECONDS));
  }

  /** Tells the client the server is going down (venue-specific), then closes. */
  public abstract void serverShutdown(long eventTime, java.time.Duration grace);

  // ---- faults ----------------------------------------------------------------------------------

  public boolean stalled() {
    long until = stalledUntil;
    return until != 0 && System.nanoTime() < until;
  }

  /** Stops all sending (data, replies, pings) for a while; the socket stays open. */
  public void stall(java.time.Duration duration) {
    stalledUntil =
        duration.isZero() ? Long.MAX_VALUE : System.nanoTime() + Math.max(1, duration.toNanos());
  }

  public void resume() {
    stalledUntil = 0;
  }

  public void latency(java.time.Duration extra) {
    latencyNanos = extra.toNanos();
  }

  /** The next {@code count} data frames go out cut in half (not valid JSON). */
  public void malformed(int count) {
    malformedNext.addAndGet(count);
  }

  /** The next {@code count} diff-depth events to this connection are not sent (a book gap). */
  public void dropDepthEvents(int count) {
    dropDepthNext.addAndGet(count);
  }
}
