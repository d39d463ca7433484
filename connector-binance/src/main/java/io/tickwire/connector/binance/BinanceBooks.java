package io.tickwire.connector.binance;

import io.tickwire.connector.StreamContext;
import io.tickwire.connector.StreamHandler;
import io.tickwire.connector.StreamHandlerFactory;
import io.tickwire.connector.binance.wire.DepthSnapshot;
import io.tickwire.connector.book.SnapshotSource;
import io.tickwire.connector.book.SyncedBookHandler;
import io.tickwire.connector.pace.WeightPacedScheduler.Priority;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * Gives every diff-depth stream a maintained local book ({@link SyncedBookHandler}) with the
 * market's rules: spot chains {@code U}/{@code u}, USD-M the {@code pu} of each event. Resync
 * snapshots ask for {@code snapshotLimit} levels; audits ask for {@link #AUDIT_LIMIT} levels (a
 * lighter request) and compare the top {@code auditLevels} of each side.
 */
final class BinanceBooks implements StreamHandlerFactory {

  /** A REST depth snapshot of a book ({@link BinanceRest#depth}). */
  @FunctionalInterface
  interface Snapshots {
    CompletableFuture<DepthSnapshot> fetch(String nativeSymbol, int limit, Priority priority);
  }

  /** Levels an audit snapshot asks for: weight 5 on both markets. */
  static final int AUDIT_LIMIT = 100;

  /** Deltas kept while a snapshot is on its way; older ones are dropped (a refetch follows). */
  static final int MAX_BUFFERED = 20_000;

  private final BinanceProtocol protocol;
  private final Snapshots rest;
  private final int snapshotLimit;
  private final Duration auditInterval;
  private final int auditLevels;

  BinanceBooks(
      BinanceProtocol protocol,
      Snapshots rest,
      int snapshotLimit,
      Duration auditInterval,
      int auditLevels) {
    this.protocol = protocol;
    this.rest = rest;
    this.snapshotLimit = snapshotLimit;
    this.auditInterval = auditInterval;
    this.auditLevels = auditLevels;
  }

  @Override
  public Optional<StreamHandler> create(StreamContext context) {
    BinanceStream s = protocol.stream(context.stream());
    if (s.channel() != BinanceChannel.DEPTH) {
      return Optional.empty();
    }
    SnapshotSource snapshots =
        priority ->
            rest.fetch(
                    s.nativeSymbol(),
                    priority == Priority.AUDIT ? AUDIT_LIMIT : snapshotLimit,
                    priority)
                .thenApply(
                    d -> BinanceAdapters.snapshot(protocol.venueId(), s, d, context.nowMicros()));
    return Optional.of(
        new SyncedBookHandler(
            context,
            protocol.market().bookRules(),
            snapshots,
            auditInterval,
            auditLevels,
            MAX_BUFFERED));
  }
}
