package io.tickwire.kit.kafka;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.kit.Backoff;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.Topic;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.CloseOptions;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes topics into a store: each poll is one batch handed to a {@link BatchWriter}; offsets are
 * committed only after the store acknowledged the batch, so a crash or an outage never loses a
 * record (it is written again: writers are idempotent). When the store fails, consumption pauses
 * (the consumer stays in its group), the same batch is retried with exponential backoff, the
 * {@linkplain #healthCheck() readiness check} fails, and consumption resumes where it stopped once
 * a retry succeeds. Records the writer rejects go to {@code deadletter.v1} with the reason before
 * their offsets are committed.
 *
 * <p>Values arrive as bytes: writers decode what they need (or copy it through untouched), and a
 * record that cannot be decoded is one rejection, never a stuck partition.
 *
 * <p>One thread per instance; replicas in one consumer group share the partitions.
 */
public final class BatchWriteConsumer implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(BatchWriteConsumer.class);
  private static final Duration COMMIT_TIMEOUT = Duration.ofSeconds(10);
  private static final Duration DEAD_LETTER_TIMEOUT = Duration.ofSeconds(30);

  private final String name;
  private final String store;
  private final List<String> topics;
  private final BatchWriter writer;
  private final Duration pollTimeout;
  private final Backoff backoff;
  private final Clock clock;
  private final KafkaConsumer<String, byte[]> consumer;
  private final DeadLetterProducer deadLetters;
  private final KafkaClientMetrics consumerMetrics;
  private final Counter written;
  private final Counter deadLettered;
  private final Counter failedWrites;
  private final Timer batchTimer;
  private final Thread thread;

  /** Written but not yet committed; touched only by the consumer thread. */
  private final Map<TopicPartition, OffsetAndMetadata> owed = new HashMap<>();

  /** The batch the store refused, retried until it is written; null while the store is fine. */
  private List<ConsumerRecord<String, byte[]>> pending;

  private volatile boolean running = true;
  private volatile Instant unavailableSince;
  private volatile String lastError;
  private volatile Throwable crashed;

  private BatchWriteConsumer(Builder b) {
    this.name = b.name;
    this.store = b.store;
    this.topics = b.topics.stream().map(t -> b.kafka.topic(t).name()).distinct().toList();
    this.writer = Objects.requireNonNull(b.writer, "writer");
    this.pollTimeout = b.pollTimeout;
    this.backoff = new Backoff(b.backoffBase, b.backoffCap);
    this.clock = b.clock;
    Map<String, Object> config = b.kafka.consumerConfig(b.groupId, b.name);
    config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, b.maxBatch);
    this.consumer =
        new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer());
    this.deadLetters = new DeadLetterProducer(b.kafka, b.name + "-deadletters");
    MeterRegistry meters = b.meters;
    this.consumerMetrics = new KafkaClientMetrics(consumer);
    consumerMetrics.bindTo(meters);
    this.written = records(meters, "written");
    this.deadLettered = records(meters, "dead_lettered");
    this.failedWrites =
        Counter.builder("tickwire.consumer.write.failures")
            .description("Batch writes the store failed (each is retried)")
            .tags("consumer", name, "store", store)
            .register(meters);
    this.batchTimer =
        Timer.builder("tickwire.consumer.batch.write")
            .description("Time to write one poll's batch, until the store acknowledged it")
            .tags("consumer", name, "store", store)
            .register(meters);
    Gauge.builder("tickwire.consumer.paused", this, c -> c.unavailableSince == null ? 0 : 1)
        .description("1 while consumption is paused because the store is failing")
        .tags("consumer", name, "store", store)
        .register(meters);
    this.thread = new Thread(this::run, name + "-consumer");
  }

  private Counter records(MeterRegistry meters, String outcome) {
    return Counter.builder("tickwire.consumer.records")
        .description("Records consumed and written (or dead-lettered) and committed")
        .tags("consumer", name, "store", store, "outcome", outcome)
        .register(meters);
  }

  /**
   * @param name client id, default consumer group and dead-letter source, e.g. {@code
   *     persister-redis}
   */
  public static Builder builder(KafkaClients kafka, String name) {
    return new Builder(kafka, name);
  }

  /** Starts consuming on its own thread. */
  public void start() {
    thread.start();
  }

  /** True while the store is failing and consumption is paused. */
  public boolean paused() {
    return unavailableSince != null;
  }

  /**
   * Fails while writes are failing (consumption paused) or the consumer stopped on an unexpected
   * error, with what happened as the detail.
   */
  public HealthCheck healthCheck() {
    return HealthCheck.of(
        store + "-writes",
        () -> {
          Throwable fatal = crashed;
          if (fatal != null) {
            throw new IllegalStateException("consumer stopped: " + fatal);
          }
          Instant since = unavailableSince;
          if (since != null) {
            throw new IllegalStateException(
                "writes to "
                    + store
                    + " failing since "
                    + since
                    + ", consumption paused, retrying: "
                    + lastError);
          }
          return true;
        });
  }

  private void run() {
    try {
      consumer.subscribe(topics, new Rebalance());
      while (running) {
        if (pending == null) {
          ConsumerRecords<String, byte[]> polled = consumer.poll(pollTimeout);
          if (!polled.isEmpty()) {
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(polled.count());
            polled.forEach(batch::add);
            attempt(batch);
          }
        } else {
          retryPending();
        }
        commitOwed(null);
      }
    } catch (WakeupException e) {
      if (running) {
        crashed = e;
      }
    } catch (Exception | Error e) {
      crashed = e;
      log.error("{}: consumer stopped on an unexpected error", name, e);
    } finally {
      try {
        commitOwed(null);
      } finally {
        consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
      }
    }
  }

  /** Writes the batch; on success commits it, on failure keeps it and pauses consumption. */
  private void attempt(List<ConsumerRecord<String, byte[]>> batch) {
    long start = System.nanoTime();
    try {
      List<BatchWriter.Rejection> rejected = batch.isEmpty() ? List.of() : writer.write(batch);
      sendDeadLetters(rejected);
      batchTimer.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
      written.increment(batch.size() - rejected.size());
      deadLettered.increment(rejected.size());
      for (ConsumerRecord<String, byte[]> record : batch) {
        owed.merge(
            new TopicPartition(record.topic(), record.partition()),
            new OffsetAndMetadata(record.offset() + 1),
            (a, b) -> a.offset() >= b.offset() ? a : b);
      }
      commitOwed(null);
      if (pending != null) {
        log.info(
            "{}: {} is back after {}; resuming consumption",
            name,
            store,
            Duration.between(unavailableSince, clock.instant()));
        consumer.resume(consumer.assignment());
      }
      pending = null;
      unavailableSince = null;
      lastError = null;
      backoff.reset();
    } catch (WakeupException e) {
      throw e;
    } catch (Exception e) {
      failedWrites.increment();
      lastError = String.valueOf(e);
      if (pending == null) {
        unavailableSince = clock.instant();
        log.warn(
            "{}: writing {} records to {} failed; pausing consumption and retrying with backoff",
            name,
            batch.size(),
            store,
            e);
        consumer.pause(consumer.assignment());
      } else {
        log.debug("{}: retry {} failed: {}", name, backoff.attempts(), e.toString());
      }
      pending = batch;
    }
  }

  private void retryPending() {
    // polling while paused keeps the group membership and runs rebalance callbacks; it returns
    // records only for partitions assigned and not yet paused, which belong after the batch
    ConsumerRecords<String, byte[]> polled = consumer.poll(backoff.next());
    List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(pending);
    polled.forEach(batch::add);
    if (!polled.isEmpty()) {
      consumer.pause(consumer.assignment());
    }
    attempt(batch);
  }

  private void sendDeadLetters(List<BatchWriter.Rejection> rejected) throws Exception {
    if (rejected.isEmpty()) {
      return;
    }
    long now = clock.millis();
    List<Future<?>> acks = new ArrayList<>(rejected.size());
    for (BatchWriter.Rejection r : rejected) {
      ConsumerRecord<String, byte[]> record = r.record();
      acks.add(
          deadLetters.send(
              DeadLetter.ofRecord(
                  name,
                  record.topic(),
                  record.partition(),
                  record.offset(),
                  r.reason(),
                  record.value(),
                  now)));
    }
    deadLetters.flush();
    for (Future<?> ack : acks) {
      ack.get(DEAD_LETTER_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  /** Commits what was written (only {@code partitions} when given); keeps it on failure. */
  private void commitOwed(Collection<TopicPartition> partitions) {
    Map<TopicPartition, OffsetAndMetadata> offsets = new HashMap<>(owed);
    if (partitions != null) {
      offsets.keySet().retainAll(partitions);
    }
    if (offsets.isEmpty()) {
      return;
    }
    try {
      consumer.commitSync(offsets, COMMIT_TIMEOUT);
      offsets.forEach(owed::remove);
    } catch (WakeupException e) {
      throw e;
    } catch (KafkaException e) {
      // written records whose commit failed are written again after a restart: harmless
      log.debug("{}: commit failed, retrying later: {}", name, e.toString());
    }
  }

  private final class Rebalance implements ConsumerRebalanceListener {
    @Override
    public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
      commitOwed(partitions);
      forget(partitions);
    }

    @Override
    public void onPartitionsLost(Collection<TopicPartition> partitions) {
      forget(partitions);
    }

    @Override
    public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
      if (pending != null) {
        consumer.pause(partitions);
      }
    }

    /** Another member owns these now and starts from their committed offsets. */
    private void forget(Collection<TopicPartition> partitions) {
      partitions.forEach(owed::remove);
      if (pending != null) {
        pending =
            pending.stream()
                .filter(r -> !partitions.contains(new TopicPartition(r.topic(), r.partition())))
                .toList();
      }
    }
  }

  /** Stops after the current batch, commits what was written, and leaves the group. */
  @Override
  public void close() {
    running = false;
    consumer.wakeup();
    if (thread.isAlive()) {
      try {
        thread.join(Duration.ofSeconds(30).toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    } else if (thread.getState() == Thread.State.NEW) {
      consumer.close(CloseOptions.timeout(Duration.ofSeconds(5)));
    }
    consumerMetrics.close();
    deadLetters.close();
  }

  /** Configures a {@link BatchWriteConsumer}. */
  public static final class Builder {
    private final KafkaClients kafka;
    private final String name;
    private String groupId;
    private String store = "store";
    private List<Topic<String, ?>> topics = List.of();
    private BatchWriter writer;
    private int maxBatch = 2000;
    private Duration pollTimeout = Duration.ofMillis(500);
    private Duration backoffBase = Duration.ofMillis(100);
    private Duration backoffCap = Duration.ofSeconds(10);
    private MeterRegistry meters = new SimpleMeterRegistry();
    private Clock clock = Clock.systemUTC();

    private Builder(KafkaClients kafka, String name) {
      this.kafka = Objects.requireNonNull(kafka);
      this.name = Objects.requireNonNull(name);
      this.groupId = name;
    }

    /** Registry topics; the deployment's topic prefix is applied. */
    public Builder topics(Collection<? extends Topic<String, ?>> topics) {
      this.topics = List.copyOf(topics);
      return this;
    }

    public Builder groupId(String groupId) {
      this.groupId = Objects.requireNonNull(groupId);
      return this;
    }

    /** The store's name in logs, metrics and the readiness check, e.g. {@code redis}. */
    public Builder store(String store) {
      this.store = Objects.requireNonNull(store);
      return this;
    }

    public Builder writer(BatchWriter writer) {
      this.writer = writer;
      return this;
    }

    /** The most records one poll (one batch) holds: {@code max.poll.records}. */
    public Builder maxBatch(int maxBatch) {
      if (maxBatch < 1) {
        throw new IllegalArgumentException("maxBatch must be positive, got " + maxBatch);
      }
      this.maxBatch = maxBatch;
      return this;
    }

    public Builder pollTimeout(Duration pollTimeout) {
      this.pollTimeout = Objects.requireNonNull(pollTimeout);
      return this;
    }

    /** Retries of a failed batch wait up to base * 2^n, at most cap (full jitter). */
    public Builder retryBackoff(Duration base, Duration cap) {
      this.backoffBase = base;
      this.backoffCap = cap;
      return this;
    }

    public Builder meters(MeterRegistry meters) {
      this.meters = Objects.requireNonNull(meters);
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock);
      return this;
    }

    public BatchWriteConsumer build() {
      if (topics.isEmpty()) {
        throw new IllegalStateException(name + ": no topics to consume");
      }
      return new BatchWriteConsumer(this);
    }
  }
}
