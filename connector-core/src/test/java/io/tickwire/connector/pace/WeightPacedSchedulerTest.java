package io.tickwire.connector.pace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import io.tickwire.connector.rest.VenueException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WeightPacedSchedulerTest {

  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private RateLimiter weight;
  private WeightPacedScheduler scheduler;

  private void start(String limit, int concurrency) {
    weight =
        new RateLimiter(
            "rest_weight",
            List.of(RateWindow.parse(limit)),
            System::nanoTime,
            meters,
            Tags.of("venue", "binance-spot"));
    scheduler = new WeightPacedScheduler("test", weight, concurrency);
  }

  @AfterEach
  void stop() {
    scheduler.close();
  }

  @Test
  void runsResyncsBeforeBackfillsBeforeAuditsAndJoinsRequestsForTheSameKey() throws Exception {
    start("100000/1s", 1);
    CountDownLatch release = new CountDownLatch(1);
    List<String> order = new CopyOnWriteArrayList<>();
    CompletableFuture<String> blocker =
        scheduler.submit(
            "blocker",
            1,
            Priority.RESYNC,
            () -> {
              release.await(30, TimeUnit.SECONDS);
              order.add("blocker");
              return "blocker";
            });
    awaitRunning(1);
    CompletableFuture<String> audit =
        scheduler.submit("a", 1, Priority.AUDIT, () -> record(order, "audit"));
    CompletableFuture<String> backfill =
        scheduler.submit("b", 1, Priority.BACKFILL, () -> record(order, "backfill"));
    AtomicInteger resyncCalls = new AtomicInteger();
    CompletableFuture<String> resync =
        scheduler.submit(
            "depth:BTCUSDT",
            1,
            Priority.RESYNC,
            () -> {
              resyncCalls.incrementAndGet();
              return record(order, "resync");
            });
    CompletableFuture<String> sameBook =
        scheduler.submit("depth:BTCUSDT", 1, Priority.RESYNC, () -> record(order, "second resync"));
    assertThat(sameBook).isSameAs(resync);
    assertThat(scheduler.queued()).isEqualTo(3);

    release.countDown();
    assertThat(audit.get(30, TimeUnit.SECONDS)).isEqualTo("audit");
    assertThat(backfill.get(30, TimeUnit.SECONDS)).isEqualTo("backfill");
    assertThat(blocker.get(30, TimeUnit.SECONDS)).isEqualTo("blocker");
    assertThat(order).containsExactly("blocker", "resync", "backfill", "audit");
    assertThat(resyncCalls).hasValue(1);
  }

  @Test
  void pacesByWeightAndCountsTheWaits() throws Exception {
    start("10/1s", 4);
    List<CompletableFuture<Integer>> calls = new java.util.ArrayList<>();
    for (int i = 0; i < 6; i++) {
      int n = i;
      calls.add(scheduler.submit("call-" + i, 2, Priority.BACKFILL, () -> n));
    }
    for (int i = 0; i < 6; i++) {
      assertThat(calls.get(i).get(30, TimeUnit.SECONDS)).isEqualTo(i);
    }
    // burst 2: only the first call had its weight at once
    assertThat(weight.waitsCounted()).isPositive();
  }

  @Test
  void pausesForRetryAfterAndRunsTheRequestAgain() throws Exception {
    start("100000/1s", 2);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> snapshot =
        scheduler.submit(
            "depth:ETHUSDT",
            5,
            Priority.RESYNC,
            () -> {
              if (attempts.incrementAndGet() == 1) {
                throw new VenueException.RateLimited("429", Duration.ofMillis(200), false);
              }
              return "book";
            });
    assertThat(snapshot.get(30, TimeUnit.SECONDS)).isEqualTo("book");
    assertThat(attempts).hasValue(2);
  }

  @Test
  void failsAtOnceOnARefusal() {
    start("100000/1s", 1);
    AtomicInteger attempts = new AtomicInteger();
    CompletableFuture<String> call =
        scheduler.submit(
            "bad",
            1,
            Priority.RESYNC,
            () -> {
              attempts.incrementAndGet();
              throw new VenueException.Rejected("invalid symbol", 400);
            });
    assertThat(call).failsWithin(Duration.ofSeconds(30));
    assertThat(attempts).hasValue(1);
  }

  private static String record(List<String> order, String what) {
    order.add(what);
    return what;
  }

  private void awaitRunning(int n) {
    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> scheduler.running() == n);
  }
}
