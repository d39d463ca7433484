package io.tickwire.connector.binance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.model.RawHeaders;
import io.tickwire.model.Topics;
import io.tickwire.model.Venue;
import io.tickwire.sim.SimConfig;
import io.tickwire.testkit.ExchangeSimExtension;
import io.tickwire.testkit.KafkaExtension;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replicas share the streams through the control topic's consumer group: two split them, a third
 * joins and takes its share, one stops and its streams move to the others. Read from raw frames in
 * Kafka: every stream is served by exactly one replica at a time (after the handovers), and no
 * stream goes unserved for longer than a rebalance.
 */
class ReplicasIT extends BinanceSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @RegisterExtension
  static final ExchangeSimExtension SIM = ExchangeSimExtension.start(SimConfig.defaults());

  /** Longest a stream may go unserved: the session timeout plus a reconnect on a busy machine. */
  private static final long MAX_UNSERVED_MICROS = 15_000_000;

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Override
  ExchangeSimExtension sim() {
    return SIM;
  }

  @Test
  void replicasShareTheStreamsAndHandThemOver() {
    List<String> streams = new ArrayList<>();
    for (String symbol : List.of("btcusdt", "ethusdt", "bnbusdt", "solusdt", "xrpusdt")) {
      for (String depth : List.of("depth5", "depth10", "depth20")) {
        streams.add(symbol + "@" + depth + "@100ms");
        streams.add(symbol + "@" + depth);
      }
    }
    subscribe(Venue.BINANCE_SPOT, streams);
    ConnectorHarness r1 = start(replica("r1"));
    ConnectorHarness r2 = start(replica("r2"));
    await()
        .atMost(WAIT)
        .until(() -> servedOnce(streams, r1, r2) && !served(r1).isEmpty() && !served(r2).isEmpty());

    ConnectorHarness r3 = start(replica("r3"));
    await().atMost(WAIT).until(() -> !served(r3).isEmpty() && servedOnce(streams, r1, r2, r3));
    long handedOver = System.currentTimeMillis() * 1000;

    replicas.remove(r1);
    r1.close();
    await().atMost(WAIT).until(() -> servedOnce(streams, r2, r3));
    long closedAt = System.currentTimeMillis() * 1000;

    // every stream's raw frames, by receive time: who served it and the longest silence
    List<ConsumerRecord<String, byte[]>> raw =
        kafka.readUntil(
            Topics.RAW_BINANCE_SPOT.withPrefix(prefix),
            records ->
                streams.stream()
                    .allMatch(
                        s ->
                            records.stream()
                                .anyMatch(
                                    r ->
                                        r.key().equals(s) && receivedAt(r) > closedAt + 3_000_000)),
            WAIT);
    Map<String, List<Long>> times = new HashMap<>();
    Set<String> replicasSeen = new HashSet<>();
    for (ConsumerRecord<String, byte[]> r : raw) {
      times.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(receivedAt(r));
      replicasSeen.add(connection(r).substring(0, 2));
    }
    assertThat(replicasSeen).containsExactlyInAnyOrder("r1", "r2", "r3");
    for (String stream : streams) {
      List<Long> t = times.get(stream).stream().sorted().toList();
      long longest = 0;
      for (int i = 1; i < t.size(); i++) {
        longest = Math.max(longest, t.get(i) - t.get(i - 1));
      }
      assertThat(longest).as("longest silence of %s (µs)", stream).isLessThan(MAX_UNSERVED_MICROS);
    }
    // after the last handover, r1 published nothing
    assertThat(raw)
        .filteredOn(r -> receivedAt(r) > closedAt)
        .allSatisfy(r -> assertThat(connection(r)).doesNotStartWith("r1/"));
    assertThat(handedOver).isLessThan(closedAt);
  }

  private Map<String, String> replica(String id) {
    Map<String, String> env = env();
    env.put("CONNECTOR_REPLICA_ID", id);
    return env;
  }

  private static Set<String> served(ConnectorHarness replica) {
    var engine = replica.engine("binance-spot");
    return engine == null ? Set.of() : engine.streams();
  }

  /** Every stream is served by exactly one of the replicas, on an open connection. */
  private static boolean servedOnce(List<String> streams, ConnectorHarness... replicas) {
    List<String> all = new ArrayList<>();
    for (ConnectorHarness r : replicas) {
      if (!r.engine("binance-spot").allConnected()) {
        return false;
      }
      all.addAll(served(r));
    }
    return all.size() == streams.size() && Set.copyOf(all).equals(Set.copyOf(streams));
  }

  private static long receivedAt(ConsumerRecord<String, byte[]> r) {
    return Long.parseLong(header(r, RawHeaders.RECEIVED_AT));
  }

  private static String connection(ConsumerRecord<String, byte[]> r) {
    return header(r, RawHeaders.CONNECTION_ID);
  }

  private static String header(ConsumerRecord<String, byte[]> r, String name) {
    return new String(r.headers().lastHeader(name).value(), StandardCharsets.US_ASCII);
  }
}
