package io.tickwire.kit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

  @Test
  void ceilingDoublesUpToTheCapAndWaitsStayUnderIt() {
    Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));

    long[] ceilings = new long[6];
    for (int i = 0; i < ceilings.length; i++) {
      ceilings[i] = backoff.ceiling().toMillis();
      assertThat(backoff.next()).isBetween(Duration.ZERO, Duration.ofMillis(ceilings[i]));
    }

    assertThat(ceilings).containsExactly(100, 200, 400, 800, 1000, 1000);
  }

  @Test
  void resetStartsSmallAgain() {
    Backoff backoff = new Backoff(Duration.ofMillis(50), Duration.ofSeconds(10));
    for (int i = 0; i < 100; i++) {
      backoff.next();
    }
    assertThat(backoff.ceiling()).isEqualTo(Duration.ofSeconds(10));

    backoff.reset();

    assertThat(backoff.ceiling()).isEqualTo(Duration.ofMillis(50));
    assertThat(backoff.attempts()).isZero();
  }

  @Test
  void jitterSpreadsWaits() {
    Backoff backoff = new Backoff(Duration.ofSeconds(10), Duration.ofSeconds(10));
    long distinct =
        java.util.stream.IntStream.range(0, 50).mapToObj(i -> backoff.next()).distinct().count();

    assertThat(distinct).isGreaterThan(10);
  }

  @Test
  void rejectsNonsense() {
    assertThatThrownBy(() -> new Backoff(Duration.ZERO, Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
