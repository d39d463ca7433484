package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.infra.LocalRedis;
import io.tickwire.infra.Ports;
import io.tickwire.testkit.KafkaExtension;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** tickwire run hosts the services, starts what infrastructure is missing and joins what runs. */
class RunCommandIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();

  @Test
  void startsMissingRedisJoinsItOnASecondRunAndLeavesNothingBehind() throws Exception {
    int redisPort = Ports.free();
    Map<String, String> env =
        Map.of(
            "KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(),
            "TOPIC_PREFIX", KafkaExtension.uniquePrefix(),
            "HEALTH_PORT_BASE", "0",
            "TICKWIRE_REDIS_PORT", Integer.toString(redisPort),
            "TICKWIRE_MONGO_PORT", Integer.toString(Ports.free()),
            "ECHO_GREETING", "hi");
    ByteArrayOutputStream first = new ByteArrayOutputStream();
    ByteArrayOutputStream second = new ByteArrayOutputStream();
    ServiceRegistry registry = ServiceRegistry.load();

    try (RunCommand.Running running = RunCommand.start(registry.defaults(), console(first, env))) {
      await().atMost(Duration.ofSeconds(30)).until(() -> running.host().ready());
      assertThat(first.toString(StandardCharsets.UTF_8))
          .contains("Kafka    " + KAFKA.bootstrapServers() + " (from KAFKA_BOOTSTRAP_SERVERS)")
          .contains("Redis    redis://localhost:" + redisPort + " (started: ")
          .contains("Topics   20 created")
          .containsPattern("echo-test +health\\+metrics http://localhost:\\d+, says hi")
          .contains("Press Ctrl-C to stop.");

      try (RunCommand.Running replica =
          RunCommand.start(registry.defaults(), console(second, env))) {
        assertThat(second.toString(StandardCharsets.UTF_8))
            .contains("Redis    redis://localhost:" + redisPort + " (already running: using it)")
            .contains("Topics   0 created, 20 as expected");
      }
      assertThat(LocalRedis.answersPing("127.0.0.1", redisPort)).isTrue();
    }

    assertThat(LocalRedis.answersPing("127.0.0.1", redisPort)).isFalse();
  }

  private static Console console(ByteArrayOutputStream out, Map<String, String> env) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return new Console(print, print, env);
  }
}
