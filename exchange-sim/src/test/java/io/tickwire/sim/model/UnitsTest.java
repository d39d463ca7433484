package io.tickwire.sim.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class UnitsTest {

  @Test
  void formatsFixedPointValues() {
    assertThat(Units.format(2535190, 5, 8)).isEqualTo("25.35190000");
    assertThat(Units.format(6412310, 1, 1)).isEqualTo("641231.0");
    assertThat(Units.format(5, 3, 3)).isEqualTo("0.005");
    assertThat(Units.format(-15, 2, 2)).isEqualTo("-0.15");
    assertThat(Units.format(90000000, 0, 0)).isEqualTo("90000000");
    assertThat(Units.plain(100473000, 0)).isEqualTo("100473000");
    assertThat(Units.plain(3096742, 8)).isEqualTo("0.03096742");
    assertThat(Units.parse("0.1", 4)).isEqualTo(1000);
    assertThatThrownBy(() -> Units.parse("0.12345", 4))
        .hasMessageContaining("more than 4 decimals");
  }

  @Test
  void intervalsAlignLikeBinance() {
    long t = Instant.parse("2026-03-18T13:47:12.345Z").toEpochMilli();
    assertThat(Interval.of("1m").openTime(t))
        .isEqualTo(Instant.parse("2026-03-18T13:47:00Z").toEpochMilli());
    assertThat(Interval.of("4h").openTime(t))
        .isEqualTo(Instant.parse("2026-03-18T12:00:00Z").toEpochMilli());
    assertThat(Interval.of("1w").openTime(t))
        .isEqualTo(Instant.parse("2026-03-16T00:00:00Z").toEpochMilli());
    long month = Interval.of("1M").openTime(t);
    assertThat(month).isEqualTo(Instant.parse("2026-03-01T00:00:00Z").toEpochMilli());
    assertThat(Interval.of("1M").nextOpen(month))
        .isEqualTo(Instant.parse("2026-04-01T00:00:00Z").toEpochMilli());
    assertThat(Interval.of("240m").openTime(t))
        .isEqualTo(Instant.parse("2026-03-18T12:00:00Z").toEpochMilli());
  }
}
