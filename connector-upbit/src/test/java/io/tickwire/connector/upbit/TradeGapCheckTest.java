package io.tickwire.connector.upbit;

import static org.assertj.core.api.Assertions.assertThat;

import io.tickwire.connector.Frame;
import io.tickwire.connector.Normalized;
import io.tickwire.connector.Sequence;
import io.tickwire.connector.testing.RecordingStreamContext;
import io.tickwire.model.Side;
import io.tickwire.model.StatusMarker;
import io.tickwire.model.StreamNames;
import io.tickwire.model.Trade;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * With time-derived ids a jump proves nothing: only after a reconnect is REST asked what was
 * missed, and a gap is reported only when REST has trades the stream did not deliver.
 */
class TradeGapCheckTest {

  private static final long T = 1_730_336_862_000L;

  private final RecordingStreamContext context =
      new RecordingStreamContext(
          StreamNames.fromUpbit("upbit", "trade:KRW-BTC", "test", null, 0),
          "trade:KRW-BTC",
          "KRW-BTC");
  private final List<long[]> asked = new ArrayList<>();
  private CompletableFuture<List<Trade>> answer = new CompletableFuture<>();
  private final TradeGapCheck check =
      new TradeGapCheck(
          context,
          (code, after, before) -> {
            asked.add(new long[] {after, before});
            return answer;
          },
          Duration.ofSeconds(30),
          1000);

  @AfterEach
  void stop() {
    check.close();
    context.close();
  }

  @Test
  void jumpsOfTimeDerivedIdsAreNotGaps() {
    feed(id(0), id(7), id(1000));

    assertThat(publishedIds()).containsExactly(id(0), id(7), id(1000));
    assertThat(asked).isEmpty();
    assertThat(context.markers).isEmpty();
  }

  @Test
  void aReconnectThatMissedTradesReportsAndBackfillsThemFirst() {
    feed(id(0), id(1));
    check.onDisconnected("connection_lost");
    feed(id(9), id(10));

    assertThat(asked).containsExactly(new long[] {id(1), id(9)});
    assertThat(publishedIds()).as("held while REST is asked").containsExactly(id(0), id(1));

    answer.complete(List.of(trade(id(4)).asBackfilled(), trade(id(6)).asBackfilled()));

    assertThat(publishedIds()).containsExactly(id(0), id(1), id(4), id(6), id(9), id(10));
    assertThat(context.published.subList(2, 4)).allMatch(e -> ((Trade) e).backfilled());
    assertThat(context.markerStatuses())
        .containsExactly(StatusMarker.Status.GAP_DETECTED, StatusMarker.Status.BACKFILLED);
    assertThat(context.markers.get(1).count()).isEqualTo(2);
  }

  @Test
  void aReconnectThatMissedNothingReportsNothing() {
    feed(id(0));
    check.onDisconnected("idle");
    feed(id(3));
    answer.complete(List.of());
    feed(id(5));

    assertThat(publishedIds()).containsExactly(id(0), id(3), id(5));
    assertThat(context.markers).isEmpty();
  }

  @Test
  void aFailedCheckSaysTradesMayBeMissing() {
    feed(id(0));
    check.onDisconnected("idle");
    feed(id(3));
    answer.completeExceptionally(new java.io.IOException("connection refused"));

    assertThat(publishedIds()).containsExactly(id(0), id(3));
    assertThat(context.markerStatuses()).containsExactly(StatusMarker.Status.GAP_DETECTED);
    assertThat(context.markers.get(0).detail()).contains("REST check failed");
  }

  @Test
  void contiguousIdsWereCheckedByTheCoreAndPassStraightThrough() {
    check.onDisconnected("idle");
    Trade t = trade(5);
    check.onData(Normalized.of(t, Sequence.gapless(5), T), frame());

    assertThat(publishedIds()).containsExactly(5L);
    assertThat(asked).isEmpty();
  }

  private static long id(int n) {
    return (T + n) * 10_000;
  }

  private void feed(long... ids) {
    for (long id : ids) {
      check.onData(Normalized.of(trade(id), Sequence.increasing(id), T), frame());
    }
  }

  private List<Long> publishedIds() {
    return context.published.stream().map(e -> ((Trade) e).tradeId()).toList();
  }

  private static Frame frame() {
    return new Frame(new byte[0], true, 1, "test");
  }

  private static Trade trade(long id) {
    return new Trade(
        "upbit",
        "BTC-KRW",
        "KRW-BTC",
        Trade.Kind.TRADE,
        id,
        null,
        null,
        "100",
        "1",
        Side.BUY,
        id / 10_000,
        id / 10_000,
        1,
        false);
  }
}
