package io.tickwire.bench.jobs;

import io.tickwire.model.BookTop;
import io.tickwire.model.Level;
import io.tickwire.model.Premium;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Aggregated books as book-aggregator publishes them (20 levels a side) for 100 assets on Upbit
 * (KRW) and Binance spot (USDT) plus Upbit's USDT-KRW rate, every one with a new mid, so every tick
 * has premiums to publish.
 */
final class PremiumWorkload implements Workload {

  private static final int ASSETS = 100;
  private static final int LEVELS = 20;

  private long sequence;

  @Override
  public String target() {
    return "premium";
  }

  @Override
  public String applicationId() {
    return "tickwire-premium";
  }

  @Override
  public Topic<String, ?> input() {
    return Topics.BOOK_TOP;
  }

  @Override
  public Topic<String, ?> output() {
    return Topics.PREMIUM;
  }

  @Override
  public ProducerRecord<String, byte[]> next(String topic, long now) {
    long n = sequence++;
    int slot = (int) (n % (2 * ASSETS + 1));
    long round = n / (2 * ASSETS + 1);
    BookTop top;
    if (slot == 2 * ASSETS) {
      top = top("upbit", "USDT-KRW", "KRW-USDT", 1385 + round % 7, 1, now);
    } else if (slot % 2 == 0) {
      String base = "SYM" + slot / 2;
      top = top("upbit", base + "-KRW", "KRW-" + base, 1_400_000 + round % 97, 1_000, now);
    } else {
      String base = "SYM" + slot / 2;
      top = top("binance-spot", base + "-USDT", base + "USDT", 1_000 + round % 13, 1, now);
    }
    return new ProducerRecord<>(
        topic,
        null,
        now,
        top.instrumentKey(),
        Topics.BOOK_TOP.valueSerde().serializer().serialize(topic, top));
  }

  private static BookTop top(
      String venue, String symbol, String nativeSymbol, long bid, long tick, long now) {
    List<Level> bids = new ArrayList<>(LEVELS);
    List<Level> asks = new ArrayList<>(LEVELS);
    for (int i = 0; i < LEVELS; i++) {
      bids.add(new Level(Long.toString(bid - i * tick), "1.5"));
      asks.add(new Level(Long.toString(bid + (i + 1) * tick), "2.5"));
    }
    String mid = tick == 1 ? bid + ".5" : Long.toString(bid + tick / 2);
    return new BookTop(
        venue,
        symbol,
        nativeSymbol,
        BookTop.Status.OK,
        LEVELS,
        bids,
        asks,
        bids.get(0).price(),
        asks.get(0).price(),
        mid,
        Long.toString(tick),
        "0.1",
        "-0.25",
        List.of(
            new BookTop.DepthBand(10, "1.5", "2.5"),
            new BookTop.DepthBand(50, "15", "25"),
            new BookTop.DepthBand(100, "30", "50")),
        now,
        now,
        now);
  }

  /** A premium is as old as the newest of its three books. */
  @Override
  public long origin(ConsumerRecord<String, byte[]> output) {
    Premium premium =
        Topics.PREMIUM.valueSerde().deserializer().deserialize(output.topic(), output.value());
    return Math.max(
        premium.sourceTime(), Math.max(premium.referenceSourceTime(), premium.fxSourceTime()));
  }

  @Override
  public String describe() {
    return "20-level book tops of 100 assets on Upbit KRW and Binance USDT + USDT-KRW, new mids";
  }
}
