package io.tickwire.bench.jobs;

import io.tickwire.model.BookEvent;
import io.tickwire.model.Level;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Binance spot diff-depth books of 200 instruments, 20 levels a side: one snapshot each, then
 * deltas that continue the update-id chain ({@code U = previous u + 1}), each changing the quantity
 * of two bid and two ask levels.
 */
final class BookWorkload implements Workload {

  private static final int INSTRUMENTS = 200;
  private static final int LEVELS = 20;
  private static final long FIRST_ID = 1_000;
  private static final long IDS_PER_DELTA = 3;

  private final SplittableRandom random = new SplittableRandom(5);
  private final long[] deltas = new long[INSTRUMENTS];
  private long sequence;

  @Override
  public String target() {
    return "book-aggregator";
  }

  @Override
  public String applicationId() {
    return "tickwire-book-aggregator";
  }

  @Override
  public Topic<String, ?> input() {
    return Topics.BOOK;
  }

  @Override
  public Topic<String, ?> output() {
    return Topics.BOOK_TOP;
  }

  @Override
  public ProducerRecord<String, byte[]> next(String topic, long now) {
    int instrument = (int) (sequence++ % INSTRUMENTS);
    String base = "SYM" + instrument;
    BookEvent event;
    if (sequence <= INSTRUMENTS) {
      event =
          new BookEvent(
              "binance-spot",
              base + "-USDT",
              base + "USDT",
              BookEvent.Kind.SNAPSHOT,
              null,
              null,
              FIRST_ID,
              null,
              side(0, LEVELS, -1),
              side(0, LEVELS, 1),
              null,
              null,
              now * 1000);
    } else {
      long k = deltas[instrument]++;
      long first = FIRST_ID + k * IDS_PER_DELTA + 1;
      event =
          new BookEvent(
              "binance-spot",
              base + "-USDT",
              base + "USDT",
              BookEvent.Kind.DELTA,
              null,
              first,
              first + IDS_PER_DELTA - 1,
              null,
              changes(-1),
              changes(1),
              now,
              null,
              now * 1000);
    }
    return new ProducerRecord<>(
        topic,
        null,
        now,
        event.instrumentKey(),
        Topics.BOOK.valueSerde().serializer().serialize(topic, event));
  }

  private List<Level> changes(int direction) {
    List<Level> levels = new ArrayList<>(2);
    int a = random.nextInt(LEVELS);
    int b = (a + 1 + random.nextInt(LEVELS - 1)) % LEVELS;
    levels.add(level(a, direction));
    levels.add(level(b, direction));
    return levels;
  }

  private List<Level> side(int from, int to, int direction) {
    List<Level> levels = new ArrayList<>(to - from);
    for (int i = from; i < to; i++) {
      levels.add(level(i, direction));
    }
    return levels;
  }

  /** Level {@code i} away from the touch: bids below 100.00, asks from 100.01 up. */
  private Level level(int i, int direction) {
    int cents = direction < 0 ? 10_000 - i : 10_001 + i;
    String price = (cents / 100) + "." + String.format("%02d", cents % 100);
    return new Level(price, (1 + random.nextInt(500)) / 100.0 + "");
  }

  /** A book top's newest source time is the event time of the newest delta in it. */
  @Override
  public long origin(ConsumerRecord<String, byte[]> output) {
    return Topics.BOOK_TOP
        .valueSerde()
        .deserializer()
        .deserialize(output.topic(), output.value())
        .sourceTime();
  }

  @Override
  public String describe() {
    return "Binance spot deltas (2 bid + 2 ask quantity changes) on 200 books of 20 levels a side";
  }
}
