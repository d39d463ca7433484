package io.tickwire.bench.jobs;

import io.tickwire.infra.LocalKafka;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.kafka.TopicProvisioner;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * End-to-end load harness for the stream jobs on a local broker (KRaft, in this JVM). For each job,
 * as {@code tickwire run --target <job>} runs it (one stream thread, exactly-once, default commit
 * interval):
 *
 * <ol>
 *   <li>throughput: the input topic is filled first, then the job starts; the rate is the records
 *       its committed offsets advance per second, from 10 % to 100 % of the input (the start-up and
 *       the first JIT compilation left out);
 *   <li>latency: the job keeps running while records arrive at a fixed rate; for every output
 *       record, the time from producing its newest input to reading it (read_committed).
 * </ol>
 *
 * <pre>{@code
 * java -Xmx3g -cp bench/target/benchmarks.jar io.tickwire.bench.jobs.StreamJobsLoad \
 *     [--jobs kline-closer,book-aggregator,premium] [--records 1000000] [--rate 5000] [--seconds 20]
 *     [--commit-interval 100]
 * }</pre>
 */
public final class StreamJobsLoad {

  private static final Duration LATENCY_WARM_UP = Duration.ofSeconds(3);

  private final LocalKafka kafka;
  private final Admin admin;
  private final String commitInterval;

  private StreamJobsLoad(LocalKafka kafka, String commitInterval) {
    this.kafka = kafka;
    this.commitInterval = commitInterval;
    this.admin = Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
  }

  /** Records per second of wall time, and per second of the stream thread's own CPU time. */
  record Throughput(double perSecond, double perCpuSecond) {}

  record Result(
      String job,
      String workload,
      long records,
      Throughput throughput,
      int rate,
      long[] latencies) {

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %,d | %,.0f | %,.0f | %,d | %d | %d | %d | %,d |",
          job,
          records,
          throughput.perSecond(),
          throughput.perCpuSecond(),
          rate,
          percentile(50),
          percentile(99),
          percentile(100),
          latencies.length);
    }

    private long percentile(int p) {
      if (latencies.length == 0) {
        return -1;
      }
      int index = (int) Math.ceil(p / 100.0 * latencies.length) - 1;
      return latencies[Math.max(0, Math.min(latencies.length - 1, index))];
    }
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    List<String> jobs =
        Arrays.asList(
            options.getOrDefault("jobs", "kline-closer,book-aggregator,premium").split(","));
    long records = Long.parseLong(options.getOrDefault("records", "1000000"));
    int rate = Integer.parseInt(options.getOrDefault("rate", "5000"));
    Duration duration = Duration.ofSeconds(Long.parseLong(options.getOrDefault("seconds", "20")));
    String commitInterval = options.getOrDefault("commit-interval", "100");
    List<Result> results = new ArrayList<>();
    try (LocalKafka kafka = LocalKafka.start(0)) {
      StreamJobsLoad load = new StreamJobsLoad(kafka, commitInterval);
      for (String job : jobs) {
        Workload workload = workload(job.trim());
        long count = workload instanceof PremiumWorkload ? records * 3 / 10 : records;
        results.add(load.run(workload, count, rate, duration));
        System.out.println(results.get(results.size() - 1).row());
      }
      load.admin.close();
    }
    System.out.printf(
        "%n| job | input records | records/s (1 stream thread) | records per stream-thread CPU second"
            + " | latency run: records/s | p50 ms | p99 ms | max ms | outputs measured |"
            + "%n|---|---|---|---|---|---|---|---|---|%n");
    results.forEach(r -> System.out.println(r.row()));
    results.forEach(r -> System.out.println("- " + r.job() + ": " + r.workload()));
    System.exit(0);
  }

  private Result run(Workload workload, long records, int rate, Duration duration)
      throws Exception {
    String prefix = "bench" + Long.toHexString(System.nanoTime()) + ".";
    String input = prefix + workload.input().name();
    // as the services provision: created with the registry's settings, served before writing
    new TopicProvisioner(admin, 1).apply(List.of(workload.input().withPrefix(prefix)));
    System.out.printf("%s: producing %,d records ...%n", workload.target(), records);
    try (KafkaProducer<String, byte[]> producer = producer()) {
      for (long i = 0; i < records; i++) {
        producer.send(workload.next(input, System.currentTimeMillis()));
        if (i % 20_000 == 19_999) {
          producer.flush(); // keeps batches young on a busy machine, so none expires
        }
      }
      producer.flush();
    }
    Map<TopicPartition, Long> ends = endOffsets(input, workload.input().partitions());
    System.out.printf("%s: starting the job ...%n", workload.target());
    try (ServiceHost host = ServiceHost.start(List.of(provider(workload.target())), env(prefix))) {
      Throughput throughput = throughput(prefix + workload.applicationId(), input, ends, records);
      System.out.println(threadMetrics(host.services().get(0).health().port()));
      System.out.printf(
          "%s: %,.0f records/s; latency at %,d records/s ...%n",
          workload.target(), throughput.perSecond(), rate);
      long[] latencies = latency(workload, prefix, input, rate, duration);
      return new Result(
          workload.target(), workload.describe(), records, throughput, rate, latencies);
    }
  }

  /**
   * Committed input offsets per second between 10 % and 100 % of the input, and per second of CPU
   * time the job's stream thread used meanwhile (what one thread would do with a core of its own;
   * the producer's I/O thread and the broker are not counted).
   */
  private Throughput throughput(
      String group, String input, Map<TopicPartition, Long> ends, long records) throws Exception {
    long total = ends.values().stream().mapToLong(Long::longValue).sum();
    long fromCount = -1;
    long fromTime = 0;
    long fromCpu = 0;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(10);
    while (System.nanoTime() < deadline) {
      long committed = committed(group, input);
      long now = System.nanoTime();
      if (fromCount < 0 && committed >= total / 10) {
        fromCount = committed;
        fromTime = now;
        fromCpu = streamThreadCpu(group);
      }
      if (committed >= total && fromCount >= 0) {
        double seconds = (now - fromTime) / 1e9;
        double cpuSeconds = (streamThreadCpu(group) - fromCpu) / 1e9;
        return new Throughput(
            (committed - fromCount) / seconds, (committed - fromCount) / cpuSeconds);
      }
      Thread.sleep(50);
    }
    throw new IllegalStateException(group + " did not consume " + records + " records in time");
  }

  /** CPU time (ns) used so far by the stream threads of an application in this JVM. */
  private static long streamThreadCpu(String applicationId) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long cpu = 0;
    for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null && info.getThreadName().startsWith(applicationId + "-StreamThread-")) {
        cpu += Math.max(0, threads.getThreadCpuTime(info.getThreadId()));
      }
    }
    return cpu;
  }

  /** Produces at {@code rate} for {@code duration} and measures every output's delay. */
  private long[] latency(
      Workload workload, String prefix, String input, int rate, Duration duration)
      throws Exception {
    String output = prefix + workload.output().name();
    List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
    AtomicBoolean producing = new AtomicBoolean(true);
    long start = System.currentTimeMillis();
    long measureFrom = start + LATENCY_WARM_UP.toMillis();
    Thread reader =
        new Thread(
            () -> {
              try (KafkaConsumer<String, byte[]> consumer = consumer()) {
                List<TopicPartition> partitions =
                    partitions(output, workload.output().partitions());
                consumer.assign(partitions);
                consumer.seekToEnd(partitions);
                consumer.poll(Duration.ZERO);
                while (producing.get()
                    || System.currentTimeMillis() < start + duration.toMillis() + 3_000) {
                  for (ConsumerRecord<String, byte[]> record :
                      consumer.poll(Duration.ofMillis(20))) {
                    long now = System.currentTimeMillis();
                    long origin = workload.origin(record);
                    if (origin >= measureFrom) {
                      latencies.add(now - origin);
                    }
                  }
                }
              }
            },
            "latency-reader");
    reader.start();
    try (KafkaProducer<String, byte[]> producer = producer()) {
      long perSlot = Math.max(1, rate / 100); // a batch every 10 ms
      long next = System.nanoTime();
      long end = next + duration.toNanos();
      while (System.nanoTime() < end) {
        for (long i = 0; i < perSlot; i++) {
          producer.send(workload.next(input, System.currentTimeMillis()));
        }
        next += TimeUnit.MILLISECONDS.toNanos(10);
        LockSupport.parkNanos(next - System.nanoTime());
      }
      producer.flush();
    }
    producing.set(false);
    reader.join();
    long[] sorted = latencies.stream().mapToLong(Long::longValue).sorted().toArray();
    return sorted;
  }

  /** Where the stream thread spent its time, from the job's own /metrics. */
  private static String threadMetrics(int port) throws Exception {
    String metrics =
        java.net.http.HttpClient.newHttpClient()
            .send(
                java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/metrics"))
                    .build(),
                java.net.http.HttpResponse.BodyHandlers.ofString())
            .body();
    return metrics
        .lines()
        .filter(
            line ->
                line.matches(
                    "kafka_stream_thread_(poll|process|punctuate|commit)_(ratio|latency_avg|rate)\\{.*"))
        .map(line -> "  " + line.replaceAll("\\{.*\\}", ""))
        .collect(Collectors.joining("\n"));
  }

  private long committed(String group, String topic) throws Exception {
    Map<TopicPartition, OffsetAndMetadata> offsets =
        admin
            .listConsumerGroupOffsets(group)
            .partitionsToOffsetAndMetadata()
            .get(10, TimeUnit.SECONDS);
    return offsets.entrySet().stream()
        .filter(e -> e.getKey().topic().equals(topic) && e.getValue() != null)
        .mapToLong(e -> e.getValue().offset())
        .sum();
  }

  private Map<TopicPartition, Long> endOffsets(String topic, int count) throws Exception {
    Map<TopicPartition, OffsetSpec> request =
        partitions(topic, count).stream()
            .collect(Collectors.toMap(p -> p, p -> OffsetSpec.latest()));
    Map<TopicPartition, Long> ends = new HashMap<>();
    admin
        .listOffsets(request)
        .all()
        .get(30, TimeUnit.SECONDS)
        .forEach((partition, info) -> ends.put(partition, info.offset()));
    return ends;
  }

  private static List<TopicPartition> partitions(String topic, int count) {
    List<TopicPartition> partitions = new ArrayList<>();
    for (int p = 0; p < count; p++) {
      partitions.add(new TopicPartition(topic, p));
    }
    return partitions;
  }

  private Map<String, String> env(String prefix) {
    return Map.of(
        "KAFKA_BOOTSTRAP_SERVERS",
        kafka.bootstrapServers(),
        "TOPIC_PREFIX",
        prefix,
        "HEALTH_PORT_BASE",
        "0",
        "KAFKA_STREAMS_NUM_STREAM_THREADS",
        "1");
  }

  private KafkaProducer<String, byte[]> producer() {
    return new KafkaProducer<>(
        Map.of(
            "bootstrap.servers",
            kafka.bootstrapServers(),
            "acks",
            "all",
            "linger.ms",
            5,
            "batch.size",
            256 * 1024,
            "compression.type",
            "lz4"),
        new StringSerializer(),
        new ByteArraySerializer());
  }

  private KafkaConsumer<String, byte[]> consumer() {
    return new KafkaConsumer<>(
        Map.of(
            "bootstrap.servers",
            kafka.bootstrapServers(),
            "isolation.level",
            "read_committed",
            "enable.auto.commit",
            false),
        new StringDeserializer(),
        new ByteArrayDeserializer());
  }

  private static ServiceProvider provider(String target) {
    return ServiceLoader.load(ServiceProvider.class).stream()
        .map(ServiceLoader.Provider::get)
        .filter(p -> p.name().equals(target))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no target " + target));
  }

  private static Workload workload(String job) {
    return switch (job) {
      case "kline-closer" -> new KlineWorkload();
      case "book-aggregator" -> new BookWorkload();
      case "premium" -> new PremiumWorkload();
      default -> throw new IllegalArgumentException("unknown job " + job);
    };
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    return options;
  }
}
