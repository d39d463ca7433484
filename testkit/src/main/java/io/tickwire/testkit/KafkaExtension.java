package io.tickwire.testkit;

import io.tickwire.infra.LocalKafka;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Gives a test class a real Kafka broker (KRaft, in this JVM).
 *
 * <pre>{@code
 * @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.shared();   // one per JVM
 * @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.isolated(); // own broker, may stop it
 * }</pre>
 *
 * Tests on the shared broker should use {@link #uniquePrefix()} for their topics.
 */
public final class KafkaExtension implements BeforeAllCallback, AfterAllCallback {

  private static final Supplier<LocalKafka> SHARED =
      SharedServers.lazily(() -> LocalKafka.start(0));

  private final boolean isolated;
  private LocalKafka broker;

  private KafkaExtension(boolean isolated) {
    this.isolated = isolated;
  }

  public static KafkaExtension shared() {
    return new KafkaExtension(false);
  }

  public static KafkaExtension isolated() {
    return new KafkaExtension(true);
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    broker = isolated ? LocalKafka.start(0) : SHARED.get();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (isolated && broker != null) {
      broker.close();
    }
  }

  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** The broker itself; stop and start it only when {@link #isolated()}. */
  public LocalKafka broker() {
    if (broker == null) {
      throw new IllegalStateException(
          "the Kafka extension has not started: register it as a static field");
    }
    return broker;
  }

  /** A fresh topic prefix, so tests sharing a broker never read each other's records. */
  public static String uniquePrefix() {
    return "t" + Long.toHexString(System.nanoTime()) + ".";
  }

  /** A client for producing and reading records in tests. */
  public KafkaTestClient client() {
    return new KafkaTestClient(bootstrapServers());
  }
}
