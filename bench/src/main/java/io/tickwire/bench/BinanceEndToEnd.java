package io.tickwire.bench;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.micrometer.core.instrument.search.Search;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.connector.ConnectorService;
import io.tickwire.connector.binance.BinanceConnectorProvider;
import io.tickwire.connector.ws.CloseReason;
import io.tickwire.connector.ws.WsClient;
import io.tickwire.connector.ws.WsListener;
import io.tickwire.connector.ws.WsOptions;
import io.tickwire.connector.ws.WsSession;
import io.tickwire.infra.LocalKafka;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.kit.kafka.TopicProvisioner;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.sim.ExchangeSim;
import io.tickwire.sim.SimConfig;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

/**
 * The end-to-end benchmark of connector-binance (issue 4): exchange-sim's load mode sends trade
 * frames on one connection; the connector, built exactly as the distribution builds it, parses,
 * maps and publishes each one twice (the raw frame to {@code raw.binance-spot.v1}, the trade to
 * {@code md.trades.v1}) to a real Kafka broker. Everything runs in this JVM on this machine: the
 * simulator, the broker, the connector.
 *
 * <ul>
 *   <li><b>Throughput</b> at each offered rate: trades that arrived in Kafka per second over the
 *       measured window (end offsets, nothing is consumed), and <b>loss</b>: once the load stops
 *       and the connector has drained, every message the simulator sent must be in {@code
 *       md.trades.v1} (the simulator's own count of messages it could not send to a slow client is
 *       reported as well).
 *   <li><b>Ceiling</b> (the baseline): the same simulator stream read by connector-core's WebSocket
 *       client with a listener that only counts, parsing nothing; the connector's rate is reported
 *       as a ratio to it.
 *   <li><b>Latency</b> at a moderate rate: receive (frame decoded) to Kafka acknowledgement, p50
 *       and p99, from the connector's own {@code connector.publish.latency} timer.
 * </ul>
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java -cp "bench/target/bench-0.1.0-SNAPSHOT.jar:bench/target/lib/*" io.tickwire.bench.BinanceEndToEnd \
 *     [--rates 50000,100000] [--latency-rate 10000] [--seconds 20] [--warmup 10] [--streams 100]
 * </pre>
 */
public final class BinanceEndToEnd {

  private static final String PREFIX = "bench.";

  private BinanceEndToEnd() {}

  /** One measured run. */
  record Result(
      int offered,
      double kafkaPerSecond,
      double ceilingPerSecond,
      long sent,
      long arrived,
      long simSkipped,
      long dropped,
      double p50Millis,
      double p99Millis) {}

  public static void main(String[] args) throws Exception {
    Map<String, String> options = options(args);
    List<Integer> rates = new ArrayList<>();
    for (String r : options.getOrDefault("rates", "50000,100000").split(",")) {
      rates.add(Integer.parseInt(r.trim()));
    }
    int latencyRate = Integer.parseInt(options.getOrDefault("latency-rate", "10000"));
    int seconds = Integer.parseInt(options.getOrDefault("seconds", "20"));
    int warmup = Integer.parseInt(options.getOrDefault("warmup", "10"));
    int streams = Integer.parseInt(options.getOrDefault("streams", "100"));
    System.out.printf(
        "connector-binance end to end: %d load streams on one connection, %d s warm-up, %d s"
            + " measured, %d cores%n",
        streams, warmup, seconds, Runtime.getRuntime().availableProcessors());
    try (LocalKafka kafka = LocalKafka.start(0)) {
      System.out.printf(
          "%-10s %14s %14s %8s %14s %14s %10s %10s %9s %9s%n",
          "offered/s",
          "ceiling/s",
          "kafka/s",
          "ratio",
          "sent",
          "in kafka",
          "sim skip",
          "dropped",
          "p50 ms",
          "p99 ms");
      int run = 0;
      for (int rate : rates) {
        print(measure(kafka, rate, seconds, warmup, streams, ++run));
      }
      print(measure(kafka, latencyRate, seconds, warmup, streams, ++run));
    }
  }

  private static void print(Result r) {
    System.out.printf(
        "%-10d %,14.0f %,14.0f %8.2f %,14d %,14d %,10d %,10d %9.1f %9.1f%n",
        r.offered(),
        r.ceilingPerSecond(),
        r.kafkaPerSecond(),
        r.kafkaPerSecond() / r.ceilingPerSecond(),
        r.sent(),
        r.arrived(),
        r.simSkipped(),
        r.dropped(),
        r.p50Millis(),
        r.p99Millis());
  }

  static Result measure(LocalKafka kafka, int rate, int seconds, int warmup, int streams, int run)
      throws Exception {
    double ceiling = ceiling(rate, seconds, warmup, streams);
    String prefix = PREFIX + run + ".";
    KafkaClients clients = KafkaClients.of(kafka.bootstrapServers());
    List<Topic<?, ?>> topics =
        List.of(
            Topics.RAW_BINANCE_SPOT.withPrefix(prefix),
            Topics.TRADES.withPrefix(prefix),
            Topics.STATUS.withPrefix(prefix),
            Topics.SUBSCRIPTIONS.withPrefix(prefix),
            Topics.DEAD_LETTERS.withPrefix(prefix));
    try (Admin admin = clients.admin("bench")) {
      new TopicProvisioner(admin, 1).apply(topics);
      // load mode must be on from the start (its instruments exist only then): a trickle until
      // the connector has subscribed, then the offered rate
      try (ExchangeSim sim = ExchangeSim.start(simConfig(1, streams))) {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        meters.config().meterFilter(percentiles("connector.publish.latency"));
        ConnectorService connector =
            connector(kafka.bootstrapServers(), prefix, sim, loadStreams(streams), meters);
        connector.start();
        try {
          await(
              () ->
                  connector.engine("binance-spot").allConnected()
                      && connector.engine("binance-spot").streams().size() == streams,
              60);
          String trades = Topics.TRADES.withPrefix(prefix).name();
          sim.load().rate(rate);
          Thread.sleep(warmup * 1000L);
          long arrived0 = records(admin, trades);
          long start = System.nanoTime();
          Thread.sleep(seconds * 1000L);
          long arrived1 = records(admin, trades);
          double elapsed = (System.nanoTime() - start) / 1e9;
          sim.load().rate(0);
          long sent = sim.load().sent();
          // drain: everything the simulator sent must reach Kafka
          long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
          long arrived = records(admin, trades);
          while (arrived < sent && System.nanoTime() < deadline) {
            Thread.sleep(200);
            arrived = records(admin, trades);
          }
          Timer latency = Search.in(meters).name("connector.publish.latency").timer();
          return new Result(
              rate,
              (arrived1 - arrived0) / elapsed,
              ceiling,
              sent,
              arrived,
              sim.load().skipped(),
              connector.publisher().dropped(),
              percentile(latency, 0.5),
              percentile(latency, 0.99));
        } finally {
          connector.close();
        }
      }
    }
  }

  /** The same stream, read by a client that counts frames and parses nothing. */
  static double ceiling(int rate, int seconds, int warmup, int streams) throws Exception {
    AtomicLong received = new AtomicLong();
    try (ExchangeSim sim = ExchangeSim.start(simConfig(rate, streams));
        WsClient ws = new WsClient("bench-ceiling", 1)) {
      StringJoiner names = new StringJoiner("/");
      loadStreams(streams).forEach(names::add);
      WsSession session =
          ws.connect(
              "ceiling",
              URI.create(sim.wsBaseUrl() + "/stream?streams=" + names),
              WsOptions.defaults(),
              new WsListener() {
                @Override
                public void onOpen(WsSession s) {}

                @Override
                public void onMessage(
                    WsSession s, byte[] payload, boolean binary, long receivedAtMicros) {
                  received.incrementAndGet();
                }

                @Override
                public void onClosed(WsSession s, CloseReason reason) {}
              });
      Thread.sleep(warmup * 1000L);
      long count0 = received.get();
      long start = System.nanoTime();
      Thread.sleep(seconds * 1000L);
      double perSecond = (received.get() - count0) / ((System.nanoTime() - start) / 1e9);
      session.close("done");
      return perSecond;
    }
  }

  private static SimConfig simConfig(int rate, int streams) {
    return SimConfig.builder()
        .loadRate(rate)
        .loadInstruments(streams)
        // the market model is not part of the measurement
        .instruments(SimConfig.defaultInstruments().subList(0, 1))
        .build();
  }

  private static List<String> loadStreams(int streams) {
    List<String> names = new ArrayList<>();
    for (int i = 0; i < streams; i++) {
      names.add(String.format(Locale.ROOT, "load%04dusdt@trade", i));
    }
    return names;
  }

  /** A connector-binance replica built as {@code tickwire run --target connector-binance} does. */
  static ConnectorService connector(
      String bootstrap,
      String prefix,
      ExchangeSim sim,
      List<String> streams,
      SimpleMeterRegistry meters) {
    Map<String, String> env = new HashMap<>();
    env.put("KAFKA_BOOTSTRAP_SERVERS", bootstrap);
    env.put("TOPIC_PREFIX", prefix);
    env.put("BINANCE_SPOT_WS_URL", sim.wsBaseUrl());
    env.put("BINANCE_SPOT_REST_URL", sim.httpBaseUrl());
    env.put("BINANCE_USDM_WS_URL", sim.wsBaseUrl());
    env.put("BINANCE_USDM_REST_URL", sim.httpBaseUrl());
    env.put("BINANCE_SPOT_STREAMS", String.join(",", streams));
    BinanceConnectorProvider provider = new BinanceConnectorProvider();
    Settings settings = Settings.parse(ServiceHost.settingsOf(List.of(provider)), env);
    return (ConnectorService)
        provider.create(
            new ServiceContext(
                provider.name(), settings, KafkaClients.from(settings), meters, Clock.systemUTC()));
  }

  private static MeterFilter percentiles(String name) {
    return new MeterFilter() {
      @Override
      public DistributionStatisticConfig configure(
          Meter.Id id, DistributionStatisticConfig config) {
        if (!id.getName().equals(name)) {
          return config;
        }
        return DistributionStatisticConfig.builder()
            .percentiles(0.5, 0.99)
            .expiry(Duration.ofMinutes(10))
            .bufferLength(1)
            .build()
            .merge(config);
      }
    };
  }

  private static double percentile(Timer timer, double p) {
    if (timer == null) {
      return Double.NaN;
    }
    for (ValueAtPercentile v : timer.takeSnapshot().percentileValues()) {
      if (v.percentile() == p) {
        return v.value(TimeUnit.MILLISECONDS);
      }
    }
    return Double.NaN;
  }

  private static long records(Admin admin, String topic) throws Exception {
    List<TopicPartition> partitions = new ArrayList<>();
    int count =
        admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    for (int p = 0; p < count; p++) {
      TopicPartition tp = new TopicPartition(topic, p);
      partitions.add(tp);
      latest.put(tp, OffsetSpec.latest());
    }
    long total = 0;
    for (var info : admin.listOffsets(latest).all().get().values()) {
      total += info.offset();
    }
    return total;
  }

  private interface Condition {
    boolean met() throws Exception;
  }

  private static void await(Condition condition, int seconds) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!condition.met()) {
      if (System.nanoTime() > deadline) {
        throw new IllegalStateException("not ready within " + seconds + " s");
      }
      Thread.sleep(100);
    }
  }

  private static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("expected --option value, got " + args[i]);
      }
      options.put(args[i].substring(2), args[i + 1]);
    }
    return options;
  }
}
