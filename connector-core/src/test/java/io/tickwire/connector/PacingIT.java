package io.tickwire.connector;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.tickwire.connector.testing.ClientMessage;
import io.tickwire.connector.testing.ConnectorHarness;
import io.tickwire.connector.testing.FakeVenue;
import io.tickwire.connector.testing.ServerConnection;
import io.tickwire.model.Json;
import io.tickwire.testkit.KafkaExtension;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Token-bucket pacing measured where it matters, at the exchange: many streams spread over
 * connections never exceed the per-connection message limit (pongs included) or the connection
 * attempt limit, and full-list venues get changes folded into few messages.
 */
class PacingIT extends FakeVenueIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Override
  KafkaExtension broker() {
    return KAFKA;
  }

  @Test
  void fifteenHundredStreamsNeverTripTheMessageOrConnectionLimits() {
    List<String> streams =
        IntStream.rangeClosed(1, 1500).mapToObj(i -> "coin" + i + "usdt@trade").toList();
    exchange.pingOnConnect();
    Map<String, String> env = env();
    env.put("FAKE_MAX_STREAMS_PER_CONNECTION", "200");
    env.put("FAKE_CONNECTION_MESSAGE_LIMITS", "5/1s");
    env.put("FAKE_CONNECTION_ATTEMPT_LIMITS", "3/1s");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults().withUrlStreams(10, 20));
    subscribe(streams, null);

    await().atMost(WAIT).until(() -> exchange.servedStreams().size() == streams.size());
    assertThat(streams).allSatisfy(s -> assertThat(exchange.subscribers(s)).isEqualTo(1));
    List<ServerConnection> connections = exchange.server().connections();
    assertThat(connections).hasSize(8);
    for (ServerConnection c : connections) {
      List<Long> sent =
          c.messages().stream().filter(ClientMessage::counted).map(ClientMessage::atNanos).toList();
      assertThat(sent).as("pong and control messages of %s", c).isNotEmpty();
      assertThat(c.messages()).anyMatch(m -> m.kind() == ClientMessage.Kind.PONG);
      assertThat(maxInAnyWindow(sent, Duration.ofSeconds(1)))
          .as("messages per second on %s", c)
          .isLessThanOrEqualTo(5);
    }
    assertThat(maxInAnyWindow(exchange.server().upgradeAttempts(), Duration.ofSeconds(1)))
        .as("connection attempts per second")
        .isLessThanOrEqualTo(3);
    assertThat(connector.count("connector.rate.limit.waits", "limit", "connection_messages"))
        .isPositive();
    assertThat(connector.count("connector.rate.limit.waits", "limit", "connection_attempts"))
        .isPositive();
    assertThat(connector.engine().streams()).hasSize(1500);
  }

  @Test
  void aFullListVenueGetsChangesFoldedIntoFewPacedMessages() throws Exception {
    Map<String, String> env = env();
    env.put("FAKE_CONNECTION_MESSAGE_LIMITS", "5/1s,100/1m");
    env.put("FAKE_STREAMS", "btcusdt@trade");
    connector = ConnectorHarness.start(env, FakeVenue.Options.defaults().withFullList());
    await().atMost(WAIT).until(() -> exchange.subscribers("btcusdt@trade") == 1);

    List<String> more =
        IntStream.rangeClosed(1, 12).mapToObj(i -> "alt" + i + "usdt@trade").toList();
    for (String stream : more) {
      subscribe(List.of(stream), null);
    }
    await().atMost(WAIT).until(() -> exchange.servedStreams().size() == 13);

    ServerConnection connection = exchange.server().connections().get(0);
    List<ClientMessage> replaces =
        connection.messages().stream().filter(m -> m.kind() == ClientMessage.Kind.TEXT).toList();
    JsonNode last = Json.mapper().readTree(replaces.get(replaces.size() - 1).payload());
    assertThat(last.get("method").asText()).isEqualTo("REPLACE");
    List<String> listed = new ArrayList<>();
    last.get("params").forEach(p -> listed.add(p.asText()));
    assertThat(listed).hasSize(13).contains("btcusdt@trade").containsAll(more);
    // 13 changes (the first list plus 12 additions) folded into fewer messages, never over 5/s
    assertThat(replaces.size()).isLessThan(13);
    assertThat(
            maxInAnyWindow(
                replaces.stream().map(ClientMessage::atNanos).toList(), Duration.ofSeconds(1)))
        .isLessThanOrEqualTo(5);
  }

  private static int maxInAnyWindow(List<Long> times, Duration window) {
    List<Long> sorted = times.stream().sorted().toList();
    int max = 0;
    int start = 0;
    for (int i = 0; i < sorted.size(); i++) {
      while (sorted.get(i) - sorted.get(start) >= window.toNanos()) {
        start++;
      }
      max = Math.max(max, i - start + 1);
    }
    return max;
  }
}
