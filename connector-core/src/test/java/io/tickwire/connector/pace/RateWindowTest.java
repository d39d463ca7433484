package io.tickwire.connector.pace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateWindowTest {

  @Test
  void parsesTheSettingsForm() {
    assertThat(RateWindow.parse("300/5m")).isEqualTo(new RateWindow(300, Duration.ofMinutes(5)));
    assertThat(RateWindow.parse(" 5 / 1s ")).isEqualTo(new RateWindow(5, Duration.ofSeconds(1)));
    assertThat(RateWindow.parse("6000/1m").window()).isEqualTo(Duration.ofMinutes(1));
    assertThat(RateWindow.parseAll(List.of("5/1s", "100/1m"))).hasSize(2);
  }

  @Test
  void namesTheTextItCannotParse() {
    assertThatThrownBy(() -> RateWindow.parse("5 per second"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("'5 per second' is not a rate limit such as 5/1s, 300/5m or 6000/1m");
    assertThatThrownBy(() -> RateWindow.parse("0/1s")).hasMessageContaining("at least 1");
  }

  /**
   * A greedy client taking every token the moment it is there must never exceed the limit in ANY
   * window, including ones straddling the refill: the property that keeps a client from a ban.
   */
  @Test
  void aGreedyClientNeverExceedsTheLimitInAnySlidingWindow() {
    for (RateWindow limit :
        List.of(RateWindow.parse("5/1s"), RateWindow.parse("300/5m"), RateWindow.parse("100/1m"))) {
      AtomicLong now = new AtomicLong(1_000);
      TokenBucket bucket = limit.toBucket("test", now::get);
      List<Long> grants = new ArrayList<>();
      long step = limit.window().toNanos() / 1000;
      long end = now.get() + limit.window().toNanos() * 10;
      while (now.get() < end) {
        while (bucket.tryAcquire(1)) {
          grants.add(now.get());
        }
        now.addAndGet(step);
      }
      assertThat(maxInAnyWindow(grants, limit.window().toNanos()))
          .as("most grants in any %s window", limit)
          .isLessThanOrEqualTo(limit.count());
      // and it is not needlessly slow: at least 75 % of the limit over the run
      assertThat(grants.size()).isGreaterThanOrEqualTo((int) (limit.count() * 10 * 0.75));
    }
  }

  private static int maxInAnyWindow(List<Long> times, long window) {
    int max = 0;
    int start = 0;
    for (int i = 0; i < times.size(); i++) {
      while (times.get(i) - times.get(start) >= window) {
        start++;
      }
      max = Math.max(max, i - start + 1);
    }
    return max;
  }

  @Test
  void forcedPermitsPutTheBucketInDebtSoLaterRequestsWaitLonger() {
    AtomicLong now = new AtomicLong();
    TokenBucket bucket = new TokenBucket("pong", 1, 1, now::get);
    bucket.forceAcquire(1);
    bucket.forceAcquire(1);
    assertThat(bucket.available()).isEqualTo(-1.0);
    assertThat(bucket.tryAcquire(1)).isFalse();
    assertThat(bucket.nanosUntil(1)).isEqualTo(TimeUnit.SECONDS.toNanos(2));
    now.addAndGet(TimeUnit.SECONDS.toNanos(2));
    assertThat(bucket.tryAcquire(1)).isTrue();
  }
}
