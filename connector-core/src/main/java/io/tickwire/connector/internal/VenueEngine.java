package io.tickwire.connector.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.tickwire.connector.Backfiller;
import io.tickwire.connector.ConnectPlan;
import io.tickwire.connector.ConnectorSettings;
import io.tickwire.connector.ControlMessage;
import io.tickwire.connector.Frame;
import io.tickwire.connector.Inbound;
import io.tickwire.connector.StreamHandlerFactory;
import io.tickwire.connector.VenueConfig;
import io.tickwire.connector.VenueModule;
import io.tickwire.connector.VenueProtocol;
import io.tickwire.connector.pace.RateLimiter;
import io.tickwire.connector.publish.Publisher;
import io.tickwire.connector.ws.CloseReason;
import io.tickwire.connector.ws.WsClient;
import io.tickwire.connector.ws.WsListener;
import io.tickwire.connector.ws.WsOptions;
import io.tickwire.connector.ws.WsSession;
import io.tickwire.kit.Backoff;
import io.tickwire.kit.kafka.KafkaClients;
import io.tickwire.model.DeadLetter;
import io.tickwire.model.SubscriptionRequest;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves one venue's desired streams: packs them onto connections within the venue's limits, opens,
 * paces and replaces the connections, and routes every frame to its {@link StreamState}.
 *
 * <ul>
 *   <li>Packing: a new stream goes to the first connection of its route with room ({@code
 *       <PREFIX>_MAX_STREAMS_PER_CONNECTION}), else to a new connection. Connection attempts wait
 *       for the per-IP attempt limiter; control messages for the connection's own message limiter.
 *   <li>Make-before-break rotation (before the lifetime ends, on a shutdown notice, on a silent
 *       stream, on an unacknowledged control message, or on demand): the replacement connects and
 *       subscribes while the old one keeps publishing; each stream switches once the replacement's
 *       copy joins (see {@link StreamState}); the old connection closes when all have switched.
 *   <li>Abrupt loss: markers {@code disconnected}, reconnect with exponential backoff and full
 *       jitter, honouring a 429/418 Retry-After for the whole venue (the limits are per IP).
 * </ul>
 *
 * <p>All state changes run on one engine thread; frames are processed on the event loops.
 */
public final class VenueEngine implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(VenueEngine.class);
  private static final long TICK_MILLIS = 100;

  private final VenueConfig config;
  private final ConnectorSettings.Config core;
  private final VenueProtocol protocol;
  private final StreamHandlerFactory handlers;
  private final Backfiller backfiller;
  private final Publisher publisher;
  private final WsClient ws;
  private final VenueMetrics metrics;
  private final MeterRegistry meters;
  private final Clock clock;
  private final String replicaId;
  private final String deadLetterSource;
  private final ScheduledExecutorService timers;
  private final KafkaClients kafka;
  private final ScheduledExecutorService exec;
  private final RateLimiter attempts;
  private final String rawTopic;
  private final Map<Topic<?, ?>, Topic<?, ?>> prefixed = new ConcurrentHashMap<>();
  private final Map<String, StreamState> streams = new ConcurrentHashMap<>();
  private final Set<String> rejected = ConcurrentHashMap.newKeySet();
  private final Map<String, ConnectionSlot> slotOf = new java.util.HashMap<>();
  private final List<ConnectionSlot> slots = new ArrayList<>();
  private final AtomicInteger openSessions = new AtomicInteger();
  private int slotCounter;
  private int sessionCounter;
  private long nextSilenceCheckNanos = System.nanoTime();
  private volatile boolean closed;

  public VenueEngine(
      VenueConfig config,
      ConnectorSettings.Config core,
      VenueModule module,
      Publisher publisher,
      WsClient ws,
      KafkaClients kafka,
      MeterRegistry meters,
      Clock clock,
      ScheduledExecutorService timers,
      String replicaId,
      String serviceName) {
    this.config = config;
    this.core = core;
    this.protocol = module.protocol();
    this.handlers = module.handlers();
    this.backfiller = module.backfiller();
    this.publisher = publisher;
    this.ws = ws;
    this.kafka = kafka;
    this.meters = meters;
    this.clock = clock;
    this.timers = timers;
    this.replicaId = replicaId;
    this.deadLetterSource = serviceName + ":" + config.venueId();
    this.metrics = new VenueMetrics(meters, config.venueId());
    this.rawTopic = kafka.topic(Topics.raw(config.venue())).name();
    this.attempts =
        new RateLimiter(
            "connection_attempts",
            config.connectionAttemptLimits(),
            System::nanoTime,
            meters,
            metrics.tags);
    this.exec =
        Executors.newSingleThreadScheduledExecutor(
            DaemonThreads.named("engine-" + config.venueId()));
    Gauge.builder("connector.streams.active", streams, Map::size)
        .description("Streams this replica serves")
        .tags(metrics.tags)
        .register(meters);
    Gauge.builder("connector.connections.active", openSessions, AtomicInteger::get)
        .description("Open WebSocket connections")
        .tags(metrics.tags)
        .register(meters);
  }

  public void start() {
    exec.scheduleWithFixedDelay(
        () -> safely("tick", this::tick), TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
  }

  // ---- public API (any thread) -------------------------------------------------------------

  public String venueId() {
    return config.venueId();
  }

  /** Serve exactly these streams (by stream name) from now on. */
  public void setDesired(Map<String, SubscriptionRequest> desired) {
    Map<String, SubscriptionRequest> copy = Map.copyOf(desired);
    execute(() -> reconcile(copy));
  }

  /** Replaces every connection, make-before-break; completes when the rotations have started. */
  public CompletableFuture<Integer> rotateAll(String cause) {
    return call(
        () -> {
          int started = 0;
          for (ConnectionSlot slot : new ArrayList<>(slots)) {
            if (rotate(slot, cause)) {
              started++;
            }
          }
          return started;
        });
  }

  /** True when every stream this replica should serve is subscribed on an open connection. */
  public boolean allConnected() {
    return streams.values().stream().allMatch(st -> st.connected() || rejected.contains(st.stream));
  }

  /** Streams this replica serves. */
  public Set<String> streams() {
    return Set.copyOf(streams.keySet());
  }

  /** Streams refused by the venue. */
  public Set<String> rejectedStreams() {
    return Set.copyOf(rejected);
  }

  public int openConnections() {
    return openSessions.get();
  }

  /** The ids of the connections currently publishing, one per slot. */
  public List<String> connectionIds() {
    return call(() ->
            slots.stream()
                .map(s -> s.current)
                .filter(c -> c != null && c.open)
                .map(c -> c.id)
                .toList())
        .join();
  }

  /** True while a rotation is in progress on any connection. */
  public boolean rotating() {
    return call(() -> slots.stream().anyMatch(ConnectionSlot::rotating)).join();
  }

  /** Waits for the engine thread to finish what is queued (tests and shutdown). */
  public void awaitIdle(Duration timeout) {
    try {
      call(() -> 0).get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("{}: engine busy after {}", venueId(), timeout);
    }
  }

  @Override
  public void close() {
    if (closed) {
      return;
    }
    try {
      call(() -> {
            streams.values().forEach(st -> st.close("connector stopping"));
            streams.clear();
            new ArrayList<>(slots).forEach(this::closeSlot);
            return 0;
          })
          .get(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      log.warn("{}: did not stop cleanly", venueId(), e);
    }
    closed = true;
    exec.shutdownNow();
  }

  // ---- for StreamState ---------------------------------------------------------------------

  VenueProtocol protocol() {
    return protocol;
  }

  VenueMetrics metrics() {
    return metrics;
  }

  StreamHandlerFactory handlers() {
    return handlers;
  }

  Backfiller backfiller() {
    return backfiller;
  }

  ConnectorSettings.Config core() {
    return core;
  }

  Publisher publisher() {
    return publisher;
  }

  String rawTopic() {
    return rawTopic;
  }

  String deadLetterSource() {
    return deadLetterSource;
  }

  ScheduledExecutorService timers() {
    return timers;
  }

  Clock clock() {
    return clock;
  }

  @SuppressWarnings("unchecked")
  <V> Topic<String, V> topic(Topic<String, V> topic) {
    return (Topic<String, V>) prefixed.computeIfAbsent(topic, t -> kafka.topic(t));
  }

  void deadLetter(String stream, Frame frame, String error) {
    metrics.deadLetters.increment();
    publisher.deadLetter(
        DeadLetter.ofFrame(
            deadLetterSource,
            venueId(),
            stream,
            frame.connectionId(),
            error,
            frame.payload(),
            clock.millis()));
  }

  // ---- subscriptions -----------------------------------------------------------------------

  private void reconcile(Map<String, SubscriptionRequest> desired) {
    if (closed) {
      return;
    }
    Set<ConnectionSlot> touched = new HashSet<>();
    for (String stream : new ArrayList<>(streams.keySet())) {
      if (!desired.containsKey(stream)) {
        removeStream(stream, touched);
      }
    }
    int added = 0;
    for (Map.Entry<String, SubscriptionRequest> e : desired.entrySet()) {
      StreamState st = streams.get(e.getKey());
      if (st != null) {
        st.update(e.getValue());
      } else {
        addStream(e.getKey(), e.getValue(), touched);
        added++;
      }
    }
    if (added > 0 || !touched.isEmpty()) {
      log.info(
          "{}: serving {} streams on {} connections ({} added)",
          venueId(),
          streams.size(),
          slots.size(),
          added);
    }
    touched.forEach(this::sync);
  }

  private void addStream(String stream, SubscriptionRequest request, Set<ConnectionSlot> touched) {
    StreamState st = new StreamState(this, stream, request);
    st.open();
    streams.put(stream, st);
    String route = protocol.route(stream);
    ConnectionSlot slot =
        slots.stream()
            .filter(
                s ->
                    !s.closing
                        && s.route.equals(route)
                        && s.target.size() < config.maxStreamsPerConnection())
            .findFirst()
            .orElseGet(() -> newSlot(route));
    slot.target.add(stream);
    slotOf.put(stream, slot);
    if (slot.replacement != null) {
      st.beginCandidate(slot.replacement);
    }
    touched.add(slot);
  }

  private void removeStream(String stream, Set<ConnectionSlot> touched) {
    StreamState st = streams.remove(stream);
    if (st != null) {
      st.close(
          "no longer requested here (unsubscribed, lease expired or moved to another replica)");
    }
    rejected.remove(stream);
    ConnectionSlot slot = slotOf.remove(stream);
    if (slot != null) {
      slot.target.remove(stream);
      touched.add(slot);
    }
  }

  private ConnectionSlot newSlot(String route) {
    Duration silence = config.streamSilenceTimeout();
    ConnectionSlot slot =
        new ConnectionSlot(
            ++slotCounter,
            route,
            new Backoff(core.backoffBase(), core.backoffCap()),
            new Backoff(silence, silence.multipliedBy(10)));
    slot.silenceRotationAllowedAtNanos = System.nanoTime();
    slots.add(slot);
    return slot;
  }

  /** Brings a slot's sessions in line with its target streams. */
  private void sync(ConnectionSlot slot) {
    if (slot.target.isEmpty()) {
      closeSlot(slot);
      return;
    }
    if (slot.current == null) {
      if (slot.retryTimer == null && !slot.connectPending) {
        openSession(slot, false);
      }
      return;
    }
    pump(slot.current);
    if (slot.replacement != null) {
      pump(slot.replacement);
    }
  }

  private void closeSlot(ConnectionSlot slot) {
    slot.closing = true;
    if (slot.retryTimer != null) {
      slot.retryTimer.cancel(false);
    }
    retire(slot.current, "no streams left on it");
    retire(slot.replacement, "no streams left on it");
    slots.remove(slot);
  }

  private void retire(SessionControl sc, String why) {
    if (sc == null) {
      return;
    }
    sc.retired = true;
    sc.cancelTimers();
    if (sc.ws != null) {
      sc.ws.close(why);
    }
  }

  // ---- sessions ----------------------------------------------------------------------------

  private void openSession(ConnectionSlot slot, boolean replacement) {
    slot.connectPending = false;
    if (closed || slot.closing || slot.target.isEmpty()) {
      return;
    }
    if (replacement
        ? slot.replacement != null || slot.current == null || !slot.current.open
        : slot.current != null) {
      return;
    }
    long wait = attempts.tryAcquire(1);
    if (wait > 0) {
      slot.connectPending = true;
      schedule(() -> openSession(slot, replacement), wait);
      return;
    }
    List<String> list = new ArrayList<>(slot.target);
    ConnectPlan plan;
    try {
      plan = protocol.connect(config.wsUrl(), slot.route, list);
    } catch (RuntimeException e) {
      // a protocol bug: retry later rather than leave the slot without a connection
      log.error("{}: cannot build the URL of {}", venueId(), slot, e);
      slot.connectPending = true;
      schedule(() -> openSession(slot, replacement), slot.backoff.next().toNanos());
      return;
    }
    String id = replicaId + "/" + venueId() + "/" + slot.number + "." + (++sessionCounter);
    RateLimiter outbound =
        new RateLimiter(
            "connection_messages",
            config.connectionMessageLimits(),
            System::nanoTime,
            meters,
            metrics.tags);
    SessionControl sc = new SessionControl(id, slot, outbound, plan.subscribedByUri());
    if (replacement) {
      slot.replacement = sc;
      slot.rotationStartNanos = System.nanoTime();
      for (String stream : slot.target) {
        StreamState st = streams.get(stream);
        if (st != null) {
          st.beginCandidate(sc);
        }
      }
    } else {
      slot.current = sc;
    }
    log.info(
        "{}: connecting {} for {} ({} streams{})",
        venueId(),
        id,
        slot,
        list.size(),
        replacement ? ", replacing " + slot.current.id + ": " + slot.rotationCause : "");
    try {
      sc.ws = ws.connect(id, plan.uri(), options(outbound), listener(sc));
    } catch (RuntimeException e) {
      log.error("{}: cannot connect to {}", venueId(), plan.uri(), e);
      onClosed(sc, CloseReason.failed(CloseReason.Kind.CONNECT_FAILED, e));
    }
  }

  private WsOptions options(RateLimiter outbound) {
    return new WsOptions(
        core.connectTimeout(),
        config.idleTimeout(),
        config.permessageDeflate(),
        core.maxMessageBytes(),
        protocol.keepAlive(),
        config.keepAliveInterval(),
        protocol.headers(),
        outbound);
  }

  private WsListener listener(SessionControl sc) {
    return new WsListener() {
      @Override
      public void onOpen(WsSession session) {
        execute(() -> VenueEngine.this.onOpen(sc));
      }

      @Override
      public void onMessage(
          WsSession session, byte[] payload, boolean binary, long receivedAtMicros) {
        onFrame(sc, new Frame(payload, binary, receivedAtMicros, sc.id));
      }

      @Override
      public void onClosed(WsSession session, CloseReason reason) {
        execute(() -> VenueEngine.this.onClosed(sc, reason));
      }
    };
  }

  private void onOpen(SessionControl sc) {
    if (sc.retired) {
      sc.ws.close("not needed any more");
      return;
    }
    sc.open = true;
    openSessions.incrementAndGet();
    ConnectionSlot slot = sc.slot;
    log.info(
        "{}: {} open{}",
        venueId(),
        sc.id,
        sc.ws.extensions().isEmpty() ? "" : " (" + sc.ws.extensions() + ")");
    for (String stream : sc.subscribed) {
      StreamState st = streams.get(stream);
      if (st != null && slot.target.contains(stream)) {
        st.subscribedOn(sc);
      }
    }
    sc.lifetimeTimer =
        schedule(
            () -> {
              if (sc == slot.current && sc.open) {
                rotate(slot, "lifetime");
              }
            },
            rotateAfterNanos());
    pump(sc);
  }

  /** Before the venue's lifetime ends, minus a lead and some jitter so rotations spread out. */
  private long rotateAfterNanos() {
    long life = config.maxConnectionLifetime().toNanos();
    long lead = Math.min(TimeUnit.MINUTES.toNanos(15), life / 10);
    long spread = Math.max(1, Math.min(TimeUnit.MINUTES.toNanos(5), life / 20));
    return Math.max(1, life - lead - ThreadLocalRandom.current().nextLong(spread));
  }

  private void onClosed(SessionControl sc, CloseReason reason) {
    boolean wasOpen = sc.open;
    sc.open = false;
    sc.cancelTimers();
    if (wasOpen) {
      openSessions.decrementAndGet();
    }
    if (sc.retired || closed) {
      return;
    }
    ConnectionSlot slot = sc.slot;
    if (slot.closing) {
      return;
    }
    if (reason.retryAfter() != null) {
      // venue limits are per IP: nobody connects before the venue said we may
      attempts.pause(reason.retryAfter());
    }
    if (sc == slot.replacement) {
      slot.replacement = null;
      slot.target.forEach(stream -> withStream(stream, st -> st.dropCandidate(sc)));
      log.warn("{}: replacement {} failed: {}", venueId(), sc.id, reason);
      metrics.reconnects(reason.cause()).increment();
      retryRotationLater(slot, reason);
      return;
    }
    if (sc != slot.current) {
      return;
    }
    metrics.reconnects(reason.cause()).increment();
    SessionControl replacement = slot.replacement;
    if (replacement != null) {
      // the old connection ended during a rotation (e.g. after a shutdown notice): switch now
      slot.current = replacement;
      slot.replacement = null;
      slot.target.forEach(stream -> withStream(stream, st -> st.sessionLost(sc, reason.cause())));
      log.info(
          "{}: {} ended during rotation ({}); {} takes over",
          venueId(),
          sc.id,
          reason,
          replacement.id);
      return;
    }
    slot.current = null;
    slot.target.forEach(stream -> withStream(stream, st -> st.sessionLost(sc, reason.cause())));
    Duration delay = slot.backoff.next();
    if (reason.retryAfter() != null && reason.retryAfter().compareTo(delay) > 0) {
      delay = reason.retryAfter();
    }
    if (wasOpen) {
      log.warn(
          "{}: {} lost: {}; reconnecting in {} ms", venueId(), sc.id, reason, delay.toMillis());
    } else {
      log.warn("{}: {} failed: {}; retrying in {} ms", venueId(), sc.id, reason, delay.toMillis());
    }
    slot.retryTimer =
        schedule(
            () -> {
              slot.retryTimer = null;
              if (slot.current == null) {
                openSession(slot, false);
              }
            },
            delay.toNanos());
  }

  private void retryRotationLater(ConnectionSlot slot, CloseReason reason) {
    Duration delay = slot.backoff.next();
    if (reason != null && reason.retryAfter() != null && reason.retryAfter().compareTo(delay) > 0) {
      delay = reason.retryAfter();
    }
    String cause = slot.rotationCause;
    schedule(() -> rotate(slot, cause), delay.toNanos());
  }

  // ---- frames (event loops) ----------------------------------------------------------------

  private void onFrame(SessionControl sc, Frame frame) {
    Inbound inbound;
    try {
      inbound = protocol.classify(frame);
    } catch (Exception | StackOverflowError e) {
      deadLetter(null, frame, "cannot read frame: " + StreamState.describe(e));
      return;
    }
    if (inbound instanceof Inbound.Data data) {
      StreamState st = streams.get(data.stream());
      if (st == null) {
        metrics.unexpected.increment();
        return;
      }
      st.accept(sc, frame);
      if (!sc.deliveredData) {
        sc.deliveredData = true;
        execute(
            () -> {
              if (sc == sc.slot.current) {
                sc.slot.backoff.reset();
              }
            });
      }
    } else if (inbound instanceof Inbound.Ack ack) {
      execute(() -> onAck(sc, ack.id()));
    } else if (inbound instanceof Inbound.Rejected rejection) {
      if (rejection.id() == null) {
        deadLetter(null, frame, "venue reported an error: " + rejection.error());
      }
      execute(() -> onRejected(sc, rejection));
    } else if (inbound instanceof Inbound.ShutdownNotice notice) {
      execute(
          () -> {
            if (sc == sc.slot.current) {
              log.info("{}: {} announced shutdown ({})", venueId(), sc.id, notice.detail());
              rotate(sc.slot, "server_shutdown");
            }
          });
    }
  }

  // ---- control messages --------------------------------------------------------------------

  /** Sends the control messages the session needs, as fast as its message limiter allows. */
  private void pump(SessionControl sc) {
    ConnectionSlot slot = sc.slot;
    if (!sc.open || sc.retired || (sc != slot.current && sc != slot.replacement)) {
      return;
    }
    while (true) {
      Optional<ControlMessage> next = protocol.nextControl(sc.controlState(), sc.nextId);
      if (next.isEmpty()) {
        return;
      }
      long wait = sc.outbound.tryAcquire(1);
      if (wait > 0) {
        if (sc.pumpTimer == null) {
          sc.pumpTimer =
              schedule(
                  () -> {
                    sc.pumpTimer = null;
                    pump(sc);
                  },
                  wait);
        }
        return;
      }
      ControlMessage message = next.get();
      if (!sc.ws.send(message.text())) {
        return;
      }
      sc.nextId++;
      metrics.controlMessages.increment();
      if (message.ackId() == null) {
        applyControl(sc, message);
        continue;
      }
      sc.inFlight.put(message.ackId(), message);
      sc.pendingAdds.addAll(message.adds());
      sc.pendingRemoves.addAll(message.removes());
      String id = message.ackId();
      sc.ackTimers.put(
          id, schedule(() -> onAckTimeout(sc, id), core.controlAckTimeout().toNanos()));
    }
  }

  private void applyControl(SessionControl sc, ControlMessage message) {
    sc.pendingAdds.removeAll(message.adds());
    sc.pendingRemoves.removeAll(message.removes());
    sc.subscribed.removeAll(message.removes());
    sc.subscribed.addAll(message.adds());
    for (String stream : message.adds()) {
      if (sc.slot.target.contains(stream)) {
        withStream(stream, st -> st.subscribedOn(sc));
      }
    }
  }

  private void onAck(SessionControl sc, String id) {
    ControlMessage message = sc.inFlight.remove(id);
    if (message == null) {
      return;
    }
    var timer = sc.ackTimers.remove(id);
    if (timer != null) {
      timer.cancel(false);
    }
    applyControl(sc, message);
    pump(sc);
  }

  private void onRejected(SessionControl sc, Inbound.Rejected rejection) {
    if (rejection.id() == null) {
      log.warn("{}: {} reported: {}", venueId(), sc.id, rejection.error());
      return;
    }
    ControlMessage message = sc.inFlight.remove(rejection.id());
    if (message == null) {
      return;
    }
    var timer = sc.ackTimers.remove(rejection.id());
    if (timer != null) {
      timer.cancel(false);
    }
    log.error("{}: {} refused {}: {}", venueId(), sc.id, message.text(), rejection.error());
    sc.pendingAdds.removeAll(message.adds());
    sc.pendingRemoves.removeAll(message.removes());
    sc.subscribed.removeAll(message.removes());
    ConnectionSlot slot = sc.slot;
    for (String stream : message.adds()) {
      if (slot.target.remove(stream)) {
        slotOf.remove(stream);
        rejected.add(stream);
        withStream(stream, st -> st.rejected(rejection.error()));
      }
    }
    pump(sc);
  }

  private void onAckTimeout(SessionControl sc, String id) {
    sc.ackTimers.remove(id);
    if (!sc.inFlight.containsKey(id) || sc.retired || !sc.open) {
      return;
    }
    ConnectionSlot slot = sc.slot;
    log.warn("{}: {} did not acknowledge control message {} in time", venueId(), sc.id, id);
    if (sc == slot.current) {
      rotate(slot, "ack_timeout");
    } else if (sc == slot.replacement) {
      abortRotation(slot, "replacement did not acknowledge control message " + id);
    }
  }

  // ---- rotation and silence ----------------------------------------------------------------

  private boolean rotate(ConnectionSlot slot, String cause) {
    if (closed
        || slot.closing
        || slot.replacement != null
        || slot.connectPending
        || slot.current == null
        || !slot.current.open
        || !slots.contains(slot)) {
      return false;
    }
    metrics.rotations(cause).increment();
    slot.rotationCause = cause;
    openSession(slot, true);
    return true;
  }

  private void tick() {
    long now = System.nanoTime();
    boolean silenceCheck = now - nextSilenceCheckNanos >= 0;
    if (silenceCheck) {
      nextSilenceCheckNanos =
          now + Math.min(TimeUnit.SECONDS.toNanos(1), config.streamSilenceTimeout().toNanos() / 4);
    }
    for (ConnectionSlot slot : new ArrayList<>(slots)) {
      if (slot.rotating()) {
        checkRotation(slot, now);
      } else if (silenceCheck) {
        checkSilence(slot, now);
      }
    }
  }

  private void checkRotation(ConnectionSlot slot, long now) {
    SessionControl next = slot.replacement;
    boolean overdue = now - slot.rotationStartNanos > core.rotationMaxOverlap().toNanos();
    if (!next.settled()) {
      next.fullySubscribedAtNanos = 0;
      if (overdue) {
        abortRotation(slot, "replacement not subscribed within " + core.rotationMaxOverlap());
      }
      return;
    }
    if (next.fullySubscribedAtNanos == 0) {
      next.fullySubscribedAtNanos = now;
    }
    boolean graceOver = now - next.fullySubscribedAtNanos >= core.rotationQuietGrace().toNanos();
    boolean allJoined = true;
    boolean oldActive = false;
    for (String stream : slot.target) {
      StreamState st = streams.get(stream);
      if (st == null || st.servedBy(next)) {
        continue;
      }
      boolean quiet = st.lastFrameNanos - slot.rotationStartNanos < 0;
      if (quiet && graceOver) {
        continue;
      }
      allJoined = false;
      oldActive |= !quiet;
    }
    if (allJoined) {
      switchOver(slot, "all streams joined");
    } else if (overdue) {
      if (next.deliveredData || !oldActive) {
        switchOver(slot, "overlap limit reached");
      } else {
        abortRotation(slot, "replacement delivered nothing while the old connection did");
      }
    }
  }

  private void switchOver(ConnectionSlot slot, String why) {
    SessionControl next = slot.replacement;
    SessionControl old = slot.current;
    slot.target.forEach(stream -> withStream(stream, st -> st.switchTo(next)));
    slot.current = next;
    slot.replacement = null;
    retire(old, "replaced by " + next.id);
    log.info(
        "{}: {} replaced {} ({}; {})",
        venueId(),
        next.id,
        old == null ? "nothing" : old.id,
        slot.rotationCause,
        why);
  }

  private void abortRotation(ConnectionSlot slot, String why) {
    SessionControl next = slot.replacement;
    slot.replacement = null;
    slot.target.forEach(stream -> withStream(stream, st -> st.dropCandidate(next)));
    retire(next, why);
    log.warn("{}: rotation of {} abandoned: {}", venueId(), slot, why);
    retryRotationLater(slot, null);
  }

  private void checkSilence(ConnectionSlot slot, long now) {
    SessionControl current = slot.current;
    if (current == null || !current.open) {
      return;
    }
    long timeout = config.streamSilenceTimeout().toNanos();
    List<String> silent = new ArrayList<>();
    for (String stream : slot.target) {
      StreamState st = streams.get(stream);
      if (st == null || st.subscribedSinceNanos == 0 || !protocol.expectsRegularUpdates(stream)) {
        continue;
      }
      long last =
          st.lastFrameNanos - st.subscribedSinceNanos > 0
              ? st.lastFrameNanos
              : st.subscribedSinceNanos;
      if (now - last > timeout) {
        silent.add(stream);
        if (!st.stale) {
          st.stale = true;
          metrics.stale.increment();
          st.marker(
              io.tickwire.model.StatusMarker.Status.STALE,
              "no message for " + config.streamSilenceTimeout().toMillis() + " ms",
              null);
        }
      }
    }
    if (!silent.isEmpty() && now - slot.silenceRotationAllowedAtNanos >= 0) {
      log.warn(
          "{}: {} silent streams on {} ({}); replacing the connection",
          venueId(),
          silent.size(),
          current.id,
          String.join(", ", silent.subList(0, Math.min(5, silent.size()))));
      slot.silenceRotationAllowedAtNanos = now + slot.silenceBackoff.next().toNanos();
      rotate(slot, "stream_silence");
    }
  }

  // ---- plumbing ----------------------------------------------------------------------------

  private void withStream(String stream, java.util.function.Consumer<StreamState> action) {
    StreamState st = streams.get(stream);
    if (st != null) {
      action.accept(st);
    }
  }

  private void execute(Runnable task) {
    try {
      exec.execute(() -> safely("task", task));
    } catch (RejectedExecutionException stopping) {
      // the engine is closed: nothing left to do
    }
  }

  private java.util.concurrent.ScheduledFuture<?> schedule(Runnable task, long delayNanos) {
    try {
      return exec.schedule(() -> safely("timer", task), delayNanos, TimeUnit.NANOSECONDS);
    } catch (RejectedExecutionException stopping) {
      return null;
    }
  }

  private <T> CompletableFuture<T> call(java.util.concurrent.Callable<T> task) {
    CompletableFuture<T> result = new CompletableFuture<>();
    try {
      exec.execute(
          () -> {
            try {
              result.complete(task.call());
            } catch (Exception | Error e) {
              result.completeExceptionally(e);
            }
          });
    } catch (RejectedExecutionException stopping) {
      result.completeExceptionally(stopping);
    }
    return result;
  }

  private void safely(String what, Runnable task) {
    try {
      task.run();
    } catch (RuntimeException | Error e) {
      log.error("{}: engine {} failed", venueId(), what, e);
    }
  }
}
