package io.tickwire.kit.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.ServiceHost;
import io.tickwire.kit.ServiceProvider;
import io.tickwire.kit.config.Setting;
import io.tickwire.testkit.KafkaExtension;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** /health/ready follows Kafka: down while the broker is stopped, up again once it is back. */
class HealthEndpointIT {

  @RegisterExtension static final KafkaExtension KAFKA = KafkaExtension.isolated();

  private final HttpClient http = HttpClient.newHttpClient();
  private final AtomicBoolean closed = new AtomicBoolean();
  private ServiceHost host;

  @AfterEach
  void stop() {
    if (host != null) {
      host.close();
    }
    KAFKA.broker().start();
  }

  @Test
  void readyOnlyWhileKafkaIsReachable() throws Exception {
    host = ServiceHost.start(List.of(new ProbeProvider()), env());
    int port = host.services().get(0).health().port();

    await().atMost(Duration.ofSeconds(30)).until(() -> status(port, "/health/ready") == 200);
    assertThat(body(port, "/health/live")).isEqualTo("{\"status\":\"UP\"}");

    KAFKA.broker().stop();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(port, "/health/ready") == 503);
    assertThat(body(port, "/health/ready"))
        .contains("\"status\":\"DOWN\"")
        .contains("\"kafka\":{\"healthy\":false");

    KAFKA.broker().start();
    await().atMost(Duration.ofSeconds(30)).until(() -> status(port, "/health/ready") == 200);
  }

  @Test
  void metricsArePrometheusTextWithJvmAndServiceMeters() throws Exception {
    host = ServiceHost.start(List.of(new ProbeProvider()), env());
    int port = host.services().get(0).health().port();

    String metrics = body(port, "/metrics");

    assertThat(metrics)
        .contains("jvm_memory_used_bytes")
        .contains("probe_starts_total{service=\"probe\"} 1.0");
    assertThat(status(port, "/nope")).isEqualTo(404);
  }

  @Test
  void closeStopsTheServiceGracefully() throws Exception {
    host = ServiceHost.start(List.of(new ProbeProvider()), env());

    host.close();

    assertThat(closed).isTrue();
  }

  private Map<String, String> env() {
    return Map.of("KAFKA_BOOTSTRAP_SERVERS", KAFKA.bootstrapServers(), "HEALTH_PORT_BASE", "0");
  }

  private int status(int port, String path) throws Exception {
    return get(port, path).statusCode();
  }

  private String body(int port, String path) throws Exception {
    return get(port, path).body();
  }

  private HttpResponse<String> get(int port, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private final class ProbeProvider implements ServiceProvider {
    @Override
    public String name() {
      return "probe";
    }

    @Override
    public String description() {
      return "test service";
    }

    @Override
    public int healthPortOffset() {
      return 99;
    }

    @Override
    public List<Setting<?>> settings() {
      return List.of();
    }

    @Override
    public Service create(ServiceContext context) {
      return new Service() {
        @Override
        public void start() {
          context.meters().counter("probe.starts").increment();
        }

        @Override
        public void close() {
          closed.set(true);
        }
      };
    }
  }
}
