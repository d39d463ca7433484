package io.tickwire.kit.health;

import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;

/** Kafka is reachable when the cluster answers a metadata request with at least one broker. */
public final class KafkaHealthCheck implements HealthCheck {

  private static final int TIMEOUT_MS = 3000;
  private final Admin admin;

  public KafkaHealthCheck(Admin admin) {
    this.admin = admin;
  }

  @Override
  public String name() {
    return "kafka";
  }

  @Override
  public boolean check() throws Exception {
    return !admin
        .describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
        .nodes()
        .get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS)
        .isEmpty();
  }
}
