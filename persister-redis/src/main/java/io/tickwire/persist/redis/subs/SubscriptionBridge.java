package io.tickwire.persist.redis.subs;

import io.tickwire.kit.Backoff;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topics;
import io.tickwire.persist.redis.reader.RedisKeys;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Bridges Redis {@code <venue>-<channel>-subs} keys (see {@link SubsKey} for the naming rule) to
 * the desired streams on {@code control.subscriptions.v1}. It reconciles rather than forwards: for
 * each key it compares the streams the value asks for with the streams the key asked for before
 * (requestedBy {@code redis:<key>}, as read back from the compacted topic) and writes the missing
 * ones and tombstones for the ones no longer asked for. So a restart, a missed notification or a
 * key deleted while the bridge was down all end in the same state.
 *
 * <p>A stream someone else (CLI, gateway) asked for is left as it is; the key's own request is
 * written only when the stream is not desired at all (or its lease expired). A malformed value
 * changes nothing: the reason goes to {@code <key>-error} and the log, and the error key is removed
 * once the value is fixed.
 */
public final class SubscriptionBridge implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(SubscriptionBridge.class);
  private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);
  private static final String WAKE = "";

  private final RedisClient redis;
  private final KafkaClients kafka;
  private final String clientId;
  private final Duration pollInterval;
  private final Duration rescanInterval;
  private final Clock clock;
  private final KeyspaceWatcher watcher;
  private final BlockingQueue<String> changed = new LinkedBlockingQueue<>();
  private final Thread thread;
  private final Backoff backoff = new Backoff(Duration.ofMillis(200), Duration.ofSeconds(10));

  /** Per key, the last value seen (null: deleted), so each problem is reported once. */
  private final Map<String, String> seen = new HashMap<>();

  private volatile boolean running = true;
  private volatile boolean rescan = true;
  private ControlTopicView view;
  private KafkaProducer<String, SubscriptionRequest> producer;

  /**
   * @param notifications null to poll only; otherwise whether the bridge may turn keyspace
   *     notifications on ({@code CONFIG SET}) when they are off
   * @param database the Redis database number the keys live in
   * @param pollInterval how often all keys are scanned without notifications
   * @param rescanInterval how often all keys are scanned while notifications arrive
   */
  public SubscriptionBridge(
      RedisClient redis,
      KafkaClients kafka,
      String clientId,
      Boolean notifications,
      int database,
      Duration pollInterval,
      Duration rescanInterval,
      Clock clock) {
    this.redis = redis;
    this.kafka = kafka;
    this.clientId = clientId;
    this.pollInterval = pollInterval;
    this.rescanInterval = rescanInterval;
    this.clock = clock;
    this.watcher =
        notifications == null
            ? null
            : new KeyspaceWatcher(
                redis, database, notifications, changed::add, () -> requestRescan());
    this.thread = new Thread(this::run, clientId);
  }

  public void start() {
    thread.start();
    if (watcher != null) {
      watcher.start();
    }
  }

  private void requestRescan() {
    rescan = true;
    changed.add(WAKE);
  }

  private void run() {
    long nextScan = 0;
    while (running) {
      try {
        if (view == null) {
          open();
        }
        view.poll(Duration.ZERO);
        long now = System.nanoTime();
        if (rescan || now >= nextScan) {
          rescan = false;
          scanAll();
          Duration interval = watcher != null && watcher.active() ? rescanInterval : pollInterval;
          nextScan = now + interval.toNanos();
        }
        String key = changed.poll(Math.max(1, nextScan - System.nanoTime()), TimeUnit.NANOSECONDS);
        if (key != null && !key.equals(WAKE)) {
          reconcile(key, redis.get(key));
        }
        backoff.reset();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        if (!running) {
          return;
        }
        if (!(e instanceof JedisException)) {
          closeKafka(); // start over from the control topic
        }
        Duration wait = backoff.next();
        log.warn("subscription bridge: {}; retrying in {} ms", e.toString(), wait.toMillis());
        rescan = true; // covers any change that arrives while waiting
        try {
          changed.poll(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  private void open() {
    ControlTopicView opened = new ControlTopicView(kafka, clientId + "-view");
    try {
      opened.catchUp(Duration.ofSeconds(30));
    } catch (RuntimeException e) {
      opened.close();
      throw e;
    }
    view = opened;
    producer =
        kafka.producer(
            clientId,
            new StringSerializer(),
            kafka.topic(Topics.SUBSCRIPTIONS).valueSerde().serializer());
    log.info(
        "subscription bridge watching *-subs keys ({})",
        watcher == null ? "polling every " + pollInterval : "keyspace notifications when on");
  }

  /** Every subs key in Redis, plus keys that asked for streams and are gone now. */
  private void scanAll() {
    Map<String, String> values = new LinkedHashMap<>();
    ScanParams params = new ScanParams().match("*" + SubsKey.SUFFIX).count(1000);
    String cursor = ScanParams.SCAN_POINTER_START;
    do {
      ScanResult<String> page = redis.scan(cursor, params);
      List<String> keys = page.getResult();
      if (!keys.isEmpty()) {
        List<String> read = redis.mget(keys.toArray(String[]::new));
        for (int i = 0; i < keys.size(); i++) {
          values.put(keys.get(i), read.get(i));
        }
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    for (String requester : view.requesters("redis:")) {
      values.putIfAbsent(requester.substring("redis:".length()), null);
    }
    values.forEach(this::reconcile);
  }

  /** Brings the streams asked for by one key in line with its value (null: the key is gone). */
  private void reconcile(String key, String value) {
    SubsKey subs = SubsKey.parse(key).orElse(null);
    if (subs == null) {
      return;
    }
    // first sight counts as a change: an error key may be left from before a restart
    boolean changedValue = !seen.containsKey(key) || !Objects.equals(seen.get(key), value);
    List<SubscriptionRequest> wanted = List.of();
    if (value != null) {
      try {
        wanted = subs.requests(value, clock.millis());
      } catch (IllegalArgumentException e) {
        if (changedValue) {
          String error = key + ": " + e.getMessage() + "; nothing was changed";
          redis.set(RedisKeys.subsError(key), error);
          log.warn("subscription bridge: {} (value {})", error, abbreviate(value));
        }
        seen.put(key, value);
        return;
      }
    }
    if (changedValue) {
      redis.del(RedisKeys.subsError(key));
    }
    apply(subs, wanted);
    // remembered only once handled: after a failure the next pass tries again
    if (value == null) {
      seen.remove(key);
    } else {
      seen.put(key, value);
    }
  }

  private void apply(SubsKey subs, List<SubscriptionRequest> wanted) {
    long now = clock.millis();
    Set<String> wantedKeys = new HashSet<>();
    List<String> added = new ArrayList<>();
    for (SubscriptionRequest request : wanted) {
      wantedKeys.add(request.key());
      SubscriptionRequest current = view.get(request.key());
      if (current == null || current.expired(now)) {
        send(request.key(), request);
        added.add(request.key());
      }
    }
    List<String> removed = new ArrayList<>();
    for (String streamKey : view.requestedBy(subs.requester()).keySet()) {
      if (!wantedKeys.contains(streamKey)) {
        send(streamKey, null);
        removed.add(streamKey);
      }
    }
    if (!added.isEmpty() || !removed.isEmpty()) {
      log.info(
          "subscription bridge: {} asks for {} streams: added {}, removed {}",
          subs.key(),
          wanted.size(),
          added,
          removed);
    }
  }

  private void send(String streamKey, SubscriptionRequest request) {
    try {
      producer
          .send(new ProducerRecord<>(view.topicName(), streamKey, request))
          .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while writing " + view.topicName(), e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot write " + view.topicName() + ": " + e, e);
    }
    view.written(streamKey, request);
  }

  private static String abbreviate(String value) {
    return value.length() <= 200 ? value : value.substring(0, 200) + "...";
  }

  @Override
  public void close() {
    running = false;
    if (watcher != null) {
      watcher.close();
    }
    thread.interrupt();
    try {
      thread.join(10_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    closeKafka();
  }

  private void closeKafka() {
    if (producer != null) {
      producer.close(Duration.ofSeconds(5));
      producer = null;
    }
    if (view != null) {
      view.close();
      view = null;
    }
  }
}
