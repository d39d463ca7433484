package io.tickwire.sim.load;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.websocketx.WebSocketFrameEncoder;
import io.netty.util.concurrent.ScheduledFuture;
import io.tickwire.model.Venue;
import io.tickwire.sim.InstrumentSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.BooleanSupplier;

/**
 * Load mode: synthetic instruments ({@code LOAD0000USDT}, ...) whose {@code @trade} and {@code
 * @aggTrade} streams run at a configured message rate per connection, for benchmarks. Frames are
 * generated on the connection's own event loop in batches every 2 ms, written as raw WebSocket
 * frames past
 * the frame encoder, and flushed once per batch, so one process sustains hundreds of thousands of
 * messages per second. Every message's {@code E} and {@code T} are its send time (epoch ms), so a
 * consumer measures end-to-end latency without extra headers. The market model is not involved:
 * load instruments have no book and no REST state beyond exchangeInfo.
 */
public final class LoadGenerator {

  /**
   * Batches are generated every 2 ms (fewer wake-ups and writes than per message; the send stamp
   * has millisecond resolution anyway); one batch holds at most this many messages.
   */
  private static final long PERIOD_MICROS = 2000;

  private static final int MAX_BATCH = 50_000;

  private final int instruments;
  private volatile int rate;
  private final LongAdder sent = new LongAdder();
  private final LongAdder skipped = new LongAdder();
  private final Map<Object, Stream> streams = new ConcurrentHashMap<>();

  public LoadGenerator(int rate, int instruments) {
    this.rate = rate;
    this.instruments = instruments;
  }

  /** The synthetic instruments, listed in exchangeInfo while load mode is on. */
  public List<InstrumentSpec> instruments() {
    if (rate == 0) {
      return List.of();
    }
    List<InstrumentSpec> list = new ArrayList<>();
    for (Venue v : new Venue[] {Venue.BINANCE_SPOT, Venue.BINANCE_USDM}) {
      for (int i = 0; i < instruments; i++) {
        list.add(
            new InstrumentSpec(
                v,
                symbol(i),
                "LOAD" + String.format("%04d", i),
                "USDT",
                "100.00",
                "0.01",
                "0.001"));
      }
    }
    return list;
  }

  private static String symbol(int i) {
    return String.format(Locale.ROOT, "LOAD%04dUSDT", i);
  }

  /** Whether a stream name belongs to load mode ({@code load0001usdt@trade}). */
  public boolean isLoadStream(String name) {
    if (rate == 0
        || !name.startsWith("load")
        || !(name.endsWith("@trade") || name.endsWith("@aggTrade"))) {
      return false;
    }
    try {
      int n = Integer.parseInt(name.substring(4, 8));
      return n < instruments && name.startsWith(symbol(n).toLowerCase(Locale.ROOT) + "@");
    } catch (NumberFormatException | StringIndexOutOfBoundsException e) {
      return false;
    }
  }

  public int rate() {
    return rate;
  }

  /** Changes the per-connection rate; 0 stops generating (connections stay open). */
  public void rate(int messagesPerSecond) {
    this.rate = messagesPerSecond;
  }

  /** Messages written so far, over all connections. */
  public long sent() {
    return sent.sum();
  }

  /** Messages not generated because a client fell more than a second behind. */
  public long skipped() {
    return skipped.sum();
  }

  /**
   * Adds a load stream to a connection and starts its generator if needed.
   *
   * @param owner the session (one generator per connection)
   * @param combined whether the connection wants {@code {"stream","data"}} wrappers now
   */
  public synchronized void attach(
      Object owner, Channel channel, String name, Venue venue, BooleanSupplier combined) {
    Stream s = streams.computeIfAbsent(owner, o -> new Stream(channel, venue, combined));
    s.add(name);
  }

  public synchronized void detach(Object owner, String name) {
    Stream s = streams.get(owner);
    if (s != null && s.remove(name)) {
      s.cancel();
      streams.remove(owner);
    }
  }

  public synchronized void detachAll(Object owner) {
    Stream s = streams.remove(owner);
    if (s != null) {
      s.cancel();
    }
  }

  /** One connection's generator. */
  private final class Stream {
    private final Channel channel;
    private final boolean usdm;
    private final BooleanSupplier combined;
    private final List<Target> targets = new ArrayList<>();
    private final ByteBuf scratch;
    private final SplittableRandom random = new SplittableRandom(42);
    private ScheduledFuture<?> task;
    private long startNanos;
    private long emitted;
    private int next;

    Stream(Channel channel, Venue venue, BooleanSupplier combined) {
      this.channel = channel;
      this.usdm = venue == Venue.BINANCE_USDM;
      this.combined = combined;
      this.scratch = channel.alloc().heapBuffer(512);
    }

    synchronized void add(String name) {
      targets.add(new Target(name));
      if (task == null) {
        startNanos = System.nanoTime();
        task =
            channel
                .eventLoop()
                .scheduleAtFixedRate(
                    this::batch, PERIOD_MICROS, PERIOD_MICROS, TimeUnit.MICROSECONDS);
      }
    }

    synchronized boolean remove(String name) {
      targets.removeIf(t -> t.name.equals(name));
      return targets.isEmpty();
    }

    synchronized void cancel() {
      if (task != null) {
        task.cancel(false);
      }
      channel.eventLoop().execute(scratch::release);
    }

    private synchronized void batch() {
      if (!channel.isActive()) {
        return;
      }
      int r = rate;
      long now = System.nanoTime();
      long due = (long) ((now - startNanos) / 1e9 * r) - emitted;
      if (r == 0 || due <= 0 || targets.isEmpty()) {
        startNanos = now;
        emitted = 0;
        return;
      }
      if (due > r) {
        // more than a second behind (a stalled client or a starved machine): that part is lost
        skipped.add(due - r);
        emitted += due - r;
        due = r;
      }
      if (!channel.isWritable()) {
        return; // the client is behind: wait for room, up to a second's worth
      }
      int n = (int) Math.min(due, MAX_BATCH);
      ChannelHandlerContext encoder = channel.pipeline().context(WebSocketFrameEncoder.class);
      if (encoder == null) {
        return;
      }
      boolean wrap = combined.getAsBoolean();
      long millis = System.currentTimeMillis();
      ByteBuf out = channel.alloc().directBuffer(n * 200);
      for (int k = 0; k < n; k++) {
        Target t = targets.get(next++ % targets.size());
        scratch.clear();
        t.write(scratch, millis, wrap);
        int len = scratch.readableBytes();
        out.writeByte(0x81);
        if (len <= 125) {
          out.writeByte(len);
        } else {
          out.writeByte(126);
          out.writeShort(len);
        }
        out.writeBytes(scratch);
      }
      encoder.writeAndFlush(out);
      emitted += n;
      sent.add(n);
    }

    /** One load stream on this connection: its ids and random-walk price. */
    private final class Target {
      final String name;
      final boolean agg;
      final byte[] head;
      final byte[] symbolPart;
      long id = 1;
      long price = 10_000; // 100.00

      Target(String name) {
        this.name = name;
        this.agg = name.endsWith("@aggTrade");
        String symbol = name.substring(0, name.indexOf('@')).toUpperCase(Locale.ROOT);
        this.head = ("{\"stream\":\"" + name + "\",\"data\":").getBytes(StandardCharsets.US_ASCII);
        this.symbolPart =
            (",\"s\":\"" + symbol + "\",\"" + (agg ? "a" : "t") + "\":")
                .getBytes(StandardCharsets.US_ASCII);
      }

      void write(ByteBuf b, long millis, boolean wrap) {
        if (wrap) {
          b.writeBytes(head);
        }
        price = Math.max(100, price + random.nextInt(3) - 1);
        long qty = 1 + random.nextInt(5000);
        b.writeCharSequence(
            agg ? "{\"e\":\"aggTrade\",\"E\":" : "{\"e\":\"trade\",\"E\":",
            StandardCharsets.US_ASCII);
        b.writeCharSequence(Long.toString(millis), StandardCharsets.US_ASCII);
        b.writeBytes(symbolPart);
        b.writeCharSequence(Long.toString(id), StandardCharsets.US_ASCII);
        b.writeCharSequence(",\"p\":\"", StandardCharsets.US_ASCII);
        b.writeCharSequence(decimal(price, 2, usdm ? 2 : 8), StandardCharsets.US_ASCII);
        b.writeCharSequence("\",\"q\":\"", StandardCharsets.US_ASCII);
        b.writeCharSequence(decimal(qty, 3, usdm ? 3 : 8), StandardCharsets.US_ASCII);
        b.writeByte('"');
        if (agg) {
          b.writeCharSequence(",\"f\":" + id + ",\"l\":" + id, StandardCharsets.US_ASCII);
        }
        b.writeCharSequence(",\"T\":", StandardCharsets.US_ASCII);
        b.writeCharSequence(Long.toString(millis), StandardCharsets.US_ASCII);
        b.writeCharSequence(
            usdm ? ",\"m\":true}" : ",\"m\":true,\"M\":true}", StandardCharsets.US_ASCII);
        if (wrap) {
          b.writeByte('}');
        }
        id++;
      }
    }
  }

  private static String decimal(long units, int decimals, int out) {
    return io.tickwire.sim.model.Units.format(units, decimals, out);
  }
}
