package io.tickwire.bench.jobs;

import io.tickwire.model.Kline;
import io.tickwire.model.Topic;
import io.tickwire.model.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * Candle updates of 200 instruments as Binance sends them, one candle after another: three open
 * updates, the closed one and a reconnect duplicate of it, so one record in five is published.
 */
final class KlineWorkload implements Workload {

  private static final int INSTRUMENTS = 200;
  private static final long MINUTE = 60_000;
  private static final int UPDATES = 5;

  private final long start = System.currentTimeMillis() / MINUTE * MINUTE - 20_000 * MINUTE;
  private long sequence;

  @Override
  public String target() {
    return "kline-closer";
  }

  @Override
  public String applicationId() {
    return "tickwire-kline-closer";
  }

  @Override
  public Topic<String, ?> input() {
    return Topics.KLINES;
  }

  @Override
  public Topic<String, ?> output() {
    return Topics.KLINES_CLOSED;
  }

  @Override
  public ProducerRecord<String, byte[]> next(String topic, long now) {
    long n = sequence++;
    int instrument = (int) (n % INSTRUMENTS);
    long round = n / INSTRUMENTS;
    long candle = round / UPDATES;
    int update = (int) (round % UPDATES);
    long open = start + candle * MINUTE;
    String base = "SYM" + instrument;
    Kline kline =
        new Kline(
            "binance-spot",
            base + "-USDT",
            base + "USDT",
            "1m",
            open,
            open + MINUTE - 1,
            "100.10",
            "100.90",
            "99.80",
            "100." + (20 + update),
            "1234.5678",
            "123456.78",
            "600.1",
            "60012.3",
            250L + update,
            update >= 3,
            open + update * 15_000L,
            now * 1000);
    return new ProducerRecord<>(
        topic,
        null,
        now,
        kline.instrumentKey(),
        Topics.KLINES.valueSerde().serializer().serialize(topic, kline));
  }

  /** A closed candle keeps the timestamp of the record it came from. */
  @Override
  public long origin(ConsumerRecord<String, byte[]> output) {
    return output.timestamp();
  }

  @Override
  public String describe() {
    return "1m candle updates of 200 instruments: 3 open, 1 closed, 1 duplicate closed per candle";
  }
}
