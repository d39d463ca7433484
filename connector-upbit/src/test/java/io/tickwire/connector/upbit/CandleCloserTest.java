package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Micros;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.testing.RecordingStreamContext;
import io.tickwire.model.Kline;
import io.tickwire.model.StreamNames;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Upbit sends no "closed" flag; the closer adds it on the next candle or when time runs out. */
class CandleCloserTest {

  private static final long MINUTE = 60_000;

  private final RecordingStreamContext context =
      new RecordingStreamContext(
          StreamNames.fromUpbit("upbit", "candle.1m:KRW-BTC", "test", null, 0),
          "candle.1m:KRW-BTC",
          "KRW-BTC");

  @AfterEach
  void stop() {
    context.close();
  }

  @Test
  void aLaterCandleClosesThePreviousOneFirst() {
    long open = Clock.systemUTC().millis() / MINUTE * MINUTE;
    CandleCloser closer = new CandleCloser(context, Duration.ofMinutes(5));

    feed(closer, candle(open, "100", open + 10));
    feed(closer, candle(open, "101", open + 20));
    feed(closer, candle(open, "101", open + 20)); // the snapshot re-sent on a list change
    feed(closer, candle(open + MINUTE, "102", open + MINUTE + 5));

    assertThat(context.published)
        .extracting(e -> ((Kline) e).close() + "/" + ((Kline) e).closed())
        .containsExactly("100/false", "101/false", "101/true", "102/false");
    Kline closed = (Kline) context.published.get(2);
    assertThat(closed.openTime()).isEqualTo(open);
    assertThat(closed.closeTime()).isEqualTo(open + MINUTE - 1);
    closer.close();
  }

  @Test
  void aCandleWhoseIntervalPassedWithNoUpdateIsClosedByTheTimer() {
    long now = Clock.systemUTC().millis();
    long open = now - MINUTE + 200; // ends 200 ms from now
    CandleCloser closer = new CandleCloser(context, Duration.ofMillis(300));

    feed(closer, candle(open, "100", now));

    await().atMost(Duration.ofSeconds(30)).until(() -> context.published.size() == 2);
    assertThat(((Kline) context.published.get(1)).closed()).isTrue();
    assertThat(((Kline) context.published.get(1)).close()).isEqualTo("100");
    assertThat(Clock.systemUTC().millis()).isGreaterThanOrEqualTo(open + MINUTE);

    // a push that arrives after that is a correction of a final candle
    feed(closer, candle(open, "99", now + 10));
    feed(closer, candle(open - MINUTE, "98", now + 10));
    assertThat(context.published)
        .extracting(e -> ((Kline) e).close() + "/" + ((Kline) e).closed())
        .containsExactly("100/false", "100/true", "99/true", "98/true");
    closer.close();
  }

  private static void feed(CandleCloser closer, Kline k) {
    long received = Micros.now(Clock.systemUTC());
    closer.onData(
        Normalized.of(k, Sequence.NONE, k.eventTime()),
        new Frame(new byte[0], true, received, "test"));
  }

  private static Kline candle(long open, String close, long eventTime) {
    return new Kline(
        "upbit",
        "BTC-KRW",
        "KRW-BTC",
        "1m",
        open,
        open + MINUTE - 1,
        "100",
        "102",
        "98",
        close,
        "1.5",
        "150",
        null,
        null,
        null,
        false,
        eventTime,
        Micros.now(Clock.systemUTC()));
  }
}
