package io.tickwire.bench;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOneModel;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.WriteModel;
import io.tickwire.infra.LocalKafka;
import io.tickwire.infra.LocalMongo;
import io.tickwire.infra.LocalRedis;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.kit.kafka.TopicProvisioner;
import io.tickwire.model.Json;
import io.tickwire.model.Kline;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.persist.mongo.MongoPersisterProvider;
import io.tickwire.persist.redis.RedisPersisterProvider;
import io.tickwire.persist.redis.reader.RedisKeys;
import io.tickwire.testkit.SampleEvents;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import redis.clients.jedis.RedisClient;

/**
 * End-to-end load harness for the persisters: fills the topics with records first, then starts the
 * persister service (as {@code tickwire run} would) and measures the sustained rate from its first
 * commit until it has committed the last record, so producing and start-up are not counted.
 * Everything runs on this machine: the Kafka broker (and mongo-java-server) in this JVM, Redis as a
 * child process.
 *
 * <pre>
 * java -cp bench/target/benchmarks.jar io.tickwire.bench.PersisterLoad redis [records] [symbols]
 * java -cp bench/target/benchmarks.jar io.tickwire.bench.PersisterLoad mongo [records] [symbols]
 * </pre>
 *
 * {@code REDIS_URL} / {@code MONGO_URI} point it at another server. For Redis it then runs {@code
 * redis-benchmark -P 16 -t set} against the same server, the ceiling the figure is compared with.
 */
public final class PersisterLoad {

  private static final long T0 = SampleEvents.T0;
  private static final String VENUE = "binance-usdm";
  private static final String PREFIX = "bench.";
  private static final String GROUP = "bench-persister";

  private PersisterLoad() {}

  public static void main(String[] args) throws Exception {
    String store = args.length > 0 ? args[0] : "redis";
    boolean redis = store.equals("redis");
    if (!redis && !store.equals("mongo")) {
      System.err.println("usage: PersisterLoad redis|mongo [records] [symbols]");
      System.exit(2);
    }
    int records = args.length > 1 ? Integer.parseInt(args[1]) : redis ? 2_000_000 : 300_000;
    int symbols = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    try (LocalKafka kafka = LocalKafka.start(0)) {
      KafkaClients clients = KafkaClients.of(kafka.bootstrapServers());
      try (Admin admin = clients.admin("bench")) {
        new TopicProvisioner(admin, 1).apply(Topics.all(PREFIX));
      }
      Map<String, String> env = new HashMap<>();
      env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
      env.put("TOPIC_PREFIX", PREFIX);
      env.put("HEALTH_PORT_BASE", "0");
      // tuning passes through: KAFKA_CONSUMER_*, REDIS_PERSISTER_*, MONGO_PERSISTER_*
      System.getenv()
          .forEach(
              (name, value) -> {
                if (name.startsWith("KAFKA_CONSUMER_")
                    || name.startsWith("REDIS_PERSISTER_")
                    || name.startsWith("MONGO_PERSISTER_")) {
                  env.put(name, value);
                }
              });
      if (redis) {
        runRedis(clients, env, records, symbols);
      } else {
        runMongo(clients, env, records, symbols);
      }
    }
  }

  private static void runRedis(
      KafkaClients kafka, Map<String, String> env, int records, int symbols) throws Exception {
    LocalRedis local = System.getenv("REDIS_URL") == null ? LocalRedis.start(0) : null;
    String url = local != null ? local.url() : System.getenv("REDIS_URL");
    try (RedisClient redis = RedisClient.create(url)) {
      redis.flushAll();
      long produceStart = System.nanoTime();
      produce(kafka, Topics.TICKERS, Topics.BBO, records, symbols);
      report("produced", records, System.nanoTime() - produceStart, "records");
      long commandsBefore = commandsProcessed(redis);
      env.put("REDIS_URL", url);
      env.put("REDIS_PERSISTER_GROUP", GROUP);
      env.put("REDIS_SUBS_BRIDGE", "false");
      double rate =
          consume(
              new RedisPersisterProvider(),
              kafka,
              env,
              records,
              topicNames(Topics.TICKERS, Topics.BBO));
      long commands = commandsProcessed(redis) - commandsBefore;
      System.out.printf(
          "Redis commands for %,d records: %,d (%.1f records per command: one HSET per hash per"
              + " batch)%n",
          records, commands, (double) records / commands);
      System.out.printf(
          "hash fields written: %,d%n",
          redis.hlen(RedisKeys.ticker(VENUE)) + redis.hlen(RedisKeys.bbo(VENUE)));
      Optional<Double> ceiling = redisBenchmark(url);
      ceiling.ifPresent(
          set ->
              System.out.printf(
                  "redis-benchmark -P 16 -t set: %,.0f SET/s; persister/ceiling = %.2f%n",
                  set, rate / set));
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  private static void runMongo(
      KafkaClients kafka, Map<String, String> env, int records, int symbols) throws Exception {
    LocalMongo local = System.getenv("MONGO_URI") == null ? LocalMongo.start(0) : null;
    String uri = local != null ? local.uri() : System.getenv("MONGO_URI");
    try {
      long produceStart = System.nanoTime();
      produce(kafka, Topics.KLINES_CLOSED, null, records, symbols);
      report("produced", records, System.nanoTime() - produceStart, "records");
      env.put("MONGO_URI", uri);
      env.put("MONGO_DATABASE", "bench" + System.currentTimeMillis());
      env.put("MONGO_PERSISTER_GROUP", GROUP);
      // the server's own rate first, on the same (still empty) server
      double ceiling = mongoCeiling(uri, Math.min(records, 20_000), symbols);
      double rate =
          consume(
              new MongoPersisterProvider(), kafka, env, records, topicNames(Topics.KLINES_CLOSED));
      System.out.println(
          "MongoDB server: "
              + (local != null ? "mongo-java-server 1.47 (H2 backend, in this JVM)" : "MONGO_URI"));
      System.out.printf("persister/ceiling = %.2f%n", rate / ceiling);
    } finally {
      if (local != null) {
        local.close();
      }
    }
  }

  /**
   * Round robin over the symbols; each round goes to the other topic (all to the first when there
   * is one), so every symbol has a ticker and a best bid/offer.
   */
  private static void produce(
      KafkaClients kafka, Topic<String, ?> first, Topic<String, ?> second, int records, int symbols)
      throws Exception {
    Map<String, Object> config = kafka.producerConfig("bench-producer");
    config.put(ProducerConfig.LINGER_MS_CONFIG, 20);
    config.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
    try (KafkaProducer<String, byte[]> producer =
        new KafkaProducer<>(
            config,
            new org.apache.kafka.common.serialization.StringSerializer(),
            new org.apache.kafka.common.serialization.ByteArraySerializer())) {
      for (int i = 0; i < records; i++) {
        int s = i % symbols;
        String base = "S" + s;
        Topic<String, ?> topic = second == null || i / symbols % 2 == 0 ? first : second;
        Object event = event(topic, base, i / symbols);
        producer.send(
            new ProducerRecord<>(
                PREFIX + topic.name(), VENUE + ":" + base + "-USDT", bytes(topic, event)));
      }
      producer.flush();
    }
  }

  @SuppressWarnings("unchecked")
  private static <V> byte[] bytes(Topic<String, V> topic, Object event) {
    return topic.valueSerde().serializer().serialize(topic.name(), (V) event);
  }

  private static Object event(Topic<String, ?> topic, String base, int n) {
    String symbol = base + "-USDT";
    String nativeSymbol = base + "USDT";
    String price = "16550." + (n % 100);
    if (topic == Topics.TICKERS) {
      return SampleEvents.ticker(VENUE, symbol, nativeSymbol, price, T0 + n * 100L);
    }
    if (topic == Topics.BBO) {
      return SampleEvents.bbo(VENUE, symbol, nativeSymbol, n, price);
    }
    long openTime = T0 + n * 60_000L;
    return SampleEvents.kline(
        VENUE, symbol, nativeSymbol, openTime, price, true, openTime + 60_000);
  }

  /**
   * Starts the service and returns records per second between its first commit and the commit of
   * the last record.
   */
  private static double consume(
      ServiceProvider provider,
      KafkaClients kafka,
      Map<String, String> env,
      int records,
      List<String> topics)
      throws Exception {
    try (Admin admin = kafka.admin("bench-observer");
        ServiceHost host = ServiceHost.start(List.of(provider), env)) {
      long firstAt = 0;
      long firstCount = 0;
      long committed = 0;
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(30);
      while (committed < records) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException(
              "gave up: " + committed + " of " + records + " committed");
        }
        Thread.sleep(20); // a measuring loop, not a test: sampling the committed offsets
        committed = committed(admin, topics);
        if (firstAt == 0 && committed > 0) {
          firstAt = System.nanoTime();
          firstCount = committed;
        }
      }
      long elapsed = System.nanoTime() - firstAt;
      return report(provider.name(), records - firstCount, elapsed, "records");
    }
  }

  private static long committed(Admin admin, List<String> topics) throws Exception {
    return admin
        .listConsumerGroupOffsets(GROUP)
        .partitionsToOffsetAndMetadata()
        .get()
        .entrySet()
        .stream()
        .filter(e -> topics.contains(e.getKey().topic()) && e.getValue() != null)
        .mapToLong(e -> ((OffsetAndMetadata) e.getValue()).offset())
        .sum();
  }

  private static List<String> topicNames(Topic<?, ?>... topics) {
    return java.util.Arrays.stream(topics).map(t -> PREFIX + t.name()).toList();
  }

  private static double report(String what, long count, long nanos, String unit) {
    double rate = count / (nanos / 1e9);
    System.out.printf(
        "%s: %,d %s in %.2f s = %,.0f %s/s%n", what, count, unit, nanos / 1e9, rate, unit);
    return rate;
  }

  private static long commandsProcessed(RedisClient redis) {
    Matcher m = Pattern.compile("total_commands_processed:(\\d+)").matcher(redis.info("stats"));
    return m.find() ? Long.parseLong(m.group(1)) : 0;
  }

  /**
   * The server's own rate for the same work without Kafka or the persister: unordered bulk upserts
   * of candle documents by id, 5000 per bulk write, straight from the driver; timed after an
   * untimed pass of the same size (mongo-java-server's speed more than doubles once warm).
   */
  private static double mongoCeiling(String uri, int documents, int symbols) {
    try (MongoClient client = MongoClients.create(uri)) {
      upserts(client.getDatabase("bench-warmup").getCollection("klines"), documents, symbols);
      long start = System.nanoTime();
      upserts(
          client.getDatabase("bench-ceiling" + System.currentTimeMillis()).getCollection("klines"),
          documents,
          symbols);
      return report(
          "driver bulk upserts (ceiling)", documents, System.nanoTime() - start, "documents");
    }
  }

  private static void upserts(MongoCollection<Document> collection, int documents, int symbols) {
    List<WriteModel<Document>> bulk = new ArrayList<>();
    for (int i = 0; i < documents; i++) {
      Kline kline = (Kline) event(Topics.KLINES_CLOSED, "S" + i % symbols, i / symbols);
      Document document = new Document(Json.mapper().convertValue(kline, Map.class));
      document.put("_id", kline.candleId());
      document.put("time", new Date(kline.openTime()));
      bulk.add(
          new ReplaceOneModel<>(
              Filters.eq("_id", kline.candleId()), document, new ReplaceOptions().upsert(true)));
      if (bulk.size() == 5000 || i == documents - 1) {
        collection.bulkWrite(bulk, new BulkWriteOptions().ordered(false));
        bulk.clear();
      }
    }
  }

  /** {@code redis-benchmark -P 16 -t set} against the same server, when it is on the PATH. */
  private static Optional<Double> redisBenchmark(String url) throws Exception {
    java.net.URI uri = java.net.URI.create(url);
    Process process;
    try {
      process =
          new ProcessBuilder(
                  "redis-benchmark",
                  "-h",
                  uri.getHost(),
                  "-p",
                  Integer.toString(uri.getPort()),
                  "-P",
                  "16",
                  "-t",
                  "set",
                  "-n",
                  "2000000",
                  "-q")
              .redirectErrorStream(true)
              .start();
    } catch (java.io.IOException notInstalled) {
      System.out.println("redis-benchmark not on the PATH: no ceiling measured");
      return Optional.empty();
    }
    Double rate = null;
    try (BufferedReader out =
        new BufferedReader(
            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      Pattern set = Pattern.compile("SET: ([0-9.]+) requests per second");
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        for (String part : line.split("\r")) {
          Matcher m = set.matcher(part);
          if (m.find()) {
            rate = Double.parseDouble(m.group(1));
          }
        }
      }
    }
    process.waitFor();
    return Optional.ofNullable(rate);
  }
}
