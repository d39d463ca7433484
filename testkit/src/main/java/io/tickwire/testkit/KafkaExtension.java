package io.tickwire.testkit;

import io.tickwire.infra.LocalKafka;
import java.util.function.Supplier;

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
public final class KafkaExtension extends ServerExtension<LocalKafka> {

  private static final Supplier<LocalKafka> SHARED = SharedServers.lazily(KafkaExtension::start);

  private KafkaExtension(Supplier<LocalKafka> shared) {
    super(shared, KafkaExtension::start);
  }

  public static KafkaExtension shared() {
    return new KafkaExtension(SHARED);
  }

  public static KafkaExtension isolated() {
    return new KafkaExtension(null);
  }

  private static LocalKafka start() {
    return LocalKafka.start(0);
  }

  public String bootstrapServers() {
    return broker().bootstrapServers();
  }

  /** The broker itself; stop and start it only when {@link #isolated()}. */
  public LocalKafka broker() {
    return server();
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
