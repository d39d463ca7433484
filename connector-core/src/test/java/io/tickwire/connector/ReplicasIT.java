package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Replicas of one connector share the streams through the control topic's consumer group: each
 * stream is served by exactly one replica, a new replica takes its share, and the streams of a
 * replica that stops move to the others, none left unserved for longer than the rebalance.
 */
class ReplicasIT extends FakeVenueIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private static final List<String> STREAMS =
      IntStream.rangeClosed(1, 24).mapToObj(i -> "coin" + i + "usdt@trade").toList();

  private final List<ConnectorHarness> replicas = new ArrayList<>();

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @AfterEach
  void stopReplicas() {
    replicas.forEach(ConnectorHarness::close);
  }

  @Test
  void replicasShareTheStreamsTakeOverAndHandOver() {
    ConnectorHarness a = start("a", true);
    ConnectorHarness b = start("b", false);
    awaitEachStreamServedOnce(List.of(a, b));

    long joinStart = System.nanoTime();
    ConnectorHarness c = start("c", false);
    awaitEachStreamServedOnce(List.of(a, b, c));
    Duration joinRebalance = Duration.ofNanos(System.nanoTime() - joinStart);
    assertThat(exchange.longestUnserved()).isLessThanOrEqualTo(joinRebalance);

    long stopStart = System.nanoTime();
    replicas.remove(b);
    b.close();
    awaitEachStreamServedOnce(List.of(a, c));
    Duration stopRebalance = Duration.ofNanos(System.nanoTime() - stopStart);
    assertThat(exchange.longestUnserved())
        .isLessThanOrEqualTo(
            joinRebalance.compareTo(stopRebalance) > 0 ? joinRebalance : stopRebalance)
        .isLessThan(Duration.ofSeconds(30));
  }

  private ConnectorHarness start(String replica, boolean withStreams) {
    Map<String, String> env = env();
    env.put("CONNECTOR_REPLICA_ID", replica);
    if (withStreams) {
      env.put("FAKE_STREAMS", String.join(",", STREAMS));
    }
    ConnectorHarness harness = ConnectorHarness.start(env, FakeVenue.Options.defaults());
    replicas.add(harness);
    return harness;
  }

  /** Every stream on exactly one replica and one exchange connection; every replica has some. */
  private void awaitEachStreamServedOnce(List<ConnectorHarness> serving) {
    await()
        .atMost(WAIT)
        .until(
            () ->
                serving.stream().allMatch(r -> !r.engine().streams().isEmpty())
                    && serving.stream().mapToInt(r -> r.engine().streams().size()).sum()
                        == STREAMS.size()
                    && STREAMS.stream().allMatch(s -> exchange.subscribers(s) == 1));
    List<String> all = new ArrayList<>();
    serving.forEach(r -> all.addAll(r.engine().streams()));
    assertThat(all).containsExactlyInAnyOrderElementsOf(STREAMS);
  }
}
