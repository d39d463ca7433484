package io.tickwire.connector;

import io.micrometer.core.instrument.Tags;
import io.tickwire.connector.internal.DaemonThreads;
import io.tickwire.connector.internal.SubscriptionReader;
import io.tickwire.connector.internal.VenueEngine;
import io.tickwire.connector.pace.RateLimiter;
import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.connector.publish.Publisher;
import io.tickwire.connector.rest.RestClient;
import io.tickwire.connector.ws.WsClient;
import io.tickwire.kit.CommonSettings;
import io.tickwire.kit.Service;
import io.tickwire.kit.ServiceContext;
import io.tickwire.kit.health.HealthCheck;
import io.tickwire.model.Topics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running connector: one publisher and one WebSocket client for the process, and per venue an
 * engine (connections, rotation, pacing), a reader of the control topic (which streams this replica
 * serves) and a weight-paced REST scheduler. Ready when Kafka takes what it publishes and every
 * stream it should serve is subscribed. Closing leaves the consumer group first, so the other
 * replicas take the streams over, then closes the connections and drains the buffer.
 */
public final class ConnectorService implements Service {

  private static final Logger log = LoggerFactory.getLogger(ConnectorService.class);

  private record RunningVenue(
      VenueConfig config,
      VenueEngine engine,
      SubscriptionReader reader,
      WeightPacedScheduler rest) {}

  private final ServiceContext context;
  private final List<VenueDefinition> definitions;
  private final ConnectorSettings.Config core;
  private final List<VenueConfig> configs = new ArrayList<>();
  private final Duration shutdownTimeout;
  private final List<RunningVenue> running = new java.util.concurrent.CopyOnWriteArrayList<>();
  private volatile Publisher publisher;
  private WsClient ws;
  private ScheduledExecutorService timers;

  public ConnectorService(ServiceContext context, List<VenueDefinition> definitions) {
    this.context = context;
    this.definitions = List.copyOf(definitions);
    this.core = ConnectorSettings.parse(context.settings());
    definitions.forEach(d -> configs.add(d.settings().parse(context.settings())));
    this.shutdownTimeout =
        context.settings().find(CommonSettings.SHUTDOWN_TIMEOUT).orElse(Duration.ofSeconds(20));
  }

  @Override
  public void start() {
    String service = context.serviceName();
    String clientId = service + "-" + core.replicaId();
    var kafka = context.kafka();
    publisher =
        new Publisher(
            kafka,
            clientId,
            new Publisher.Config(
                core.bufferMaxMessages(),
                core.bufferMaxBytes(),
                core.publishStallTimeout(),
                core.deliveryTimeout()),
            kafka.topic(Topics.STATUS),
            kafka.topic(Topics.DEAD_LETTERS),
            service,
            context.meters(),
            context.clock());
    ws = new WsClient(service, core.ioThreads(), null, context.clock());
    timers = Executors.newScheduledThreadPool(2, DaemonThreads.named(service + "-timers"));
    for (int i = 0; i < definitions.size(); i++) {
      VenueDefinition definition = definitions.get(i);
      VenueConfig config = configs.get(i);
      String venueId = config.venueId();
      WeightPacedScheduler rest =
          new WeightPacedScheduler(
              venueId,
              new RateLimiter(
                  "rest_weight",
                  config.restWeightLimits(),
                  System::nanoTime,
                  context.meters(),
                  Tags.of("venue", venueId)),
              config.restConcurrency());
      VenueModule module =
          definition.create(
              new VenueResources(
                  config,
                  new RestClient(config.restUrl(), config.restTimeout()),
                  rest,
                  timers,
                  context.clock(),
                  context.meters()));
      if (!module.protocol().venueId().equals(venueId)) {
        throw new IllegalStateException(
            "venue module for " + venueId + " built a protocol for " + module.protocol().venueId());
      }
      VenueEngine engine =
          new VenueEngine(
              config,
              core,
              module,
              publisher,
              ws,
              kafka,
              context.meters(),
              context.clock(),
              timers,
              core.replicaId(),
              service);
      engine.start();
      SubscriptionReader reader =
          new SubscriptionReader(
              kafka,
              kafka.topicPrefix() + "tickwire." + service + "." + venueId,
              clientId + "-" + venueId,
              core.rebalanceSessionTimeout(),
              venueId,
              module.protocol()::streamName,
              engine::setDesired,
              definition
                  .settings()
                  .initialRequests(config, "settings:" + service, context.clock().millis()),
              publisher,
              service + ":" + venueId,
              context.clock());
      reader.start();
      running.add(new RunningVenue(config, engine, reader, rest));
      log.info(
          "{}: {} starting ({} streams from settings, ws {}, replica {})",
          service,
          venueId,
          config.initialStreams().size(),
          config.wsUrl(),
          core.replicaId());
    }
  }

  @Override
  public List<HealthCheck> readinessChecks() {
    List<HealthCheck> checks = new ArrayList<>();
    checks.add(
        HealthCheck.of(
            "kafka-publishing",
            () -> {
              Publisher p = publisher;
              if (p == null) {
                return false;
              }
              if (!p.ready()) {
                throw new IllegalStateException("Kafka is not taking records: " + p.status());
              }
              return true;
            }));
    for (VenueConfig config : configs) {
      String venueId = config.venueId();
      checks.add(
          HealthCheck.of(
              venueId + "-streams",
              () -> {
                VenueEngine engine = engine(venueId);
                if (engine == null) {
                  return false;
                }
                if (!engine.allConnected()) {
                  throw new IllegalStateException(
                      "not every stream of " + venueId + " is subscribed on an open connection");
                }
                return true;
              }));
    }
    return checks;
  }

  @Override
  public List<String> endpoints() {
    return configs.stream().map(c -> c.venueId() + " via " + c.wsUrl()).toList();
  }

  /** The engine of a venue, or null before start. */
  public VenueEngine engine(String venueId) {
    return running.stream()
        .filter(r -> r.config().venueId().equals(venueId))
        .map(RunningVenue::engine)
        .findFirst()
        .orElse(null);
  }

  /** Whether this replica has joined the control topic's group for the venue. */
  public boolean joined(String venueId) {
    return running.stream()
        .anyMatch(r -> r.config().venueId().equals(venueId) && r.reader().joined());
  }

  /** Replaces every connection of every venue, make-before-break (an operator's "rotate now"). */
  public void rotateAll(String cause) {
    running.forEach(r -> r.engine().rotateAll(cause));
  }

  public Publisher publisher() {
    return publisher;
  }

  @Override
  public void close() {
    running.forEach(r -> r.reader().close());
    running.forEach(r -> r.engine().close());
    running.forEach(r -> r.rest().close());
    Publisher p = publisher;
    if (p != null) {
      // leave the host's shutdown timeout some room for the rest
      p.close(shutdownTimeout.multipliedBy(3).dividedBy(4));
    }
    if (ws != null) {
      ws.close();
    }
    if (timers != null) {
      timers.shutdownNow();
    }
  }
}
