package io.tickwire.sim.model;

import io.tickwire.model.Venue;
import io.tickwire.sim.InstrumentSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * All instruments, advanced together in fixed simulated steps on one thread (the market thread).
 * Everything that reads or changes market state (REST snapshots, orders, subscriptions that need a
 * first snapshot) runs as a task on that thread, between steps, so what it sees is exactly the
 * state the streamed deltas describe.
 */
public final class MarketModel implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(MarketModel.class);
  private static final int MAX_CATCH_UP_STEPS = 200;

  private final SimClock clock;
  private final MarketSink sink;
  private final long stepMillis;
  private final Map<String, SimInstrument> instruments = new LinkedHashMap<>();
  private final List<SimInstrument> ordered;
  private final ScheduledExecutorService thread;
  private volatile Thread marketThread;
  private long time;

  public MarketModel(
      List<InstrumentSpec> specs,
      MarketParams params,
      long seed,
      SimClock clock,
      long stepMillis,
      MarketSink sink) {
    this.clock = clock;
    this.sink = sink;
    this.stepMillis = stepMillis;
    this.time = Math.floorDiv(clock.now(), stepMillis) * stepMillis;
    for (InstrumentSpec spec : specs) {
      if (instruments.put(spec.key(), new SimInstrument(spec, params, seed, time, sink)) != null) {
        throw new IllegalArgumentException("instrument " + spec.key() + " is configured twice");
      }
    }
    this.ordered = List.copyOf(instruments.values());
    this.thread =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "sim-market");
              t.setDaemon(true);
              marketThread = t;
              return t;
            });
  }

  /** Starts stepping with the clock (no-op for a manual clock). */
  public void start() {
    if (!clock.automatic()) {
      return;
    }
    long periodMicros = Math.max(1000, (long) (stepMillis * 1000 / clock.scale()));
    // fixed delay, not fixed rate: when the model is behind, queued tasks (REST reads, orders)
    // still get a turn
    thread.scheduleWithFixedDelay(this::catchUp, periodMicros, periodMicros, TimeUnit.MICROSECONDS);
  }

  private void catchUp() {
    try {
      long target = clock.now();
      for (int i = 0; i < MAX_CATCH_UP_STEPS && time + stepMillis <= target; i++) {
        stepOnce();
      }
    } catch (RuntimeException | Error e) {
      log.error("market step failed; the simulator keeps stepping", e);
    }
  }

  private void stepOnce() {
    time += stepMillis;
    for (SimInstrument i : instruments.values()) {
      i.step(time, stepMillis);
    }
    sink.allStepped(ordered, time, stepMillis);
  }

  /** Advances a manual clock by whole steps covering {@code millis}; waits until done. */
  public void advance(long millis) {
    if (clock.automatic()) {
      throw new IllegalStateException("advance() is for a manual clock (autoAdvance false)");
    }
    call(
        () -> {
          long target = time + millis;
          while (time + stepMillis <= target) {
            stepOnce();
            clock.set(time);
          }
          return null;
        });
  }

  /** The time of the last step: the market state is as of this instant. */
  public long time() {
    return time;
  }

  public long stepMillis() {
    return stepMillis;
  }

  public SimClock clock() {
    return clock;
  }

  /** Instruments in configuration order; read them only on the market thread. */
  public List<SimInstrument> instruments() {
    return ordered;
  }

  public List<SimInstrument> instruments(Venue venue) {
    return instruments.values().stream().filter(i -> i.venue() == venue).toList();
  }

  /** The instrument, or null; read it only on the market thread. */
  public SimInstrument instrument(Venue venue, String symbol) {
    return instruments.get(venue.id() + ":" + symbol);
  }

  /** Runs a task on the market thread every {@code millis} of wall time (housekeeping). */
  public void every(long millis, Runnable task) {
    thread.scheduleAtFixedRate(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.error("periodic market task failed", e);
          }
        },
        millis,
        millis,
        TimeUnit.MILLISECONDS);
  }

  /** Runs a task on the market thread. */
  public <T> CompletableFuture<T> submit(Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    thread.execute(
        () -> {
          try {
            result.complete(task.call());
          } catch (Throwable e) {
            result.completeExceptionally(e);
          }
        });
    return result;
  }

  public void execute(Runnable task) {
    thread.execute(
        () -> {
          try {
            task.run();
          } catch (RuntimeException e) {
            log.error("market task failed", e);
          }
        });
  }

  /** Runs a task on the market thread and waits for its result. */
  public <T> T call(Callable<T> task) {
    if (Thread.currentThread() == marketThread) {
      try {
        return task.call();
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }
    try {
      return submit(task).get(30, TimeUnit.SECONDS);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (java.util.concurrent.TimeoutException e) {
      throw new IllegalStateException("the market thread did not answer within 30 s", e);
    }
  }

  @Override
  public void close() {
    thread.shutdownNow();
  }
}
