package io.tickwire.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TickwireCliTest {

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int run(Map<String, String> env, String... args) {
    Console console =
        new Console(
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8),
            env);
    return Tickwire.execute(List.of(args), console);
  }

  private String out() {
    return out.toString(StandardCharsets.UTF_8);
  }

  private String err() {
    return err.toString(StandardCharsets.UTF_8);
  }

  @Test
  void helpListsCommandsAndRegisteredServices() {
    assertThat(run(Map.of(), "--help")).isZero();

    assertThat(out())
        .contains("Usage: tickwire <command>")
        .contains("  run ")
        .contains("  topics ")
        .contains("echo-test")
        .contains(":9498");
  }

  @Test
  void unknownCommandIsAUsageError() {
    assertThat(run(Map.of(), "launch")).isEqualTo(2);

    assertThat(err()).contains("unknown command 'launch'");
  }

  @Test
  void unknownTargetNamesTheKnownOnes() {
    assertThat(run(Map.of(), "run", "--target", "connector-kraken")).isEqualTo(2);

    assertThat(err())
        .contains("unknown target 'connector-kraken'; known targets: ")
        .containsPattern("known targets: .*echo-test");
  }

  @Test
  void settingsListEveryVariableOfTheTargetOnce() {
    assertThat(run(Map.of(), "run", "--target", "echo-test", "--settings")).isZero();

    assertThat(out())
        .contains("Settings of tickwire run --target echo-test:")
        .contains("ECHO_GREETING")
        .contains("HEALTH_PORT_BASE")
        .contains("REDIS_URL")
        .contains("KAFKA_PRODUCER_<PROPERTY>");
    assertThat(out().split("\n  KAFKA_BOOTSTRAP_SERVERS ", -1)).hasSize(2);
  }

  @Test
  void badSettingsStopStartUpBeforeAnythingStarts() {
    assertThat(run(Map.of("HEALTH_PORT_BASE", "many"), "run", "--target", "echo-test"))
        .isEqualTo(2);

    assertThat(err()).contains("HEALTH_PORT_BASE: 'many' is not a number");
  }

  @Test
  void topicsListShowsTheRegistry() {
    assertThat(run(Map.of(), "topics", "list")).isZero();

    assertThat(out()).contains("control.subscriptions.v1").contains("compact").contains("forever");
  }

  @Test
  void argsParseValuesFlagsAndRejectUnknownOptions() {
    Args args =
        Args.parse(
            List.of("apply", "--target=a,b", "--settings"), Set.of("target"), Set.of("settings"));

    assertThat(args.positional()).containsExactly("apply");
    assertThat(args.option("target")).contains("a,b");
    assertThat(args.flag("settings")).isTrue();
    assertThatThrownBy(() -> Args.parse(List.of("--bogus"), Set.of(), Set.of()))
        .hasMessage("unknown option --bogus");
    assertThatThrownBy(() -> Args.parse(List.of("--target"), Set.of("target"), Set.of()))
        .hasMessage("--target needs a value");
  }

  @Test
  void credentialsInMongoUrisAreNeverPrinted() {
    assertThat(Infrastructure.redactCredentials("mongodb://user:s3cret@db:27017/x"))
        .isEqualTo("mongodb://***@db:27017/x");
  }
}
