package io.tickwire.jobs.book;

import static io.tickwire.jobs.Decimals.plain;

import io.tickwire.jobs.RejectedRecordException;
import io.tickwire.jobs.StoreContents;
import io.tickwire.model.BookEvent;
import io.tickwire.model.BookTop;
import io.tickwire.model.Instrument;
import io.tickwire.model.Level;
import io.tickwire.model.StatusMarker;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Applies book events and gap markers to the task's books and publishes the changed ones on a
 * wall-clock schedule. Every change is written to the stores as it happens, so what a commit covers
 * is exactly what the stores hold; the objects kept here only spare reading them back.
 */
final class BookAggregatorProcessor implements Processor<String, Object, String, BookTop> {

  /** Level keys: {@code <instrument> NUL <b|a><price without trailing zeros>}. */
  private static final char SEPARATOR = '\u0000';

  private static final char BID = 'b';
  private static final char ASK = 'a';

  private final BookAggregatorConfig config;
  private final BookAggregatorMetrics metrics;
  private final Map<String, OrderBook> books = new HashMap<>();
  private final Set<String> changed = new LinkedHashSet<>();
  private ProcessorContext<String, BookTop> context;
  private KeyValueStore<String, OrderBook> headers;
  private KeyValueStore<String, String> levels;

  BookAggregatorProcessor(BookAggregatorConfig config, BookAggregatorMetrics metrics) {
    this.config = config;
    this.metrics = metrics;
  }

  @Override
  public void init(ProcessorContext<String, BookTop> context) {
    this.context = context;
    this.headers = context.getStateStore(BookAggregator.HEADERS_STORE);
    this.levels = context.getStateStore(BookAggregator.LEVELS_STORE);
    books.clear();
    changed.clear();
    StoreContents.forEach(
        headers,
        (instrument, book) -> {
          books.put(instrument, book);
          if (book.unpublished()) {
            changed.add(instrument);
          }
        });
    StoreContents.forEach(
        levels,
        (key, level) -> {
          int end = key.indexOf(SEPARATOR);
          OrderBook book = books.get(key.substring(0, end));
          if (book != null) { // a header is written with every level, never after
            int space = level.indexOf(' ');
            book.restore(
                key.charAt(end + 1) == BID,
                new Level(level.substring(0, space), level.substring(space + 1)));
          }
        });
    context.schedule(config.cadence(), PunctuationType.WALL_CLOCK_TIME, this::publish);
  }

  @Override
  public void process(Record<String, Object> record) {
    if (record.value() instanceof BookEvent event) {
      apply(record.key(), event);
    } else if (record.value() instanceof StatusMarker marker) {
      apply(marker);
    }
  }

  private void apply(String key, BookEvent event) {
    if (event.venue() == null || event.symbol() == null || event.kind() == null) {
      throw new RejectedRecordException("book event without venue, symbol or kind");
    }
    String instrument = key == null ? event.instrumentKey() : key;
    OrderBook book = books.get(instrument);
    List<PriceLevel> bids;
    List<PriceLevel> asks;
    try {
      bids = PriceLevel.parse(event.bids(), "bid");
      asks = PriceLevel.parse(event.asks(), "ask");
    } catch (RejectedRecordException unreadable) {
      if (book != null && book.skip(event, unreadable.getMessage())) {
        metrics.gaps.increment();
        save(instrument, book);
      }
      throw unreadable;
    }
    boolean fresh = book == null;
    if (fresh) {
      book = new OrderBook(event.venue(), event.symbol(), event.nativeSymbol());
    }
    OrderBook.Outcome outcome = book.apply(event, bids, asks);
    if (outcome == OrderBook.Outcome.IGNORED) {
      metrics.ignored.increment();
    }
    if (outcome == OrderBook.Outcome.BROKE) {
      metrics.gaps.increment();
    }
    if (fresh || outcome != OrderBook.Outcome.IGNORED) {
      save(instrument, book);
    }
  }

  /**
   * Markers that say events of an instrument's book stream were lost (a gap the connector detected,
   * or events it had to drop while Kafka was away); trade gaps and venue-wide markers pass by.
   */
  private void apply(StatusMarker marker) {
    if ((marker.status() != StatusMarker.Status.GAP_DETECTED
            && marker.status() != StatusMarker.Status.DROPPED)
        || marker.symbol() == null
        || !isBookStream(marker.stream())) {
      return;
    }
    String instrument = Instrument.key(marker.venue(), marker.symbol());
    OrderBook book = books.get(instrument);
    if (book != null && book.breakOn(marker)) {
      metrics.markerBreaks.increment();
      save(instrument, book);
    }
  }

  /** A marker naming no stream could be about the book, so it counts. */
  static boolean isBookStream(String stream) {
    return stream == null || stream.contains("@depth") || stream.startsWith("orderbook");
  }

  /** The book's header, and each level the last event wrote or removed, go to the stores. */
  private void save(String instrument, OrderBook book) {
    books.put(instrument, book);
    headers.put(instrument, book);
    for (OrderBook.Change change : book.drainChanges()) {
      String key = instrument + SEPARATOR + (change.bid() ? BID : ASK) + plain(change.price());
      if (change.level() == null) {
        levels.delete(key);
      } else {
        levels.put(key, change.level().price() + ' ' + change.level().quantity());
      }
    }
    changed.add(instrument);
  }

  private void publish(long now) {
    for (String instrument : changed) {
      OrderBook book = books.get(instrument);
      BookTop top = book.top(config.levels(), config.bandsBps(), now);
      context.forward(new Record<>(instrument, top, now));
      book.published();
      headers.put(instrument, book);
      metrics.published.increment();
    }
    changed.clear();
  }
}
