package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.Sequence;
import org.junit.jupiter.api.Test;

/**
 * A hole in contiguous ids is a gap; time-derived ids skip values on every trade, so there a jump
 * must not be taken for one.
 */
class SequentialIdsTest {

  private static final long TIME = 1_730_336_862_047L;

  @Test
  void autoTellsTimeDerivedIdsFromCounters() {
    assertThat(SequentialIds.AUTO.sequence(17303368620470000L, TIME))
        .as("live venue: time x 10^4 + n")
        .isEqualTo(Sequence.increasing(17303368620470000L));
    assertThat(SequentialIds.AUTO.sequence(1730336862047003L, TIME))
        .as("time x 10^3 + n")
        .isEqualTo(Sequence.increasing(1730336862047003L));
    assertThat(SequentialIds.AUTO.sequence(1_000_042L, TIME))
        .as("a counter")
        .isEqualTo(Sequence.gapless(1_000_042L));
  }

  @Test
  void forcedModesIgnoreTheIdsShape() {
    assertThat(SequentialIds.CONTIGUOUS.sequence(17303368620470000L, TIME).gapless()).isTrue();
    assertThat(SequentialIds.TIMESTAMP.sequence(1_000_042L, TIME).gapless()).isFalse();
  }
}
