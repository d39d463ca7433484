package io.tickwire.kit.health;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a service's readiness checks on a schedule and keeps the latest results, so {@code
 * /health/ready} answers at once and never blocks on a dead broker. The service is ready when it
 * has started and every check passed on its last run.
 */
public final class Readiness implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(Readiness.class);

  /** Result of one check. */
  public record Status(String name, boolean healthy, String detail) {}

  private final String service;
  private final List<HealthCheck> checks = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService scheduler;
  private volatile Map<String, Status> last = Map.of();
  private volatile boolean started;

  public Readiness(String service, List<HealthCheck> checks, Duration interval) {
    this.service = service;
    this.checks.addAll(checks);
    this.scheduler =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "readiness-" + service);
              t.setDaemon(true);
              return t;
            });
    scheduler.scheduleWithFixedDelay(
        this::runChecks, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
  }

  public void add(HealthCheck check) {
    checks.add(check);
    scheduler.execute(this::runChecks);
  }

  public void markStarted() {
    started = true;
    scheduler.execute(this::runChecks);
  }

  public boolean ready() {
    return started
        && last.size() == checks.size()
        && last.values().stream().allMatch(Status::healthy);
  }

  /** The latest status of every check, plus whether the service has started. */
  public Map<String, Status> statuses() {
    Map<String, Status> all = new LinkedHashMap<>();
    all.put("started", new Status("started", started, started ? "running" : "starting"));
    all.putAll(last);
    return all;
  }

  private void runChecks() {
    Map<String, Status> results = new LinkedHashMap<>();
    for (HealthCheck check : checks) {
      Status status;
      try {
        boolean healthy = check.check();
        status = new Status(check.name(), healthy, healthy ? "ok" : "failing");
      } catch (Exception e) {
        status = new Status(check.name(), false, String.valueOf(e.getMessage()));
      }
      Status before = last.get(check.name());
      if (before != null && before.healthy() != status.healthy()) {
        log.info(
            "{}: check {} is now {} ({})",
            service,
            check.name(),
            status.healthy() ? "healthy" : "unhealthy",
            status.detail());
      }
      results.put(check.name(), status);
    }
    last = Map.copyOf(results);
  }

  @Override
  public void close() {
    scheduler.shutdownNow();
  }
}
