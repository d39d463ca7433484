package io.tickwire.jobs.kline;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.jobs.JobProcess;
import io.tickwire.jobs.LocalState;
import io.tickwire.jobs.TopicReader;
import io.tickwire.model.Kline;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * kline-closer killed mid-stream (SIGKILL: no commit, no flush) and started again still publishes
 * every closed candle exactly once: what the dead instance wrote but had not committed is aborted,
 * what it committed is remembered by the restored store. Read as consumers read it: committed only.
 */
class KlineCloserRestartIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final int INSTRUMENTS = 12;
  private static final int CANDLES = 60;
  private static final long MINUTE = 60_000;
  private static final long START =
      System.currentTimeMillis() / MINUTE * MINUTE - 3 * CANDLES * MINUTE;

  private final String prefix = KafkaExtension.uniquePrefix();
  private final Topic<String, Kline> klines = Topics.KLINES.withPrefix(prefix);
  private final Topic<String, Kline> closed = Topics.KLINES_CLOSED.withPrefix(prefix);
  private final Path logs = Path.of("target", "kline-closer-restart-it");
  private Path state;
  private Process job;

  @AfterEach
  void killJob() throws InterruptedException {
    if (job != null) {
      job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }
    if (state != null) {
      LocalState.delete(state);
    }
  }

  @Test
  void aKilledAndRestartedJobPublishesEveryClosedCandleExactlyOnce() throws Exception {
    KAFKA.client().createTopics(List.of(klines, closed, Topics.DEAD_LETTERS.withPrefix(prefix)));
    state = Files.createTempDirectory("kline-closer-it-");
    Files.createDirectories(logs);
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
            "TOPIC_PREFIX", prefix,
            "HEALTH_PORT_BASE", "0",
            "STREAM_JOBS_STATE_DIR", state.toString(),
            "KAFKA_STREAMS_COMMIT_INTERVAL_MS", "100",
            // the killed instance never leaves the group: let the broker notice within seconds
            "KAFKA_STREAMS_CONSUMER_SESSION_TIMEOUT_MS", "6000",
            "KAFKA_STREAMS_CONSUMER_HEARTBEAT_INTERVAL_MS", "1000");
    AtomicInteger produced = new AtomicInteger();

    List<ConsumerRecord<String, Kline>> out;
    try (KafkaProducer<String, Kline> producer = producer();
        TopicReader<String, Kline> reader = new TopicReader<>(KAFKA.bootstrapServers(), closed)) {
      job = JobProcess.start("kline-closer", env, logs.resolve(prefix + "first.log"));
      sendStep(producer, 0, false);
      reader.pollUntil(
          records -> distinct(records) == INSTRUMENTS, Duration.ofSeconds(60), this::missing);
      CompletableFuture<Void> stream =
          CompletableFuture.runAsync(() -> produceCandles(producer, produced));

      reader.pollUntil(records -> distinct(records) >= INSTRUMENTS * 10, Duration.ofSeconds(60));
      job.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
      assertThat(produced.get()).as("killed while candles were still coming").isLessThan(CANDLES);

      job = JobProcess.start("kline-closer", env, logs.resolve(prefix + "second.log"));
      stream.get(120, TimeUnit.SECONDS);
      for (int n = 0; n < 40; n++) { // a replay of the first forty candles, closed again
        sendStep(producer, n, true);
      }
      sendStep(producer, CANDLES, false); // last candles: once they are out, all is processed

      out =
          reader.pollUntil(
              records -> distinct(records) >= INSTRUMENTS * (CANDLES + 1), Duration.ofSeconds(120));
    }

    Map<String, Long> copies =
        out.stream()
            .collect(Collectors.groupingBy(r -> r.value().candleId(), Collectors.counting()));
    assertThat(copies).hasSize(INSTRUMENTS * (CANDLES + 1));
    assertThat(copies.values()).allMatch(count -> count == 1);
    assertThat(out).allMatch(r -> r.value().closed() && r.key().equals(r.value().instrumentKey()));
  }

  /** One candle step every 100 ms: two open updates, the closed one and a reconnect duplicate. */
  private void produceCandles(KafkaProducer<String, Kline> producer, AtomicInteger produced) {
    for (int n = 1; n < CANDLES; n++) {
      sendStep(producer, n, false);
      produced.set(n + 1);
      try {
        Thread.sleep(100); // paces the simulated market, not a wait for a result
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }

  /** Sends one step of every instrument and waits until the broker acknowledged all of it. */
  private void sendStep(KafkaProducer<String, Kline> producer, int n, boolean replayOnly) {
    List<Future<RecordMetadata>> acks = new ArrayList<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      if (!replayOnly) {
        acks.add(send(producer, candle(i, n, "1.0", false)));
        acks.add(send(producer, candle(i, n, "1.1", false)));
      }
      acks.add(send(producer, candle(i, n, "1.2", true)));
      if (!replayOnly) {
        acks.add(send(producer, candle(i, n, "1.2", true)));
      }
    }
    for (Future<RecordMetadata> ack : acks) {
      try {
        ack.get(30, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException("candle step " + n + " was not acknowledged", e);
      }
    }
  }

  private Future<RecordMetadata> send(KafkaProducer<String, Kline> producer, Kline candle) {
    return producer.send(new ProducerRecord<>(klines.name(), candle.instrumentKey(), candle));
  }

  /** For a failure message: the closed candles not read yet, by instrument. */
  private String missing(List<ConsumerRecord<String, Kline>> records) {
    Set<String> seen = records.stream().map(r -> r.value().candleId()).collect(Collectors.toSet());
    Map<Integer, List<Integer>> missing = new TreeMap<>();
    for (int i = 0; i < INSTRUMENTS; i++) {
      for (int n = 0; n <= CANDLES; n++) {
        if (!seen.contains(candle(i, n, "", true).candleId())) {
          missing.computeIfAbsent(i, k -> new ArrayList<>()).add(n);
        }
      }
    }
    return "missing candles by instrument: " + missing;
  }

  private static long distinct(List<ConsumerRecord<String, Kline>> records) {
    return records.stream().map(r -> r.value().candleId()).distinct().count();
  }

  private KafkaProducer<String, Kline> producer() {
    return new KafkaProducer<>(
        Map.of("bootstrap.servers", KAFKA.bootstrapServers(), "acks", "all", "linger.ms", 5),
        new StringSerializer(),
        klines.valueSerde().serializer());
  }

  private static Kline candle(int instrument, int n, String close, boolean done) {
    String base = "COIN" + instrument;
    long open = START + n * MINUTE;
    return new Kline(
        "binance-spot",
        base + "-USDT",
        base + "USDT",
        "1m",
        open,
        open + MINUTE - 1,
        "1.0",
        "1.3",
        "0.9",
        close,
        "100",
        "110",
        "50",
        "55",
        10L,
        done,
        open + MINUTE,
        (open + MINUTE) * 1000);
  }
}
