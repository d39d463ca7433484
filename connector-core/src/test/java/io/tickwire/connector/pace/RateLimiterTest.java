package io.tickwire.connector.pace;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

  private final AtomicLong now = new AtomicLong();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

  private RateLimiter limiter(String... windows) {
    return new RateLimiter(
        "connection_messages",
        RateWindow.parseAll(List.of(windows)),
        now::get,
        meters,
        Tags.of("venue", "upbit"));
  }

  @Test
  void everyBucketMustAgreeAndWaitsAreCounted() {
    RateLimiter limiter = limiter("5/1s", "8/1m");
    int granted = 0;
    for (int second = 0; second < 10; second++) {
      while (limiter.tryAcquire(1) == 0) {
        granted++;
      }
      now.addAndGet(TimeUnit.SECONDS.toNanos(1));
    }
    // the per-minute bucket (burst 1, then 7 per minute) caps it long before the per-second one
    assertThat(granted).isLessThanOrEqualTo(8);
    assertThat(
            meters
                .get("connector.rate.limit.waits")
                .tags("venue", "upbit", "limit", "connection_messages")
                .counter()
                .count())
        .isEqualTo(limiter.waitsCounted())
        .isGreaterThanOrEqualTo(10);
  }

  @Test
  void aRetryAfterPausesEverythingEvenWithTokensLeft() {
    RateLimiter limiter = limiter("300/5m");
    limiter.pause(Duration.ofSeconds(30));
    long wait = limiter.tryAcquire(1);
    assertThat(wait).isBetween(TimeUnit.SECONDS.toNanos(29), TimeUnit.SECONDS.toNanos(30));
    now.addAndGet(TimeUnit.SECONDS.toNanos(30));
    assertThat(limiter.tryAcquire(1)).isZero();
  }

  @Test
  void aRequestHeavierThanTheBucketTakesTheWholeBucketInsteadOfStarving() {
    RateLimiter weight = limiter("100/1m");
    assertThat(weight.maxPermits()).isEqualTo(20.0);
    assertThat(weight.tryAcquire(250)).isZero();
    assertThat(weight.tryAcquire(250)).isPositive();
  }

  @Test
  void anUnlimitedLimiterNeverWaits() {
    RateLimiter none = RateLimiter.unlimited("none", meters, Tags.empty());
    for (int i = 0; i < 1000; i++) {
      assertThat(none.tryAcquire(1)).isZero();
    }
  }
}
