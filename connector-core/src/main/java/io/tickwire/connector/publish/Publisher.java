package io.tickwire.connector.publish;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.tickwire.connector.Micros;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.Topic;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Publishes a connector's records to Kafka without ever blocking an event loop and without losing
 * anything silently. Callers hand records to a bounded in-memory buffer; one thread feeds the
 * producer in order (so each partition keeps the venue's order) and sends again whatever Kafka did
 * not acknowledge. While Kafka is unreachable the buffer fills; once it is full, new data is
 * dropped, counted per stream ({@code connector.dropped}) and reported with a {@code dropped}
 * status marker as soon as there is room again. Status markers and dead letters bypass the bound so
 * they are never the ones dropped. {@link #ready()} turns false while Kafka acknowledges nothing or
 * the buffer is nearly full.
 */
public final class Publisher implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Publisher.class);
  private static final int PRIORITY_CAP = 100_000;

  /** Buffer bounds and timeouts, from {@code CONNECTOR_*} settings. */
  public record Config(
      int maxMessages, long maxBytes, Duration stallTimeout, Duration deliveryTimeout) {}

  private static final class Outgoing {
    final String topic;
    final String key;
    final byte[] value;
    final List<Header> headers;
    final long receivedAtMicros;
    final DropScope scope;
    final boolean priority;
    final int size;

    Outgoing(
        String topic,
        String key,
        byte[] value,
        List<Header> headers,
        long receivedAtMicros,
        DropScope scope,
        boolean priority) {
      this.topic = topic;
      this.key = key;
      this.value = value;
      this.headers = headers;
      this.receivedAtMicros = receivedAtMicros;
      this.scope = scope;
      this.priority = priority;
      this.size = (value == null ? 0 : value.length) + (key == null ? 0 : key.length()) + 64;
    }
  }

  private final Config config;
  private final Clock clock;
  private final KafkaProducer<String, byte[]> producer;
  private final Topic<String, StatusMarker> statusTopic;
  private final Topic<String, DeadLetter> deadLetterTopic;
  private final String deadLetterSource;
  private final LinkedBlockingQueue<Outgoing> queue = new LinkedBlockingQueue<>();
  private final ConcurrentLinkedQueue<Outgoing> priority = new ConcurrentLinkedQueue<>();
  private final ConcurrentLinkedQueue<Outgoing> retry = new ConcurrentLinkedQueue<>();
  private final AtomicInteger held = new AtomicInteger();
  private final AtomicLong heldBytes = new AtomicLong();
  private final AtomicInteger priorityHeld = new AtomicInteger();
  private final Map<DropScope, LongAdder> dropsToReport = new ConcurrentHashMap<>();
  private final AtomicLong droppedTotal = new AtomicLong();
  private final AtomicLong acked = new AtomicLong();
  private volatile long lastProgressNanos = System.nanoTime();
  private final Thread sender;
  private volatile boolean closing;
  private volatile long hardStopAtNanos = Long.MAX_VALUE;
  private volatile Throwable lastFailure;
  private final MeterRegistry meters;
  private final Timer publishLatency;
  private final Counter retries;
  private final Map<String, Counter> dropCounters = new ConcurrentHashMap<>();

  /**
   * @param statusTopic and {@code deadLetterTopic}: the registry topics under the deployment prefix
   * @param deadLetterSource the dead-letter key for records Kafka rejected
   */
  public Publisher(
      KafkaClients kafka,
      String clientId,
      Config config,
      Topic<String, StatusMarker> statusTopic,
      Topic<String, DeadLetter> deadLetterTopic,
      String deadLetterSource,
      MeterRegistry meters,
      Clock clock) {
    this.config = config;
    this.clock = clock;
    this.statusTopic = statusTopic;
    this.deadLetterTopic = deadLetterTopic;
    this.deadLetterSource = deadLetterSource;
    this.meters = meters;
    Map<String, Object> props = kafka.producerConfig(clientId);
    long delivery = config.deliveryTimeout().toMillis();
    props.putIfAbsent(
        ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.min(Integer.MAX_VALUE, delivery));
    // send() must never park the sender thread for long: it retries on its own
    props.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
    props.putIfAbsent(
        ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG,
        (int) Math.min(30_000, Math.max(1_000, delivery / 2)));
    this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    this.publishLatency =
        Timer.builder("connector.publish.latency")
            .description("From receiving a frame to Kafka acknowledging the record")
            .publishPercentileHistogram()
            .register(meters);
    this.retries =
        Counter.builder("connector.publish.retries")
            .description("Records sent to Kafka again after a failed send")
            .register(meters);
    Gauge.builder("connector.buffer.depth", held, AtomicInteger::get)
        .description("Records waiting for Kafka (buffered and in flight)")
        .register(meters);
    Gauge.builder("connector.buffer.bytes", heldBytes, AtomicLong::get)
        .description("Bytes waiting for Kafka")
        .register(meters);
    this.sender = new Thread(this::run, clientId + "-publisher");
    sender.setDaemon(true);
    sender.start();
  }

  /**
   * A raw frame, exactly as received, keyed by stream, with the receive-time and connection
   * headers.
   */
  public boolean sendRaw(
      String topic,
      String stream,
      byte[] payload,
      long receivedAtMicros,
      String connectionId,
      DropScope scope) {
    List<Header> headers =
        List.of(
            new RecordHeader(
                io.tickwire.model.RawHeaders.RECEIVED_AT,
                Long.toString(receivedAtMicros).getBytes(StandardCharsets.US_ASCII)),
            new RecordHeader(
                io.tickwire.model.RawHeaders.CONNECTION_ID,
                connectionId.getBytes(StandardCharsets.US_ASCII)));
    return offer(new Outgoing(topic, stream, payload, headers, receivedAtMicros, scope, false));
  }

  /** A normalized event, serialized with its topic's serde. */
  public <V> boolean send(
      Topic<String, V> topic, String key, V value, long receivedAtMicros, DropScope scope) {
    byte[] bytes = topic.valueSerde().serializer().serialize(topic.name(), value);
    return offer(new Outgoing(topic.name(), key, bytes, List.of(), receivedAtMicros, scope, false));
  }

  /** A status marker: never subject to the buffer bound. */
  public void marker(StatusMarker marker) {
    byte[] bytes = statusTopic.valueSerde().serializer().serialize(statusTopic.name(), marker);
    offerPriority(new Outgoing(statusTopic.name(), marker.key(), bytes, List.of(), 0, null, true));
  }

  /** A dead letter: never subject to the buffer bound. */
  public void deadLetter(DeadLetter letter) {
    log.warn(
        "dead letter from {} (stream {}): {}", letter.source(), letter.stream(), letter.error());
    byte[] bytes =
        deadLetterTopic.valueSerde().serializer().serialize(deadLetterTopic.name(), letter);
    offerPriority(
        new Outgoing(deadLetterTopic.name(), letter.source(), bytes, List.of(), 0, null, true));
  }

  /**
   * Ready unless Kafka acknowledged nothing for the stall timeout while records wait, or the buffer
   * is more than 90 % full.
   */
  public boolean ready() {
    boolean waiting = held.get() + priorityHeld.get() > 0;
    boolean stalled =
        waiting && System.nanoTime() - lastProgressNanos > config.stallTimeout().toNanos();
    return !stalled && held.get() < config.maxMessages() * 0.9;
  }

  /** Why {@link #ready()} is false, for the readiness detail. */
  public String status() {
    return "buffered "
        + held.get()
        + "/"
        + config.maxMessages()
        + ", dropped "
        + droppedTotal.get()
        + (lastFailure == null ? "" : ", last failure: " + lastFailure.getMessage());
  }

  /** Records buffered or in flight. */
  public int depth() {
    return held.get() + priorityHeld.get();
  }

  public long dropped() {
    return droppedTotal.get();
  }

  public long acknowledged() {
    return acked.get();
  }

  private boolean offer(Outgoing o) {
    if (closing && System.nanoTime() - hardStopAtNanos >= 0) {
      drop(o);
      return false;
    }
    int count = held.incrementAndGet();
    long bytes = heldBytes.addAndGet(o.size);
    if (count > config.maxMessages() || bytes > config.maxBytes()) {
      held.decrementAndGet();
      heldBytes.addAndGet(-o.size);
      drop(o);
      return false;
    }
    if (count == 1) {
      lastProgressNanos = System.nanoTime();
    }
    queue.add(o);
    return true;
  }

  private void offerPriority(Outgoing o) {
    if (priorityHeld.incrementAndGet() > PRIORITY_CAP) {
      priorityHeld.decrementAndGet();
      log.error("status/dead-letter backlog over {}: dropping one for {}", PRIORITY_CAP, o.topic);
      dropCounter(o.topic).increment();
      droppedTotal.incrementAndGet();
      return;
    }
    priority.add(o);
  }

  private void drop(Outgoing o) {
    droppedTotal.incrementAndGet();
    dropCounter(o.topic).increment();
    if (o.scope != null) {
      dropsToReport.computeIfAbsent(o.scope, s -> new LongAdder()).increment();
    }
  }

  private Counter dropCounter(String topic) {
    return dropCounters.computeIfAbsent(
        topic,
        t ->
            Counter.builder("connector.dropped")
                .description("Records dropped because the buffer for Kafka was full")
                .tag("topic", t)
                .register(meters));
  }

  private void run() {
    while (true) {
      if (closing
          && (System.nanoTime() - hardStopAtNanos >= 0
              || queue.isEmpty()
                  && priority.isEmpty()
                  && retry.isEmpty()
                  && held.get() + priorityHeld.get() == 0)) {
        return;
      }
      Outgoing o = retry.poll();
      if (o == null) {
        o = priority.poll();
      }
      if (o == null) {
        try {
          o = queue.poll(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          return;
        }
      }
      if (o == null) {
        reportDrops();
        continue;
      }
      send(o);
      reportDrops();
    }
  }

  /** Hands one record to the producer, retrying until it accepts it or the hard stop passes. */
  private void send(Outgoing o) {
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(o.topic, null, o.key, o.value, o.headers);
    long pause = TimeUnit.MILLISECONDS.toNanos(100);
    while (true) {
      try {
        producer.send(record, (metadata, error) -> completed(o, error));
        return;
      } catch (RuntimeException e) {
        if (PublishErrors.isRecordRejected(e)) {
          completed(o, e);
          return;
        }
        lastFailure = e;
        if (closing && System.nanoTime() - hardStopAtNanos >= 0) {
          release(o);
          drop(o);
          return;
        }
        log.warn("Kafka did not take a record for {} ({}); trying again", o.topic, e.getMessage());
        LockSupport.parkNanos(pause);
        pause = Math.min(pause * 2, TimeUnit.SECONDS.toNanos(2));
      }
    }
  }

  private void completed(Outgoing o, Exception error) {
    if (error == null) {
      release(o);
      acked.incrementAndGet();
      lastProgressNanos = System.nanoTime();
      lastFailure = null;
      if (o.receivedAtMicros > 0) {
        long latencyMicros = Micros.now(clock) - o.receivedAtMicros;
        publishLatency.record(Math.max(0, latencyMicros), TimeUnit.MICROSECONDS);
      }
      return;
    }
    lastFailure = error;
    if (PublishErrors.isRetriable(error)
        && !(closing && System.nanoTime() - hardStopAtNanos >= 0)) {
      retries.increment();
      retry.add(o);
      return;
    }
    release(o);
    if (PublishErrors.isRecordRejected(error) && !o.topic.equals(deadLetterTopic.name())) {
      log.error("Kafka rejected a record for {}: {}", o.topic, error.getMessage());
      deadLetter(
          DeadLetter.ofFrame(
              deadLetterSource,
              o.scope == null ? null : o.scope.venue(),
              o.scope == null ? null : o.scope.stream(),
              null,
              "Kafka rejected the record for " + o.topic + ": " + error.getMessage(),
              excerpt(o.value),
              clock.millis()));
    } else {
      log.error("record for {} lost while stopping: {}", o.topic, error.getMessage());
      drop(o);
    }
  }

  private static byte[] excerpt(byte[] value) {
    int max = 64 * 1024;
    return value == null || value.length <= max ? value : java.util.Arrays.copyOf(value, max);
  }

  private void release(Outgoing o) {
    if (o.priority) {
      priorityHeld.decrementAndGet();
    } else {
      held.decrementAndGet();
      heldBytes.addAndGet(-o.size);
    }
  }

  /** Emits {@code dropped} markers once the buffer has room again. */
  private void reportDrops() {
    if (dropsToReport.isEmpty() || held.get() > config.maxMessages() / 2) {
      return;
    }
    List<DropScope> scopes = new ArrayList<>(dropsToReport.keySet());
    for (DropScope scope : scopes) {
      LongAdder count = dropsToReport.remove(scope);
      if (count == null || count.sum() == 0) {
        continue;
      }
      long n = count.sum();
      log.error(
          "dropped {} records of {} {}: the buffer for Kafka was full",
          n,
          scope.venue(),
          scope.stream());
      marker(
          new StatusMarker(
              scope.venue(),
              scope.symbol(),
              scope.nativeSymbol(),
              scope.stream(),
              StatusMarker.Status.DROPPED,
              null,
              "dropped "
                  + n
                  + " records: Kafka was slow or unreachable and the buffer (CONNECTOR_BUFFER_MAX_MESSAGES="
                  + config.maxMessages()
                  + ", CONNECTOR_BUFFER_MAX_BYTES="
                  + config.maxBytes()
                  + ") was full",
              n,
              clock.millis()));
    }
  }

  /**
   * Sends what is buffered within {@code timeout}, then closes the producer; anything still
   * unacknowledged after that is counted and logged as lost.
   */
  public void close(Duration timeout) {
    closing = true;
    long start = System.nanoTime();
    hardStopAtNanos = start + timeout.toNanos();
    try {
      sender.join(Math.max(1, timeout.toMillis()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    long left = Math.max(0, timeout.toNanos() - (System.nanoTime() - start));
    hardStopAtNanos = System.nanoTime();
    producer.close(Duration.ofNanos(Math.max(left, TimeUnit.MILLISECONDS.toNanos(500))));
    int lost = held.get() + priorityHeld.get();
    if (lost > 0) {
      log.error("stopped with {} records not acknowledged by Kafka", lost);
    }
  }

  @Override
  public void close() {
    close(Duration.ofSeconds(10));
  }
}
