package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tickwire.model.BookTop;
import io.tickwire.model.Topics;
import io.tickwire.model.Trade;
import io.tickwire.testkit.KafkaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code tickwire run --sim}: the distribution's connectors and stream jobs against an in-process
 * exchange-sim, with the default streams, produce trades of all three venues and aggregated books.
 */
class RunWithSimIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Test
  void theConnectorsAndJobsRunAgainstTheSimulatorWithDefaultStreams() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS",
            KAFKA.bootstrapServers(),
            "TOPIC_PREFIX",
            prefix,
            "HEALTH_PORT_BASE",
            "0");
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ServiceRegistry registry = ServiceRegistry.load();
    List<String> targets = List.of("connector-binance", "connector-upbit", "book-aggregator");

    try (RunCommand.Running running =
        RunCommand.start(registry.select(targets), console(out, env), true)) {
      assertThat(out.toString(StandardCharsets.UTF_8))
          .containsPattern("Sim      exchange-sim http://127\\.0\\.0\\.1:\\d+ ");

      List<ConsumerRecord<String, Trade>> trades =
          KAFKA
              .client()
              .readUntil(
                  Topics.TRADES.withPrefix(prefix),
                  records -> venues(records).size() == 3,
                  Duration.ofSeconds(60));
      assertThat(venues(trades)).containsExactlyInAnyOrder("binance-spot", "binance-usdm", "upbit");

      List<ConsumerRecord<String, BookTop>> tops =
          KAFKA
              .client()
              .readUntil(
                  Topics.BOOK_TOP.withPrefix(prefix),
                  records -> records.stream().anyMatch(r -> r.key().startsWith("upbit:")),
                  Duration.ofSeconds(60));
      assertThat(tops).isNotEmpty();
    }
  }

  @Test
  void aBadSimulatorPortIsRefusedNamingTheVariable() {
    Map<String, String> env = Map.of("TICKWIRE_SIM_PORT", "eighty");
    assertThatThrownBy(
            () -> RunCommand.start(List.of(), console(new ByteArrayOutputStream(), env), true))
        .hasMessage("TICKWIRE_SIM_PORT expects a port number (0-65535), got 'eighty'");
  }

  private static Set<String> venues(List<ConsumerRecord<String, Trade>> records) {
    return records.stream().map(r -> r.value().venue()).collect(Collectors.toSet());
  }

  private static Console console(ByteArrayOutputStream out, Map<String, String> env) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new Console(print, print, env);
  }
}
