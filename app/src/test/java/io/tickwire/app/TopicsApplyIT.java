package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicsApplyIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private int apply(Map<String, String> env) {
    out.reset();
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return Tickwire.execute(List.of("topics", "apply"), new Console(print, print, env));
  }

  @Test
  void createsTheContractThenFindsItInPlace() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    Map<String, String> env =
        Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "TOPIC_PREFIX", prefix);

    assertThat(apply(env)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains(Topics.all().size() + " created, 0 already as expected, 0 differing")
        .contains("created " + prefix + "control.subscriptions.v1");

    assertThat(apply(env)).isZero();
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("0 created, " + Topics.all().size() + " already as expected");

    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      assertThat(admin.listTopics().names().get(10, TimeUnit.SECONDS))
          .containsAll(Topics.all(prefix).stream().map(t -> t.name()).toList());
    }
  }

  @Test
  void reportsADifferingTopicWithExitCodeThree() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    try (Admin admin = Admin.create(Map.of("bootstrap.servers", KAFKA.bootstrapServers()))) {
      admin
          .createTopics(List.of(new NewTopic(prefix + "md.book.v1", 1, (short) 1)))
          .all()
          .get(10, TimeUnit.SECONDS);
    }

    int code =
        apply(Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "TOPIC_PREFIX", prefix));

    assertThat(code).isEqualTo(3);
    assertThat(out.toString(StandardCharsets.UTF_8))
        .contains("DIFFERS " + prefix + "md.book.v1: partitions is 1, the registry expects 6");
  }
}
