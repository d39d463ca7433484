package io.tickwire.connector.book;

import io.tickwire.connector.pace.WeightPacedScheduler;
import io.tickwire.model.BookEvent;
import java.util.concurrent.CompletableFuture;

/**
 * Fetches a REST snapshot of one book as a {@code snapshot} {@link BookEvent}, through the venue's
 * {@link WeightPacedScheduler} (so the venue module decides the depth limit and its weight).
 */
@FunctionalInterface
public interface SnapshotSource {

  CompletableFuture<BookEvent> fetch(WeightPacedScheduler.Priority priority);
}
