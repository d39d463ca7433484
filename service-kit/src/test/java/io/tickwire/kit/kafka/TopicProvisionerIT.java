package io.tickwire.kit.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import io.tickwire.testkit.KafkaExtension;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TopicProvisionerIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Test
  void createsMissingTopicsThenFindsThemMatching() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    List<Topic<?, ?>> topics = Topics.all(prefix);

    try (Admin admin = KafkaClients.of(KAFKA.bootstrapServers()).admin("test")) {
      ProvisionReport first = new TopicProvisioner(admin, 0).apply(topics);
      ProvisionReport second = new TopicProvisioner(admin, 0).apply(topics);

      assertThat(first.created()).hasSize(Topics.all().size()).contains(prefix + "md.trades.v1");
      assertThat(first.mismatches()).isEmpty();
      assertThat(second.created()).isEmpty();
      assertThat(second.matching()).hasSize(Topics.all().size());
      assertThat(
              admin
                  .describeTopics(List.of(prefix + "control.subscriptions.v1"))
                  .allTopicNames()
                  .get(10, TimeUnit.SECONDS)
                  .get(prefix + "control.subscriptions.v1")
                  .partitions())
          .hasSize(Topics.SUBSCRIPTIONS.partitions());
    }
  }

  @Test
  void reportsButNeverChangesADifferingTopic() throws Exception {
    String prefix = KafkaExtension.uniquePrefix();
    Topic<?, ?> trades = Topics.TRADES.withPrefix(prefix);
    try (Admin admin = KafkaClients.of(KAFKA.bootstrapServers()).admin("test")) {
      admin
          .createTopics(
              List.of(
                  new NewTopic(trades.name(), 2, (short) 1)
                      .configs(Map.of("retention.ms", "1000"))))
          .all()
          .get(10, TimeUnit.SECONDS);

      ProvisionReport report = new TopicProvisioner(admin, 1).apply(List.of(trades));

      assertThat(report.created()).isEmpty();
      assertThat(report.mismatches())
          .containsExactlyInAnyOrder(
              new ProvisionReport.Mismatch(trades.name(), "partitions", "6", "2"),
              new ProvisionReport.Mismatch(trades.name(), "retention.ms", "604800000", "1000"));
      assertThat(report.summary())
          .contains("DIFFERS " + trades.name() + ": partitions is 2, the registry expects 6");
      ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, trades.name());
      assertThat(
              admin
                  .describeConfigs(List.of(resource))
                  .all()
                  .get(10, TimeUnit.SECONDS)
                  .get(resource)
                  .get("retention.ms")
                  .value())
          .isEqualTo("1000");
    }
  }
}
