package io.tickwire.sim.replay;

import io.tickwire.model.Venue;
import io.tickwire.sim.server.RawFrame;
import io.tickwire.sim.server.StreamHub;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Plays a recording to the connections subscribed to its streams, with the original spacing between
 * frames divided by {@code speed} (0: as fast as possible). While it plays the market model
 * publishes nothing, so subscribers see only the recording. Combined-stream wrappers are removed or
 * added to fit each connection; Upbit frames go out as binary frames.
 */
public final class ReplayPlayer {

  private static final Logger log = LoggerFactory.getLogger(ReplayPlayer.class);

  private final StreamHub hub;
  private final Path file;
  private final double speed;
  private final boolean loop;
  private final AtomicLong sent = new AtomicLong();
  private final AtomicLong skipped = new AtomicLong();
  private final CompletableFuture<Long> done = new CompletableFuture<>();
  private volatile boolean stopped;
  private Thread thread;

  public ReplayPlayer(StreamHub hub, Path file, double speed, boolean loop) {
    if (speed < 0) {
      throw new IllegalArgumentException("speed must not be negative");
    }
    this.hub = hub;
    this.file = file;
    this.speed = speed;
    this.loop = loop;
  }

  public ReplayPlayer start() {
    hub.muteModel(true);
    thread = new Thread(this::run, "sim-replay");
    thread.setDaemon(true);
    thread.start();
    return this;
  }

  private void run() {
    try {
      do {
        play();
      } while (loop && !stopped);
      done.complete(sent.get());
    } catch (RuntimeException e) {
      log.error("replay of {} failed", file, e);
      done.completeExceptionally(e);
    } finally {
      hub.muteModel(false);
    }
  }

  private void play() {
    try (RecordingReader reader = new RecordingReader(file)) {
      long firstMicros = Long.MIN_VALUE;
      long startNanos = System.nanoTime();
      RecordedFrame f;
      while (!stopped && (f = reader.next()) != null) {
        if (firstMicros == Long.MIN_VALUE) {
          firstMicros = f.receivedAtMicros();
        }
        if (speed > 0) {
          long dueNanos = startNanos + (long) ((f.receivedAtMicros() - firstMicros) * 1000 / speed);
          long wait;
          while (!stopped && (wait = dueNanos - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
        }
        publish(f);
      }
    }
  }

  private void publish(RecordedFrame f) {
    Venue venue;
    try {
      venue = Venue.of(f.venue());
    } catch (IllegalArgumentException e) {
      skipped.incrementAndGet();
      return;
    }
    if (f.stream().startsWith("conn:")) {
      skipped.incrementAndGet();
      return;
    }
    if (venue == Venue.UPBIT) {
      publishUpbit(f);
    } else {
      hub.publish(venue, f.stream(), new RawFrame(f.stream(), unwrap(f.payload())));
    }
    sent.incrementAndGet();
  }

  /** Upbit specs {@code orderbook:KRW-BTC.15} go to every orderbook subscription of the market. */
  private void publishUpbit(RecordedFrame f) {
    String spec = f.stream();
    if (spec.startsWith("orderbook:")) {
      String market = spec.substring("orderbook:".length());
      int dot = market.indexOf('.');
      String prefix = "orderbook:" + (dot < 0 ? market : market.substring(0, dot)) + ":";
      hub.forEachStream(
          Venue.UPBIT,
          prefix,
          key -> hub.publish(Venue.UPBIT, key, new RawFrame(key, f.payload())));
    } else {
      hub.publish(Venue.UPBIT, spec, new RawFrame(spec, f.payload()));
    }
  }

  /** The data of a combined-stream wrapper, or the payload itself. */
  static byte[] unwrap(byte[] payload) {
    String text = new String(payload, StandardCharsets.UTF_8);
    if (!text.startsWith("{\"stream\":\"")) {
      return payload;
    }
    int data = text.indexOf(",\"data\":");
    if (data < 0 || !text.endsWith("}")) {
      return payload;
    }
    return text.substring(data + ",\"data\":".length(), text.length() - 1)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** Frames published so far. */
  public long sent() {
    return sent.get();
  }

  /** Frames skipped: unknown venue, or not part of a stream ({@code conn:} lines). */
  public long skipped() {
    return skipped.get();
  }

  /** Completes with the number of frames published when the recording has been played. */
  public CompletableFuture<Long> done() {
    return done;
  }

  public void stop() {
    stopped = true;
    if (thread != null) {
      LockSupport.unpark(thread);
    }
  }
}
