package io.tickwire.connector.pace;

import io.tickwire.connector.internal.DaemonThreads;
import io.tickwire.connector.rest.VenueErrors;
import java.time.Duration;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.PriorityBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a venue's REST calls (order book snapshots, trade backfills, audits) paced by request weight
 * across ALL callers, so a mass reconnect that wants a thousand snapshots at once spreads them
 * under the venue's weight limit instead of tripping 429s. Requests run by priority (resyncs before
 * backfills before audits), then in arrival order; a request for a key that is already queued joins
 * it instead of costing weight twice. A 429/418 answer pauses everything for the Retry-After the
 * venue gave and puts the request back in the queue.
 */
public final class WeightPacedScheduler implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(WeightPacedScheduler.class);
  private static final int MAX_ATTEMPTS = 5;
  private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);

  /** Lower runs first. */
  public enum Priority {
    RESYNC,
    BACKFILL,
    AUDIT
  }

  private final class Request<T> {
    final String key;
    final int weight;
    final Priority priority;
    final Callable<T> call;
    final CompletableFuture<T> result = new CompletableFuture<>();
    long order;
    int attempts;

    Request(String key, int weight, Priority priority, Callable<T> call) {
      this.key = key;
      this.weight = weight;
      this.priority = priority;
      this.call = call;
    }

    void run() {
      attempts++;
      try {
        result.complete(call.call());
      } catch (Exception e) {
        retryOrFail(this, e);
      }
    }
  }

  private final String name;
  private final RateLimiter weight;
  private final PriorityBlockingQueue<Request<?>> queue =
      new PriorityBlockingQueue<>(
          64,
          Comparator.<Request<?>>comparingInt(r -> r.priority.ordinal())
              .thenComparingLong(r -> r.order));
  private final Map<String, Request<?>> queuedByKey = new ConcurrentHashMap<>();
  private final AtomicLong order = new AtomicLong();
  private final AtomicInteger running = new AtomicInteger();
  private final Semaphore free;
  private final ExecutorService workers;
  private final Thread dispatcher;
  private volatile boolean closed;

  /**
   * @param weight the venue's weight limit (e.g. 6000/1m), one permit per weight unit
   * @param concurrency how many calls may be in flight at once
   */
  public WeightPacedScheduler(String name, RateLimiter weight, int concurrency) {
    this.name = name;
    this.weight = weight;
    this.free = new Semaphore(concurrency);
    this.workers = Executors.newFixedThreadPool(concurrency, DaemonThreads.named(name + "-rest"));
    this.dispatcher = new Thread(this::dispatch, name + "-rest-pacer");
    dispatcher.setDaemon(true);
    dispatcher.start();
  }

  /**
   * Queues a call costing {@code weight}; a call for a {@code key} already queued (not yet started)
   * is not queued again and shares its result.
   */
  @SuppressWarnings("unchecked")
  public <T> CompletableFuture<T> submit(
      String key, int weight, Priority priority, Callable<T> call) {
    if (closed) {
      return CompletableFuture.failedFuture(new IllegalStateException(name + " is closed"));
    }
    Request<T> fresh = new Request<>(key, weight, priority, call);
    Request<?> existing = queuedByKey.putIfAbsent(key, fresh);
    if (existing != null) {
      return (CompletableFuture<T>) existing.result;
    }
    enqueue(fresh);
    return fresh.result;
  }

  /** Stops issuing calls for this long (a 429/418 seen elsewhere, or maintenance). */
  public void pause(Duration duration) {
    weight.pause(duration);
  }

  /** Calls waiting for weight. */
  public int queued() {
    return queue.size();
  }

  /** Calls running now. */
  public int running() {
    return running.get();
  }

  private void enqueue(Request<?> request) {
    request.order = order.incrementAndGet();
    queue.add(request);
  }

  private void dispatch() {
    while (!closed) {
      Request<?> request;
      try {
        // pick the next request only when a worker is free, so priorities decide what runs next
        free.acquire();
        request = queue.poll(200, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        return;
      }
      if (request == null) {
        free.release();
        continue;
      }
      long wait;
      while (!closed && (wait = weight.tryAcquire(request.weight)) > 0) {
        LockSupport.parkNanos(Math.min(wait, TimeUnit.MILLISECONDS.toNanos(200)));
        Request<?> head = queue.peek();
        if (head != null && queue.comparator().compare(head, request) < 0) {
          // something more urgent arrived while we waited: let it go first
          enqueue(request);
          request = queue.poll();
        }
      }
      if (closed) {
        request.result.cancel(false);
        free.release();
        return;
      }
      queuedByKey.remove(request.key, request);
      Request<?> started = request;
      running.incrementAndGet();
      workers.execute(
          () -> {
            try {
              started.run();
            } finally {
              running.decrementAndGet();
              free.release();
            }
          });
    }
  }

  private void retryOrFail(Request<?> request, Exception failure) {
    var limited = VenueErrors.rateLimited(failure);
    if (limited.isPresent()) {
      Duration pause =
          limited.get().retryAfter() == null ? RETRY_PAUSE : limited.get().retryAfter();
      log.warn(
          "{}: venue rate limit ({}); pausing REST calls for {}",
          name,
          failure.getMessage(),
          pause);
      weight.pause(pause);
    }
    if (!closed && request.attempts < MAX_ATTEMPTS && VenueErrors.isRetriable(failure)) {
      queuedByKey.putIfAbsent(request.key, request);
      enqueue(request);
    } else {
      request.result.completeExceptionally(failure);
    }
  }

  @Override
  public void close() {
    closed = true;
    dispatcher.interrupt();
    workers.shutdownNow();
    queue.forEach(r -> r.result.cancel(false));
    queue.clear();
    queuedByKey.clear();
  }
}
