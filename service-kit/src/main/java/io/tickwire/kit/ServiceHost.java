package io.tickwire.kit;

import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.tickwire.kit.config.Setting;
import io.tickwire.kit.config.Settings;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.kit.health.HealthServer;
import io.tickwire.kit.health.KafkaHealthCheck;
import io.tickwire.kit.health.Readiness;
import io.tickwire.kit.kafka.KafkaClients;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hosts any set of services in one process: validates all their settings at once, gives each its
 * context, meters and health endpoint, starts them, and stops them in reverse order within {@code
 * SHUTDOWN_TIMEOUT} each. One process can be the whole suite or one service per container.
 */
public final class ServiceHost implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ServiceHost.class);

  /** One hosted service and its operations endpoint. */
  public record Hosted(
      ServiceProvider provider, Service service, Readiness readiness, HealthServer health) {}

  private final List<Hosted> hosted = new ArrayList<>();
  private final Admin admin;
  private final Duration shutdownTimeout;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final List<AutoCloseable> meterBinders = new ArrayList<>();

  private ServiceHost(Admin admin, Duration shutdownTimeout) {
    this.admin = admin;
    this.shutdownTimeout = shutdownTimeout;
  }

  /** Every setting the given services read, common ones first. */
  public static List<Setting<?>> settingsOf(List<ServiceProvider> providers) {
    List<Setting<?>> all = new ArrayList<>(CommonSettings.ALL);
    providers.forEach(p -> all.addAll(p.settings()));
    return all;
  }

  /**
   * Validates every setting of every service (one {@link io.tickwire.kit.config.ConfigException}
   * names all problems), then creates and starts the services. On a start failure, what started is
   * stopped again before the exception propagates.
   */
  public static ServiceHost start(List<ServiceProvider> providers, Map<String, String> env)
      throws Exception {
    Settings settings = Settings.parse(settingsOf(providers), env);
    KafkaClients kafka = KafkaClients.from(settings);
    ServiceHost host =
        new ServiceHost(
            kafka.admin("tickwire-health"), settings.get(CommonSettings.SHUTDOWN_TIMEOUT));
    try {
      int base = settings.get(CommonSettings.HEALTH_PORT_BASE);
      for (ServiceProvider provider : providers) {
        host.create(provider, settings, kafka, base == 0 ? 0 : base + provider.healthPortOffset());
      }
      for (Hosted h : host.hosted) {
        h.service().start();
        h.readiness().markStarted();
        log.info("{} started", h.provider().name());
      }
    } catch (Exception | Error e) {
      host.close();
      throw e;
    }
    return host;
  }

  private void create(ServiceProvider provider, Settings settings, KafkaClients kafka, int port)
      throws InterruptedException {
    PrometheusMeterRegistry meters = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    meters.config().commonTags("service", provider.name());
    bindJvmMetrics(meters);
    ServiceContext context =
        new ServiceContext(provider.name(), settings, kafka, meters, Clock.systemUTC());
    Service service = provider.create(context);
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(new KafkaHealthCheck(admin));
    checks.addAll(service.readinessChecks());
    Readiness readiness = new Readiness(provider.name(), checks, Duration.ofSeconds(2));
    HealthServer health;
    try {
      health = HealthServer.start("0.0.0.0", port, readiness, meters);
    } catch (RuntimeException e) {
      readiness.close();
      service.close();
      throw new IllegalStateException(
          provider.name()
              + " cannot serve health and metrics on port "
              + port
              + " (is it in use? set HEALTH_PORT_BASE)",
          e);
    }
    hosted.add(new Hosted(provider, service, readiness, health));
  }

  private void bindJvmMetrics(PrometheusMeterRegistry meters) {
    new ClassLoaderMetrics().bindTo(meters);
    new JvmMemoryMetrics().bindTo(meters);
    new JvmThreadMetrics().bindTo(meters);
    new ProcessorMetrics().bindTo(meters);
    new UptimeMetrics().bindTo(meters);
    JvmGcMetrics gc = new JvmGcMetrics();
    gc.bindTo(meters);
    meterBinders.add(gc);
  }

  public List<Hosted> services() {
    return List.copyOf(hosted);
  }

  /** True when every hosted service is ready. */
  public boolean ready() {
    return hosted.stream().allMatch(h -> h.readiness().ready());
  }

  /** Stops the services on SIGTERM or Ctrl-C. */
  public ServiceHost closeOnShutdown() {
    Runtime.getRuntime().addShutdownHook(new Thread(this::close, "tickwire-shutdown"));
    return this;
  }

  /** Stops every service in reverse start order, each within the shutdown timeout. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    ExecutorService stopper =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "service-stop");
              t.setDaemon(true);
              return t;
            });
    for (int i = hosted.size() - 1; i >= 0; i--) {
      Hosted h = hosted.get(i);
      Future<?> stopping = stopper.submit(h.service()::close);
      try {
        stopping.get(shutdownTimeout.toMillis(), TimeUnit.MILLISECONDS);
        log.info("{} stopped", h.provider().name());
      } catch (TimeoutException e) {
        stopping.cancel(true);
        log.warn("{} did not stop within {}; moving on", h.provider().name(), shutdownTimeout);
        stopper.shutdownNow();
        stopper = Executors.newSingleThreadExecutor();
      } catch (ExecutionException e) {
        log.warn("{} failed while stopping", h.provider().name(), e.getCause());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      h.readiness().close();
      h.health().close();
    }
    stopper.shutdownNow();
    meterBinders.forEach(
        binder -> {
          try {
            binder.close();
          } catch (Exception ignored) {
            // metrics binders hold no data worth saving
          }
        });
    admin.close(Duration.ofSeconds(2));
  }
}
